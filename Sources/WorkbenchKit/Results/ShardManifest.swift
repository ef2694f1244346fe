import Foundation

/// `shard.json`: what makes a run-shaped folder a shard store — which shard of how many, and which trials it holds.
///
/// A shard store (`<run-key>.shard-2-of-4/`) has the layout of a run folder:
/// `manifest.json`, `trials/`, `pipelines/`, but none of the derived files;
/// those come once, when `merge` unites every shard's trial store into one
/// run folder and finalizes it. The file is written before any trial and
/// holds nothing run-varying, so `verify` compares it like any byte-stable file.
public struct ShardManifest: Sendable, Equatable {
  /// The file's name in a shard store.
  public static let fileName = "shard.json"

  /// Which shard this store holds.
  public var shard: Shard
  /// The run key of the whole run (the folder `merge` writes).
  public var runKey: String
  /// Config hashes of the shard's trials, in grid order.
  public var trials: [String]

  public init(shard: Shard, runKey: String, trials: [String]) {
    self.shard = shard
    self.runKey = runKey
    self.trials = trials
  }

  /// The document.
  public var json: JSONValue {
    ["shard": .int(shard.number), "of": .int(shard.count), "run_key": .string(runKey), "trials": .array(trials.map(JSONValue.string))]
  }

  /// The shard manifest of `folder`, nil when the folder is not a shard store (it has no `shard.json`).
  public static func read(_ folder: RunFolder) throws(SavedStateError) -> ShardManifest? {
    guard let bytes = folder.contents(fileName) else { return nil }
    let owner = "shard manifest \(folder.file(fileName))"
    guard let json = try? JSONParser.parse([UInt8](bytes)) else { throw SavedStateError(owner: owner, detail: "it is not valid JSON") }
    let saved = try SavedState(json, owner: owner)
    let number = try saved.int("shard"), count = try saved.int("of")
    guard count >= 1, count <= Shard.maximumCount, number >= 1, number <= count else {
      throw SavedStateError(owner: owner, detail: "shard \(number) of \(count) is not a shard number from 1 to a count up to \(Shard.maximumCount)")
    }
    return ShardManifest(shard: Shard(number: number, count: count), runKey: try saved.text("run_key"), trials: try saved.texts("trials"))
  }
}
