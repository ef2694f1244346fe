/// A plugin with one complete set of parameter values: one point of its grid.
public struct ResolvedPlugin: Sendable, Equatable {
  /// The plugin's registered name.
  public var name: String
  /// Every declared parameter's value, defaults filled in.
  public var parameters: Parameters
  /// An external plugin's fingerprint (``PluginOrigin/fingerprint``); `nil` for built-ins.
  public var fingerprint: String? = nil

  /// `{"use": name, "params": {…}}`, the form hashed and recorded; external plugins add `"plugin_sha256"`.
  public var json: JSONValue {
    var o: [String: JSONValue] = ["use": .string(name), "params": parameters.json]
    if let fingerprint { o["plugin_sha256"] = .string(fingerprint) }
    return .object(o)
  }

  /// The cluster count and every parameter that differs from its default, in declaration order
  /// (`k=3 init=random`), for tables; the full configuration is in the trial record.
  public func compactDescription(declared: [ParameterSpec]) -> String {
    declared.compactMap { spec in
      guard let value = parameters.values[spec.name],
        spec.name == TrialPlan.clusterCountParameter || spec.defaultValue.flatMap(spec.kind.normalize) != value
      else { return nil }
      return "\(spec.name)=\(Self.short(value))"
    }.joined(separator: " ")
  }

  private static func short(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): s
    case .array(let items): items.count <= 3 ? value.canonicalText : "[\(items.count) items]"
    default: value.canonicalText
    }
  }
}
