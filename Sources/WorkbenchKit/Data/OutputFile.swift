import Foundation

/// Checks on a file a command was asked to write, made before any work so a long fit never ends in "cannot write".
public enum OutputFile {
  /// Throws unless the folder that would hold `path` exists and is a folder; `flag` names the option in the message.
  ///
  /// Why: `cluster --labels-out missing/labels.csv` used to fit first and only
  /// then fail, suggesting a flag the command does not have.
  public static func checkFolder(of path: String, flag: String) throws(SpecError) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      throw SpecError(
        Location(file: flag), "the folder '\(folder)' for \(path) does not exist.",
        fix: "create it first (mkdir -p '\(folder)'), or give a path in an existing folder.")
    }
    guard isDirectory.boolValue else {
      throw SpecError(Location(file: flag), "'\(folder)' is a file, not a folder, so \(path) cannot be written.", fix: "give a path in a folder.")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw SpecError(Location(file: flag), "the folder '\(folder)' is not writable.", fix: "choose a folder you can write to.")
    }
  }
}
