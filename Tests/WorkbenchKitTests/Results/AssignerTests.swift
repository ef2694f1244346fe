import Foundation
import Testing
@testable import WorkbenchKit

@Suite("Assigning new rows with saved models")
struct AssignerTests {
  func runFixture(_ fixture: RunFixture) throws -> RunSummary {
    try fixture.run(out: fixture.results("a"), jobs: 2)
  }

  @Test("the fit's own rows get the fit's labels, for every trial")
  func sameRowsSameLabels() async throws {
    let fixture = try RunFixture()
    defer { fixture.remove() }
    let summary = try runFixture(fixture)
    let assigner = Assigner(registry: .builtIn)
    for record in summary.records {
      let assignment = try assigner.assign(runDirectory: summary.directory, trial: record.configHash, dataPath: fixture.directory.path + "/customers.csv")
      let saved = try String(contentsOfFile: RunFixture.labelsPath(summary.directory, record.configHash), encoding: .utf8)
      #expect(assignment.csv == saved)
    }
  }

  @Test("new rows are transformed with the fitted steps and labelled by id")
  func newRows() async throws {
    let fixture = try RunFixture()
    defer { fixture.remove() }
    let summary = try runFixture(fixture)
    let best = summary.leaderboard.ranked[0].record
    let original = try String(contentsOfFile: fixture.directory.path + "/customers.csv", encoding: .utf8).split(separator: "\n")
    let subset = [original[0], original[40], original[6], original[3]].joined(separator: "\n") + "\n"
    let path = fixture.directory.path + "/new.csv"
    try subset.write(toFile: path, atomically: true, encoding: .utf8)
    let assignment = try Assigner(registry: .builtIn).assign(runDirectory: summary.directory, trial: String(best.configHash.prefix(7)), dataPath: path)
    let fitted = try String(contentsOfFile: RunFixture.labelsPath(summary.directory, best.configHash), encoding: .utf8).split(separator: "\n")
    #expect(assignment.csv.split(separator: "\n") == [fitted[0], fitted[40], fitted[6], fitted[3]])
  }

  @Test("a file without the pipeline's columns, or an unknown trial, is a clear error")
  func errors() async throws {
    let fixture = try RunFixture()
    defer { fixture.remove() }
    let summary = try runFixture(fixture)
    let path = fixture.directory.path + "/bad.csv"
    try "customer_id,income\nC1,3\n".write(toFile: path, atomically: true, encoding: .utf8)
    let assigner = Assigner(registry: .builtIn)
    #expect(throws: DataError.self) { try assigner.assign(runDirectory: summary.directory, trial: summary.records[0].configHash, dataPath: path) }
    #expect(throws: SpecError.self) { try assigner.assign(runDirectory: summary.directory, trial: "zz", dataPath: path) }
    #expect(throws: SpecError.self) { try assigner.assign(runDirectory: fixture.directory.path, trial: "a", dataPath: path) }
  }
}
