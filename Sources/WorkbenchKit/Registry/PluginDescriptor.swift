/// A registered plugin as a value: its name, role, summary, declared parameters, capabilities and a factory.
///
/// The registry holds descriptors, not Swift types, so a plugin described at
/// run time — an external process plugin read from its manifest — sits beside
/// the built-ins and goes through the same validation, schema, help and
/// checks. Built-in Swift plugins adapt through one generic initialiser per
/// role (``AlgorithmDescriptor/init(_:)`` and its siblings); a manifest in
/// `plugins-registry/` reads back into the same declaration
/// (``PluginManifest/declaration(_:file:)``).
public protocol PluginDescriptor: Sendable {
  /// The role every descriptor of this type plays.
  static var kind: PluginKind { get }
  /// Stable kebab-case id used in specs, hashes and manifests.
  var name: String { get }
  /// One line for `workbench plugins`.
  var summary: String { get }
  /// The parameters, declared once.
  var parameters: [ParameterSpec] { get }
  /// Builds an instance from `parameters` and discards it; throws ``ParameterError`` for rules spanning parameters.
  func check(_ parameters: Parameters) throws
  /// Where an external plugin comes from; `nil` for built-ins. Its fingerprint enters the config hash of every trial using it.
  var origin: PluginOrigin? { get }
}

extension PluginDescriptor {
  /// The descriptor's role.
  public var kind: PluginKind { Self.kind }

  /// Checks `given` against the declared parameters and fills in defaults (see ``Parameters/resolve(_:declared:owner:at:)``).
  public func resolve(_ given: [String: JSONValue], at location: Location) -> Result<Parameters, SpecError> {
    Parameters.resolve(given, declared: parameters, owner: name, at: location)
  }
}
