/// Where an external plugin comes from: its manifest, its program and their fingerprint.
///
/// Built-in descriptors have none. The fingerprint (SHA-256 of the manifest's
/// bytes and of the plugin's own files) is recorded in the configuration of
/// every trial that uses the plugin (`plugin_sha256`), so a changed script or
/// binary changes the config hash and `verify` reports the difference.
public struct PluginOrigin: Sendable, Equatable {
  /// The manifest file, absolute.
  public var manifest: String
  /// SHA-256 of the manifest and the plugin's files.
  public var fingerprint: String
  /// The command as the manifest gives it, for `workbench plugins NAME`.
  public var command: [String]
  /// Why the plugin cannot run here (its program is missing), or `nil`.
  public var unavailableReason: String?
  /// Seconds one request may take.
  public var timeoutSeconds: Double

  init(manifest: ExternalManifest) {
    self.manifest = manifest.file
    fingerprint = manifest.fingerprint
    command = [manifest.command.program] + manifest.command.arguments
    unavailableReason = manifest.command.unavailableReason
    timeoutSeconds = manifest.timeoutSeconds
  }
}

/// An external plugin named in a spec whose program cannot be found.
struct ExternalPluginUnavailable: Error, Sendable, CustomStringConvertible {
  var plugin: String
  var reason: String
  var manifest: String

  var description: String { "it cannot run here: \(reason) (manifest \(manifest)); build or install the program, or fix the manifest's 'command'" }
}
