import Foundation

extension RunFolder {
  /// What a command that opens this run reads, each file with what it is for messages: the run's spec, its data file
  /// and everything in the folder.
  ///
  /// Commands check their output options against this list
  /// (``OutputFile/check(_:against:)``) before opening the run, so
  /// `report RUN --out spec.json` cannot replace the spec the run was made
  /// from, nor `assign --out` a trial's labels. The spec and data are found
  /// where opening the run finds them (through the manifest); `name` says
  /// which run ("the run", "the baseline run"). A folder without a readable
  /// manifest throws the error opening it would.
  public func inputs(named name: String) throws -> [(role: String, path: String)] {
    let manifest = try RunManifest.read(self)
    let contents = ((FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []).sorted()
    return [("\(name)'s spec", manifest.resolvedSpecFile(runFolder: self)), ("\(name)'s data file", manifest.resolvedDataFile(runFolder: self))]
      + contents.map { ("a file of \(name) folder", file($0)) }
  }
}
