import Testing
@testable import WorkbenchKit

@Suite("Agreement of two segmentations matched by customer id")
struct SegmentAgreementTests {
  @Test("rows are matched by id in any order; excluded rows and unmatched ids are left out and counted")
  func matching() {
    let first = IdentifiedLabels(ids: ["a", "b", "c", "d", "e", "x"], labels: [0, 0, 1, 1, nil, 1])
    let second = IdentifiedLabels(ids: ["d", "c", "b", "a", "e", "y"], labels: [5, 5, 2, 2, 2, 5])
    let agreement = SegmentAgreement(first, second)
    #expect(agreement.sharedRows == 4)
    #expect(agreement.onlyFirst == 1)
    #expect(agreement.onlySecond == 1)
    #expect(agreement.adjustedRandIndex == 1)
    #expect(agreement.table.firstLabels == [0, 1])
    #expect(agreement.table.secondLabels == [2, 5])
    #expect(agreement.table.counts == [[2, 0], [0, 2]])
  }

  @Test("the ARI is scikit-learn's on the shared rows: adjusted_rand_score([0,0,0,1,1,1], [0,0,1,1,2,2]) = 0.24242…")
  func adjustedRand() throws {
    let ids = (0..<6).map { "r\($0)" }
    let agreement = SegmentAgreement(IdentifiedLabels(ids: ids, labels: [0, 0, 0, 1, 1, 1]), IdentifiedLabels(ids: ids, labels: [0, 0, 1, 1, 2, 2]))
    // sklearn.metrics.adjusted_rand_score([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) == 0.24242424242424246
    #expect(abs(try #require(agreement.adjustedRandIndex) - 0.24242424242424246) < 1e-12)
    #expect(SegmentAgreement(IdentifiedLabels(ids: ["a"], labels: [0]), IdentifiedLabels(ids: ["b"], labels: [0])).adjustedRandIndex == nil)
  }

  @Test("segments are matched by overlap and their shares of each run's clustered rows compared; unmatched ones shift by their whole share")
  func shares() {
    // First: 5 rows in 0, 3 in 1, 2 in 2 (noise aside). Second renames them 7, 4, 9 and moves one row from 0 to 1.
    let ids = (0..<11).map { "c\($0)" }
    let first = IdentifiedLabels(ids: ids, labels: [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, -1])
    let second = IdentifiedLabels(ids: ids, labels: [7, 7, 7, 7, 4, 4, 4, 4, 9, 9, -1])
    let agreement = SegmentAgreement(first, second)
    #expect(agreement.shifts.map(\.first) == [0, 1, 2])
    #expect(agreement.shifts.map(\.second) == [7, 4, 9])
    #expect(agreement.shifts.map(\.firstShare) == [0.5, 0.3, 0.2])
    #expect(agreement.shifts.map(\.secondShare) == [0.4, 0.4, 0.2])
    #expect(abs(agreement.largestShift - 0.1) < 1e-15)

    // The second run splits segment 2 off into a new segment 3 of its own: it has no match in the first.
    let split = IdentifiedLabels(ids: ids, labels: [0, 0, 0, 0, 0, 1, 1, 1, 2, 3, -1])
    let more = SegmentAgreement(first, split)
    #expect(more.shifts.count == 4)
    #expect(more.shifts.last == SegmentAgreement.Shift(first: nil, second: 3, firstShare: 0, secondShare: 0.1))
    #expect(more.shifts[2].second == 2)
    #expect(abs(more.largestShift - 0.1) < 1e-15)
  }
}
