import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run's folder, `<out>/<experiment>/<run-key>/`, and safe writes inside it.
///
/// Everything a run writes stays inside this folder: sub-folders are created
/// one component at a time and a symbolic link met on the way is refused,
/// never followed; files are written with ``AtomicFile`` (exclusive temporary
/// names, rename over the target). The results root given with `--out` is
/// the user's choice and may itself be a link; nothing below it may be.
public struct RunFolder: Sendable {
  /// The run folder's path.
  public let path: String

  /// The folder at `path`, which must already exist (to read or re-derive a run).
  public init(existing path: String) {
    self.path = URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// Creates (or finds) `<root>/<experiment>/<runKey>/`, refusing links below `root`.
  public static func create(root: String, experiment: String, runKey: String) throws(ResultStoreError) -> RunFolder {
    let rootURL = URL(fileURLWithPath: root).standardizedFileURL
    do {
      try FileManager.default.createDirectory(at: rootURL, withIntermediateDirectories: true)
    } catch {
      throw ResultStoreError(path: root, reason: "cannot create the results folder (\(error.localizedDescription))")
    }
    let base = RunFolder(existing: rootURL.path)
    try base.folder(experiment)
    try base.folder("\(experiment)/\(runKey)")
    return RunFolder(existing: rootURL.appendingPathComponent(experiment).appendingPathComponent(runKey).path)
  }

  /// The absolute path of `relative` inside the folder.
  public func file(_ relative: String) -> String {
    URL(fileURLWithPath: path).appendingPathComponent(relative).path
  }

  /// Creates the sub-folder `relative` (and its parents) inside the run folder; a link on the way is an error.
  public func folder(_ relative: String) throws(ResultStoreError) {
    var current = path
    for component in relative.split(separator: "/") where component != "." {
      precondition(component != "..", "run files never climb out of the run folder")
      current += "/" + component
      var info = stat()
      if lstat(current, &info) == 0 {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: continue
        case S_IFLNK: throw Self.linkError(current)
        default:
          throw ResultStoreError(path: current, reason: "a file stands where the run needs a folder", fix: "remove it or choose another results folder")
        }
      }
      if mkdir(current, 0o755) != 0 && errno != EEXIST {
        throw ResultStoreError(path: current, reason: "cannot create the folder (\(String(cString: strerror(errno))))")
      }
    }
  }

  /// Throws when `relative`, or a folder on the way to it, is a symbolic link (nothing is followed; missing parts are fine).
  ///
  /// Reading, listing and removing go through this, so a link planted in a
  /// run folder (say `trials -> /elsewhere`) is never trusted, listed or
  /// emptied: its target lies outside the results folder.
  public func refuseLinks(_ relative: String) throws(ResultStoreError) {
    var current = path
    for component in relative.split(separator: "/") where component != "." {
      current += "/" + component
      if AtomicFile.isSymbolicLink(current) { throw Self.linkError(current) }
    }
  }

  /// The error for a symbolic link met inside the run folder.
  static func linkError(_ path: String) -> ResultStoreError {
    ResultStoreError(
      path: path, reason: "this is a symbolic link; results are only read and written inside the results folder, never through a link",
      fix: "remove the link (`rm \(path)`) or choose another results folder")
  }

  /// Writes `data` to `relative` atomically, creating its folder first.
  public func write(_ data: Data, to relative: String) throws(ResultStoreError) {
    let parent = (relative as NSString).deletingLastPathComponent
    if !parent.isEmpty { try folder(parent) }
    try AtomicFile.write(data, to: file(relative))
  }

  /// Writes `text` to `relative` atomically, creating its folder first.
  public func write(_ text: String, to relative: String) throws(ResultStoreError) {
    try write(Data(text.utf8), to: relative)
  }

  /// Writes `text` to `relative` unless it already holds exactly that text; returns whether it wrote.
  @discardableResult
  public func writeIfChanged(_ text: String, to relative: String) throws(ResultStoreError) -> Bool {
    let parent = (relative as NSString).deletingLastPathComponent
    if !parent.isEmpty { try folder(parent) }
    return try AtomicFile.writeIfChanged(Data(text.utf8), to: file(relative))
  }

  /// The bytes of `relative`, or nil when it is missing or it or a folder on its way is a link.
  public func contents(_ relative: String) -> Data? {
    guard (try? refuseLinks(relative)) != nil else { return nil }
    return FileManager.default.contents(atPath: file(relative))
  }

  /// The names inside the sub-folder `relative`, sorted; empty when it does not exist or a link is on its way.
  public func entries(_ relative: String) -> [String] {
    guard (try? refuseLinks(relative)) != nil else { return [] }
    return ((try? FileManager.default.contentsOfDirectory(atPath: file(relative))) ?? []).sorted()
  }

  /// Removes `relative` (a file or a whole sub-folder) if it exists; a link there is removed, not followed, and a
  /// link on the way to it is an error (what it points to lies outside the run folder).
  public func remove(_ relative: String) throws(ResultStoreError) {
    try refuseLinks((relative as NSString).deletingLastPathComponent)
    let full = file(relative)
    var info = stat()
    guard lstat(full, &info) == 0 else { return }
    do {
      try FileManager.default.removeItem(atPath: full)
    } catch {
      throw ResultStoreError(path: full, reason: "cannot remove it (\(error.localizedDescription))")
    }
  }

  /// Removes every temporary file a killed process left behind (names containing ``AtomicFile/temporaryMarker``).
  ///
  /// Only call this while holding the run's ``RunLock``: another process's
  /// temporary files are then impossible.
  public func removeLeftovers() throws(ResultStoreError) {
    guard let walker = FileManager.default.enumerator(atPath: path) else { return }
    var leftovers: [String] = []
    while let relative = walker.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      if name.hasPrefix("."), name.contains(AtomicFile.temporaryMarker) { leftovers.append(relative) }
    }
    for relative in leftovers.sorted() { try remove(relative) }
  }

  /// Removes everything in the folder but `keeping` (to start a run over).
  public func removeAll(keeping: Set<String>) throws(ResultStoreError) {
    for name in entries(".") where !keeping.contains(name) { try remove(name) }
  }
}
