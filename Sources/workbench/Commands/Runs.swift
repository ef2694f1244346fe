import ArgumentParser
import WorkbenchKit

/// `workbench runs [RESULTS_DIR]`: every run found, one line each.
struct Runs: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the runs under a results folder: experiment, run key, data, start, trials, chosen trial and score.",
    discussion: "Reads each run's manifest.json and metrics.json (written when a run is finalized); shard stores are marked.")

  @Argument(help: "The results folder to search.")
  var results = "results"

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    let listing = RunListing(root: results)
    if json {
      print(listing.json.prettyText, terminator: "")
    } else if listing.entries.isEmpty {
      print("no runs under \(results).")
    } else {
      print(listing.table, terminator: "")
    }
  }
}
