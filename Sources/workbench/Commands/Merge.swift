import ArgumentParser
import WorkbenchKit

/// `workbench merge OUT SHARD_DIR…`: unite a split run's shard stores into one run folder and finalize it.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Merge the shard stores of a split run (run --shard I/N) into one run folder, then rank it.",
    discussion: """
      Checks first that every folder is a shard store of the same spec and data, and that every \
      trial of the plan is in exactly one shard; a missing shard, a missing or duplicated trial, \
      or a shard of another spec is an error naming it, and nothing is written. The merged run \
      lands in OUT/<experiment>/<run-key>/ and is byte-identical to an unsharded run of the spec. \
      Exit 1 when some trials failed (as run), 2 when the shards do not fit together.
      """)

  @Argument(help: "The results root to merge into (like run --out); the run lands in OUT/<experiment>/<run-key>/.")
  var out: String

  @Argument(help: ArgumentHelp("The shard stores, e.g. results/customer-segments/<run-key>.shard-*.", valueName: "shard-dir"))
  var shards: [String]

  @OptionGroup var threads: JobsOption

  @OptionGroup var plugins: PluginOptions

  func run() throws {
    let merged: ShardMerger.Merged
    do {
      merged = try threads.run { try ShardMerger(registry: try shards.first.map { try plugins.registry(run: $0) } ?? plugins.registry()).merge(shardDirectories: shards, outputRoot: out) }
    } catch {
      throw CLIFailure.report(error)
    }
    let records = merged.derived.records
    print("merged \(merged.shards.count) shards: \(records.count) trials (\(merged.copied) copied, \(merged.kept) already there) → \(merged.directory)")
    let failed = records.filter { $0.status == .failed }.count
    if failed > 0 {
      CLIFailure.printError("\(failed) of \(records.count) trials failed; see leaderboard.md for the reasons.")
      throw ExitCode(CLIFailure.trialsFailed)
    }
  }
}
