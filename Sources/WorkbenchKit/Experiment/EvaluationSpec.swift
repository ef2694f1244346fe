/// The `evaluation` section of a spec: the one space in which every trial's internal metrics are compared for ranking.
///
/// Silhouette and the other internal metrics depend on the space distances
/// are measured in, so scores computed in each pipeline's own output are not
/// comparable: a pipeline that leaves income in dollars "wins" by splitting
/// on income alone. Every trial is therefore also scored in one shared space,
/// and ranking uses those scores.
public struct EvaluationSpec: Sendable, Equatable {
  /// Where trials are scored for ranking.
  public enum Space: Sendable, Equatable {
    /// The spec's features, imputed (median, most frequent) and standardised; categorical columns one-hot encoded
    /// with each indicator multiplied by ``EvaluationSpec/categoricalWeight``.
    case standardized
    /// Each trial in its own pipeline's output (comparable only within a pipeline).
    case pipeline
    /// The output of the named pipeline, fitted once, for every trial.
    case named(String)

    /// The name used in specs and records.
    public var name: String {
      switch self {
      case .standardized: "standardized"
      case .pipeline: "pipeline"
      case .named(let pipeline): pipeline
      }
    }
  }

  /// The space.
  public var space: Space
  /// The factor applied to one-hot indicators of categorical columns in the standardized space.
  public var categoricalWeight: Double

  public init(space: Space = .standardized, categoricalWeight: Double = EvaluationSpec.defaultCategoricalWeight) {
    self.space = space
    self.categoricalWeight = categoricalWeight
  }

  /// 1/√2: two rows in different categories are then at squared distance 1, as far as two rows one standard
  /// deviation apart in one numeric feature.
  public static let defaultCategoricalWeight = 0.5.squareRoot()

  /// The section's keys, declared like plugin parameters.
  public static let parameters: [ParameterSpec] = [
    ParameterSpec(
      "space", .text, default: "standardized",
      "Where trials are scored for ranking: \"standardized\" (the spec's features imputed and standardised), \"pipeline\" (each trial's own pipeline output), or a pipeline's name."),
    ParameterSpec(
      "categorical_weight", .real(minimum: 0, maximum: 10, openMinimum: true), default: .double(defaultCategoricalWeight),
      "Factor on the one-hot indicators of categorical columns in the standardized space (1/√2: a category change counts like one standard deviation)."),
  ]
}
