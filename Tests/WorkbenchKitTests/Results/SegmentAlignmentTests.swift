import Foundation
import Testing
@testable import WorkbenchKit

@Suite("Segment alignment")
struct SegmentAlignmentTests {
  @Test("segments take the id of the reference segment they overlap most; extra segments take new ids, larger first")
  func mapping() {
    // Reference: ids by size → A (rows 0-3) = 0, B (rows 4-6) = 1, C (rows 7-8) = 2.
    let reference: [Int?] = [5, 5, 5, 5, 9, 9, 9, 7, 7, nil]
    // Trial: splits A into two (labels 1 and 3), keeps B as 0, C as 2.
    let trial: [Int?] = [1, 1, 3, 3, 0, 0, 0, 2, 2, 2]
    let m = SegmentAlignment.mapping(trial, reference: reference)
    #expect(m[0] == 1)
    #expect(m[2] == 2)
    #expect(Set([m[1]!, m[3]!]) == [0, 3])
    // Renumbering the trial arbitrarily gives the same aligned labels.
    let renamed = trial.map { $0.map { [7, 4, 6, 2][$0] } }
    let again = SegmentAlignment.mapping(renamed, reference: reference)
    #expect(trial.map { $0.flatMap { m[$0] } } == renamed.map { $0.flatMap { again[$0] } })
    // The reference aligned with itself is numbered by size.
    #expect(SegmentAlignment.mapping(reference, reference: reference) == [5: 0, 9: 1, 7: 2])
  }

  @Test("in a run, every trial's segment ids map its canonical labels onto the best trial's segments")
  func inRun() throws {
    let fixture = try RunFixture()
    defer { fixture.remove() }
    let summary = try fixture.run(out: fixture.results("s"), jobs: 2)
    let results = try RunResults.open(summary.directory, registry: .builtIn)
    let best = summary.leaderboard.ranked[0].record
    let reference = try results.labels(best).labels
    #expect(best.segmentIds == Array(0..<best.clusterCount!))
    var checked = 0
    for record in summary.records where record.clusterCount == 4 {
      let ids = try #require(record.segmentIds)
      let own = try results.labels(record).labels.map { $0.map { ids[$0] } }
      // The three well-separated groups keep the reference's ids; the split adds id 3.
      #expect(Set(own.compactMap { $0 }) == [0, 1, 2, 3])
      #expect(own.count == reference.count)
      let agreement = zip(own, reference).filter { $0 == $1 }.count
      #expect(agreement >= 60)
      #expect(ids.sorted() == [0, 1, 2, 3])
      checked += 1
    }
    #expect(checked == 2)
  }
}
