import Foundation

/// The private temporary folder of one request to an external plugin, removed when the request is over.
///
/// `work/` is the program's working folder, its `HOME` and `TMPDIR`, where
/// the workbench writes the inputs and the program writes its outputs, and —
/// where the kernel confines writes — the only place it may write. The
/// request, standard output and standard error live beside `work/`, out of
/// the program's reach by path.
final class PluginFolder: Sendable {
  /// The folder holding everything.
  let root: URL
  /// The program's working folder.
  let work: URL

  /// The largest output file read back (a memberships matrix, a transformed table).
  static let fileLimit = 16 << 30

  init() throws(FitError) {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-plugin-\(UUID().uuidString)")
    work = root.appendingPathComponent("work")
    do {
      try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw .degenerate("cannot create a temporary folder for an external plugin in \(root.deletingLastPathComponent().path): \(error.localizedDescription)")
    }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// The absolute path of `name` in the working folder.
  func path(_ name: String) -> String { work.appendingPathComponent(name).path }

  /// Writes `data` to `name` in the working folder.
  func write(_ data: Data, to name: String) throws(FitError) {
    do {
      try data.write(to: work.appendingPathComponent(name))
    } catch {
      throw .degenerate("cannot write \(name) for an external plugin: \(error.localizedDescription)")
    }
  }

  /// The bytes of an output file the program names in its response.
  ///
  /// Only a plain file name in the working folder is accepted: no folders,
  /// no `..`, no symbolic link, nothing larger than ``fileLimit``; anything
  /// else is the plugin reaching outside its folder, and fails the request.
  func output(_ name: String, plugin: String, field: String) throws(FitError) -> Data {
    guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
      throw .degenerate("plugin '\(plugin)' named '\(name)' as its \(field); outputs must be plain file names in its own folder")
    }
    let url = work.appendingPathComponent(name)
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    guard let type = attributes?[.type] as? FileAttributeType else {
      throw .degenerate("plugin '\(plugin)' named '\(name)' as its \(field), but wrote no such file in its folder")
    }
    guard type == .typeRegular else {
      throw .degenerate("plugin '\(plugin)' named '\(name)' as its \(field), which is not a plain file (links out of its folder are refused)")
    }
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    guard size <= Self.fileLimit else { throw .degenerate("plugin '\(plugin)' wrote a \(field) of \(size) bytes, more than the \(Self.fileLimit >> 30) GiB limit") }
    guard let data = FileManager.default.contents(atPath: url.path) else { throw .degenerate("plugin '\(plugin)': its \(field) \(name) cannot be read") }
    return data
  }
}
