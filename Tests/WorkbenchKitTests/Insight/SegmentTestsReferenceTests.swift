import Foundation
import Testing
@testable import WorkbenchKit
import WorkbenchTestSupport

/// ANOVA, Kruskal–Wallis, Mann–Whitney U with Holm and χ² against scipy on Iris, Wine and the simulated customers.
///
/// Reference values: `insight-tests.json`, written by `Fixtures/generate_insight_fixtures.py`
/// (scipy 1.17.1) from the same CSV files, grouped by their truth column.
@Suite("Tests across segments against scipy")
struct SegmentTestsReferenceTests {
  typealias F = FixtureLoader

  static let fixture = InsightFixtures.tests

  /// `observed` within 1e-9 of scipy's `expected`; p-values below 1e-300 only need to be below 1e-290 too.
  private func expectScipy(_ observed: Double?, _ expected: JSONValue, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let observed, let expected = expected.number else {
      Issue.record("\(what): \(String(describing: observed)) vs \(expected)", sourceLocation: sourceLocation)
      return
    }
    if abs(expected) > 1e-300 {
      expectClose(observed, expected, relative: 1e-9, floor: 0, Comment(rawValue: what), sourceLocation: sourceLocation)
    } else {
      #expect(abs(observed) < 1e-290, "\(what): \(observed) where scipy gives \(expected)", sourceLocation: sourceLocation)
    }
  }

  @Test("numeric columns: F, p, eta², H, p, epsilon², every pair's U, p and Holm p agree with scipy to 1e-9", arguments: ["iris", "wine", "customers"])
  func numeric(_ name: String) throws {
    let reference = try F.field(try #require(Self.fixture), name)
    let table = try ShippedData.table(try #require(F.field(reference, "file").string))
    let (labels, groups) = ShippedData.labels(table, truth: try #require(F.field(reference, "truth").string))
    let expectedGroups = (try F.field(reference, "groups").array ?? []).compactMap(\.string)
    #expect(groups == expectedGroups)
    let rows = SegmentRows(labels: labels)
    let columns = try #require(F.field(reference, "numeric").array)
    #expect(columns.count >= 4)
    for expected in columns {
      let column = try #require(F.field(expected, "column").string)
      let tests = NumericColumnTests(column: column, values: GroupedValues(column: try #require(table.column(named: column)?.numbers), rows: rows), rows: rows)
      let anova = try tests.anova.get(), kruskal = try tests.kruskalWallis.get()
      expectScipy(anova.f, try F.field(expected, "f"), "\(name).\(column) F")
      expectScipy(anova.p, try F.field(expected, "f_p"), "\(name).\(column) F p")
      expectScipy(anova.etaSquared, try F.field(expected, "eta_squared"), "\(name).\(column) eta²")
      expectScipy(kruskal.h, try F.field(expected, "h"), "\(name).\(column) H")
      expectScipy(kruskal.p, try F.field(expected, "h_p"), "\(name).\(column) H p")
      expectScipy(kruskal.epsilonSquared, try F.field(expected, "epsilon_squared"), "\(name).\(column) epsilon²")
      let pairs = try #require(F.field(expected, "pairs").array)
      #expect(tests.pairs.count == pairs.count)
      for (pair, reference) in zip(tests.pairs, pairs) {
        let a = try F.field(reference, "a").integer, b = try F.field(reference, "b").integer
        #expect(pair.first == a && pair.second == b)
        let test = try pair.test.get()
        let what = "\(name).\(column) \(pair.first)-\(pair.second)"
        expectScipy(test.u, try F.field(reference, "u"), "\(what) U")
        expectScipy(test.p, try F.field(reference, "p"), "\(what) p")
        expectScipy(pair.adjustedP, try F.field(reference, "p_holm"), "\(what) Holm p")
      }
    }
  }

  @Test("categorical columns: chi², dof, p and Cramér's V agree with scipy to 1e-9", arguments: ["iris", "wine", "customers"])
  func categorical(_ name: String) throws {
    let reference = try F.field(try #require(Self.fixture), name)
    var table = try ShippedData.table(try #require(F.field(reference, "file").string))
    for (column, cells) in try #require(F.field(reference, "derived_categorical").object).sorted(by: { $0.key < $1.key }) {
      table.columns.append(.categorical(column, (cells.array ?? []).map(\.string)))
    }
    let (labels, _) = ShippedData.labels(table, truth: try #require(F.field(reference, "truth").string))
    let rows = SegmentRows(labels: labels)
    let columns = try #require(F.field(reference, "categorical").array)
    #expect(!columns.isEmpty)
    for expected in columns {
      let column = try #require(F.field(expected, "column").string)
      let profile = CategoricalColumnProfile(column: column, labels: try #require(table.column(named: column)?.labels), rows: rows)
      let categories = (try F.field(expected, "categories").array ?? []).compactMap(\.string)
      let counts = try (try F.field(expected, "counts").array ?? []).map { try F.ints($0, "counts") }
      #expect(profile.categories == categories)
      #expect(profile.segments.map(\.counts) == counts)
      let test = try CategoricalColumnTest(profile: profile, rows: rows).chiSquare.get()
      expectScipy(test.chiSquared, try F.field(expected, "chi2"), "\(name).\(column) chi²")
      let degrees = try F.field(expected, "dof").integer
      #expect(test.degrees == degrees)
      expectScipy(test.p, try F.field(expected, "p"), "\(name).\(column) p")
      expectScipy(test.cramersV, try F.field(expected, "cramers_v"), "\(name).\(column) V")
    }
  }
}
