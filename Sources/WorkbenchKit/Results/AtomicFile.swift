import Foundation

/// Writes files so that a reader (or a killed run) never sees a half-written one.
public enum AtomicFile {
  /// Writes `text` to `path` through a temporary file in the same folder and a rename.
  public static func write(_ text: String, to path: String) throws(ResultStoreError) {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` to `path` through a temporary file in the same folder and a rename.
  public static func write(_ data: Data, to path: String) throws(ResultStoreError) {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    do {
      try data.write(to: temporary)
      if rename(temporary.path, url.path) != 0 {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw ResultStoreError(path: path, reason: "cannot write the file (\(error.localizedDescription))")
    }
  }
}
