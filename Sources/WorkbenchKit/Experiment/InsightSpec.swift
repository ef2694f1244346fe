/// The `insight` section of a spec: column roles and the settings of the segment insight step.
///
/// Insight (profiles, names, importance, tests, behaviour) is derived when a
/// run is finalized, for the chosen trial and the best trial of each method.
/// It is on by default; `"enabled": false` skips it (a benchmark that times
/// only fitting, or data too large to profile every time).
public struct InsightSpec: Sendable, Equatable {
  /// Whether finalizing derives insight.
  public var enabled: Bool
  /// Column roles; unset ones are recognised by name.
  public var roles: InsightRoles
  /// Forest size, permutation repeats and sample limit.
  public var options: InsightOptions

  public init(enabled: Bool = true, roles: InsightRoles = InsightRoles(), options: InsightOptions = InsightOptions()) {
    self.enabled = enabled
    self.roles = roles
    self.options = options
  }

  /// The section's keys besides `roles`, declared like plugin parameters.
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("enabled", .boolean, default: true, "Derive segment insight when the run is finalized."),
    ParameterSpec("trees", .integer(minimum: 1, maximum: 1000), default: 100, "Trees in the random forest behind feature importance."),
    ParameterSpec("permutation_repeats", .integer(minimum: 1, maximum: 100), default: 5, "Shuffles per feature for permutation importance."),
    ParameterSpec(
      "forest_sample_limit", .integer(minimum: 100, maximum: 10_000_000), default: 20_000,
      "Rows above which the forest learns from a stratified sample of about this many."),
  ]
}
