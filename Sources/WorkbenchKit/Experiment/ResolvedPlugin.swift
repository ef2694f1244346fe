/// A plugin with one complete set of parameter values: one point of its grid.
public struct ResolvedPlugin: Sendable, Equatable {
  /// The plugin's registered name.
  public var name: String
  /// Every declared parameter's value, defaults filled in.
  public var parameters: Parameters

  /// `{"use": name, "params": {…}}`, the form hashed and recorded.
  public var json: JSONValue { ["use": .string(name), "params": parameters.json] }

  /// Parameters in declaration order as `k=3 n_init=10`, for tables.
  public func compactDescription(declared: [ParameterSpec]) -> String {
    declared.compactMap { spec in parameters.values[spec.name].map { "\(spec.name)=\(Self.short($0))" } }.joined(separator: " ")
  }

  private static func short(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): s
    case .array(let items): items.count <= 3 ? value.canonicalText : "[\(items.count) items]"
    default: value.canonicalText
    }
  }
}
