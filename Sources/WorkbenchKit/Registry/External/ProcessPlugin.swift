/// A plugin whose work is done by an external program; its declarations live in its manifest, not in Swift.
///
/// The ``Plugin`` protocol asks every plugin type for static declarations
/// and `init(validated:)`. A process plugin's type serves every external
/// plugin of its role, so these defaults only satisfy the protocol: the
/// registry holds each plugin's real name, summary and parameters in its
/// descriptor, built from the manifest with the manifest and validated
/// parameters (never through `init(validated:)`, which throws).
protocol ProcessPlugin: Plugin {
  /// The role, for the placeholder name and summary ("algorithm").
  static var role: PluginKind { get }
}

extension ProcessPlugin {
  static var name: String { "process-\(role.rawValue)" }
  static var summary: String { "A \(role.rawValue) run as an external program (protocol v1)." }
  static var parameters: [ParameterSpec] { [] }

  /// Process plugins are built from their manifest, never from parameters alone.
  init(validated: Parameters) throws {
    throw ParameterError(parameter: "", message: "an external \(Self.role.rawValue) is built from its manifest", fix: "load it with ExternalPlugins.")
  }
}
