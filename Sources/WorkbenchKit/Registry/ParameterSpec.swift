/// The one declaration of a plugin parameter.
///
/// Validation, default filling (before the config hash), `workbench plugins`
/// help, the JSON Schema and the manifests in `plugins-registry/` are all
/// generated from this value, so they cannot drift apart.
public struct ParameterSpec: Sendable, Equatable {
  /// The JSON key, snake_case, the same as scikit-learn's where the concept is the same.
  public var name: String
  /// Type and allowed values.
  public var kind: ParameterKind
  /// The default; `nil` means the parameter is required.
  public var defaultValue: JSONValue?
  /// One line of help; the schema's "description".
  public var summary: String

  public init(_ name: String, _ kind: ParameterKind, default defaultValue: JSONValue?, _ summary: String) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.summary = summary
  }
}
