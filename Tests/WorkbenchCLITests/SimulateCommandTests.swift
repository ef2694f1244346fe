import Foundation
import Testing
import WorkbenchKit

/// `workbench simulate` through the built binary.
@Suite("workbench simulate")
struct SimulateCommandTests {
  @Test("writes the seeded simulator's customers and transactions, byte for byte what the library writes")
  func matchesLibrary() throws {
    let ws = try Workspace()
    let output = try ws.run("simulate", "--rows", "50", "--seed", "7", "--missing-rate", "0.1", "--output", "c.csv", "--transactions", "t.csv")
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout == "wrote 50 customers to c.csv and their transactions to t.csv\n")
    let simulator = CustomerSimulator(rows: 50, seed: 7, missingRate: 0.1)
    #expect(try ws.read("c.csv") == CSVWriter().text(of: simulator.table()))
    try simulator.writeTransactionsCSV(to: ws.path("library-t.csv"))
    #expect(try ws.read("t.csv") == (try ws.read("library-t.csv")))
    let customers = try ws.csvRows("c.csv")
    #expect(customers.count == 51 && customers[0].first == "customer_id" && customers[0].last == "segment")
    let buyers = Set(try ws.csvRows("t.csv").dropFirst().map { $0[0] })
    #expect(buyers == Set(customers.dropFirst().map { $0[0] }), "every customer has transactions, and only they")
  }

  @Test("the same seed gives the same file; another seed another; missing cells follow --missing-rate")
  func seeds() throws {
    let ws = try Workspace()
    for (seed, file, rate) in [("3", "a.csv", "0"), ("3", "b.csv", "0"), ("4", "c.csv", "0"), ("3", "d.csv", "0.3")] {
      #expect(try ws.run("simulate", "--rows", "40", "--seed", seed, "--missing-rate", rate, "--output", file).status == 0)
    }
    #expect(try ws.read("a.csv") == (try ws.read("b.csv")))
    #expect(try ws.read("a.csv") != (try ws.read("c.csv")))
    #expect(!(try ws.read("a.csv")).contains(",,"), "no missing cells at rate 0")
    #expect(try ws.read("d.csv").contains(",,"), "missing cells at rate 0.3")
    #expect(!ws.exists("customers.csv"))
  }

  @Test("an output path that cannot be written is exit 2 naming it, checked before any work; nothing else is written")
  func unwritable() throws {
    let ws = try Workspace(["blocker": "a file, not a folder\n"])
    let output = try ws.run("simulate", "--rows", "5", "--output", "blocker/customers.csv")
    #expect(output.status == 2)
    #expect(output.stderr.contains("blocker/customers.csv cannot be written") && output.stderr.contains("is a file, not a folder"), "\(output.stderr)")
    #expect(output.stdout.isEmpty)
  }
}
