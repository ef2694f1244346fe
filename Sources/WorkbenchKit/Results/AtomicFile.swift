import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a reader (or a killed run) never sees a half-written one, and never through a link.
///
/// The bytes go to a fresh temporary file in the target's folder, created
/// exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`: a file or symbolic link
/// already at that name is never opened, so a planted link cannot redirect
/// the write), then renamed over the target (`rename` replaces a link at the
/// target instead of following it). Temporary names start with `.` and
/// contain ``temporaryMarker``, so a later run can find and remove the
/// leftovers of a killed one.
public enum AtomicFile {
  /// The part of every temporary name that marks it as a leftover when a process dies before the rename.
  public static let temporaryMarker = ".partial-"

  /// Writes `text` to `path` atomically.
  public static func write(_ text: String, to path: String) throws(ResultStoreError) {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` to `path` atomically.
  public static func write(_ data: Data, to path: String) throws(ResultStoreError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let pid = ProcessInfo.processInfo.processIdentifier
    for attempt in 0..<100 {
      let temporary = folder.appendingPathComponent(".\(url.lastPathComponent)\(temporaryMarker)\(pid)-\(attempt)").path
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      if descriptor < 0 {
        if errno == EEXIST { continue }
        throw ResultStoreError(path: path, reason: "cannot create a temporary file beside it (\(String(cString: strerror(errno))))")
      }
      let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      do {
        try handle.write(contentsOf: data)
        try handle.close()
      } catch {
        unlink(temporary)
        throw ResultStoreError(path: path, reason: "cannot write the file (\(error.localizedDescription))")
      }
      guard rename(temporary, path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw ResultStoreError(path: path, reason: "cannot move the finished file into place (\(reason))")
      }
      return
    }
    throw ResultStoreError(path: path, reason: "100 temporary names beside it are taken")
  }

  /// Writes `data` to `path` atomically unless the file already holds exactly these bytes (then nothing is touched).
  ///
  /// Re-deriving run-level files with this leaves an unchanged file's
  /// modification time alone, so "nothing was rewritten" can be checked.
  /// - Returns: whether the file was written.
  @discardableResult
  public static func writeIfChanged(_ data: Data, to path: String) throws(ResultStoreError) -> Bool {
    if !isSymbolicLink(path), let existing = FileManager.default.contents(atPath: path), existing == data { return false }
    try write(data, to: path)
    return true
  }

  /// Whether `path` itself is a symbolic link (not followed).
  public static func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }
}
