import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which file a path names: equal identities are the same file, however the paths are spelled.
///
/// An existing file is its device and inode (`stat`, symbolic links
/// followed), so `data.csv`, `./data.csv`, an absolute path, a symbolic link
/// and a hard link all agree. A file that does not exist yet has no inode;
/// it is its absolute path with the folder's symbolic links and `..`
/// resolved (`realpath`), or, when the folder is missing too, the
/// standardized absolute path. Two paths to one file either both exist or
/// both do not, so the two kinds never need comparing with each other.
///
/// Why: comparing the strings a user typed let `cluster data.csv
/// --labels-out ./data.csv` replace its own input (see ``OutputFile``).
public enum FileIdentity: Hashable, Sendable {
  /// An existing file: the device holding it and its inode there.
  case inode(device: UInt64, inode: UInt64)
  /// A file that does not exist: its resolved absolute path.
  case path(String)

  /// The identity of the file at `path` (relative paths against the current folder).
  public init(of path: String) {
    var info = stat()
    if stat(path, &info) == 0 {
      self = .inode(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
      return
    }
    let url = URL(fileURLWithPath: path)
    guard let folder = realpath(url.deletingLastPathComponent().path, nil) else {
      self = .path(url.standardizedFileURL.path)
      return
    }
    defer { free(folder) }
    self = .path(URL(fileURLWithPath: String(cString: folder)).appendingPathComponent(url.lastPathComponent).path)
  }
}
