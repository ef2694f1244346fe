import Foundation

/// Checks on the files a command was asked to write, made before any work so a long fit never ends in "cannot write"
/// and an output never replaces an input.
public enum OutputFile {
  /// Throws unless every output can be written and is a file of its own; call it before the command does any work.
  ///
  /// `outputs` pairs each output option with its path (`nil` when not given);
  /// `inputs` pairs each file the command reads with what it is, for the
  /// message ("the data file", "the run's spec"), and is only evaluated when
  /// an output is given (listing a run folder's files walks the folder). Each
  /// output's folder must exist and be writable, and the output must not be
  /// the same file (``FileIdentity``: symbolic and hard links, any spelling)
  /// as an input or as an earlier output. Every problem is reported at once,
  /// at its option, as a ``SpecError`` (exit 2).
  ///
  /// Why: `cluster data.csv --labels-out data.csv` replaced the data with its
  /// labels, `report RUN --out spec.json` the run's spec with HTML and
  /// `simulate --output same.csv --transactions same.csv` kept only the
  /// transactions, all with exit 0; and `cluster --labels-out missing/labels.csv`
  /// used to fit first and only then fail.
  public static func check(
    _ outputs: [(flag: String, path: String?)], against inputs: @autoclosure () throws -> [(role: String, path: String)] = []
  ) throws {
    let given = outputs.compactMap { output in output.path.map { (flag: output.flag, path: $0, identity: FileIdentity(of: $0)) } }
    guard !given.isEmpty else { return }
    let read = try inputs().map { (role: $0.role, path: $0.path, identity: FileIdentity(of: $0.path)) }
    var problems: [Problem] = []
    for (i, output) in given.enumerated() {
      if let problem = folderProblem(of: output.path, flag: output.flag) {
        problems.append(problem)
      } else if let input = read.first(where: { $0.identity == output.identity }) {
        problems.append(
          Problem(
            Location(file: output.flag), "\(output.path) is the same file as \(input.role) (\(input.path)); writing it would destroy that input.",
            fix: "choose another file for \(output.flag)."))
      } else if let earlier = given[..<i].first(where: { $0.identity == output.identity }) {
        problems.append(
          Problem(
            Location(file: output.flag), "\(output.path) is the same file as \(earlier.flag) (\(earlier.path)); one would overwrite the other.",
            fix: "choose another file for \(output.flag)."))
      }
    }
    guard problems.isEmpty else { throw SpecError(problems) }
  }

  /// Why `path` cannot be written, or nil: it must not be a folder, and the folder that would hold it must exist, be a
  /// folder and be writable.
  private static func folderProblem(of path: String, flag: String) -> Problem? {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      return Problem(Location(file: flag), "\(path) is a folder, not a file.", fix: "give the path of a file (inside that folder, say), not the folder itself.")
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      return Problem(
        Location(file: flag), "the folder '\(folder)' for \(path) does not exist.",
        fix: "create it first (mkdir -p '\(folder)'), or give a path in an existing folder.")
    }
    guard isDirectory.boolValue else {
      return Problem(Location(file: flag), "'\(folder)' is a file, not a folder, so \(path) cannot be written.", fix: "give a path in a folder.")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      return Problem(Location(file: flag), "the folder '\(folder)' is not writable.", fix: "choose a folder you can write to.")
    }
    return nil
  }
}
