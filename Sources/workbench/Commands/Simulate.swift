import ArgumentParser
import WorkbenchKit

/// `workbench simulate`: a seeded customers CSV with known latent segments.
struct Simulate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a simulated customers CSV with known segments (the `segment` column).",
    discussion: "Five latent segments with realistic, skewed behaviour columns; the same seed always gives the same file.")

  @Option(help: "Number of customers.")
  var rows = 5_000

  @Option(help: "Generator seed.")
  var seed: UInt64 = 2026

  @Option(help: "Share of age and income cells left missing (0…1).")
  var missingRate = 0.02

  @Option(help: "The CSV file to write.")
  var output = "customers.csv"

  @Option(help: "Also write each customer's transactions (date, amount, discount, channel, category, campaign response) to this CSV file.")
  var transactions: String?

  func validate() throws {
    guard (1...Self.maximumRows).contains(rows) else { throw ValidationError("--rows must be from 1 to \(Self.maximumRows); got \(rows).") }
    guard (0...1).contains(missingRate) else { throw ValidationError("--missing-rate must be between 0 and 1; got \(missingRate).") }
  }

  /// The most customers one file may hold (a 100-million-row file is about 10 GB).
  static let maximumRows = 100_000_000

  func run() throws {
    do {
      try OutputFile.check([("--output", output), ("--transactions", transactions)])
    } catch {
      throw CLIFailure.report(error)
    }
    let simulator = CustomerSimulator(rows: rows, seed: seed, missingRate: missingRate)
    do {
      try CSVWriter().write(simulator.table(), to: output)
      if let transactions { try simulator.writeTransactionsCSV(to: transactions) }
    } catch {
      throw CLIFailure.report(ResultStoreError(path: transactions ?? output, reason: "cannot write the file (\(error))"))
    }
    print("wrote \(rows) customers to \(output)" + (transactions.map { " and their transactions to \($0)" } ?? ""))
  }
}
