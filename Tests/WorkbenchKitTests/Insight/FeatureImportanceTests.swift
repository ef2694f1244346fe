import Foundation
import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// CART against scikit-learn, and the forest's importance and surrogate rules on data with known structure.
@Suite("Feature importance")
struct FeatureImportanceTests {
  typealias F = FixtureLoader

  /// Three segments of 200 rows: `a` separates segment 1, `b` segment 2; `c`…`f` are noise. Columns in original units.
  static func structured(seed: UInt64 = 5) -> (table: DataTable, labels: [Int?]) {
    var rng = SeededGenerator(seed: seed)
    var columns = Array(repeating: [Double](), count: 6)
    var labels: [Int?] = []
    for row in 0..<600 {
      let segment = row % 3
      labels.append(segment)
      columns[0].append(50_000 + 8_000 * rng.nextGaussian() + (segment == 1 ? 40_000 : 0))
      columns[1].append(30 + 5 * rng.nextGaussian() + (segment == 2 ? 40 : 0))
      for c in 2..<6 { columns[c].append(rng.nextGaussian() * Double(c)) }
    }
    let names = ["a", "b", "c", "d", "e", "f"]
    return (DataTable(columns: zip(names, columns).map { Column.numeric($0, $1) }), labels)
  }

  @Test("a single tree equals scikit-learn's DecisionTreeClassifier node for node (features, thresholds, children, counts)")
  func treeMatchesScikitLearn() throws {
    let url = try #require(Bundle.module.url(forResource: "insight-tree", withExtension: "json", subdirectory: "Fixtures"))
    let fixture = try F.load(url)
    // scikit-learn trains on float32 copies of X; its thresholds are midpoints of those values.
    let x = try F.matrix(try F.field(fixture, "x"), "x")
    let columns = (0..<x.columns).map { c in (0..<x.rows).map { Double(Float(x[$0, c])) } }
    let y = try F.ints(try F.field(fixture, "y"), "y")
    let grower = TreeGrower(columns: columns, classes: y, classCount: 3, maxDepth: 4, minSamplesLeaf: 1, maxFeatures: 4)
    var generator = SeededGenerator(seed: 9)
    let tree = grower.grow(rows: Array(y.indices), weights: y.map { _ in 1 }, generator: &generator)
    let nodes = try #require(F.field(fixture, "nodes").array)
    #expect(tree.nodeCount == nodes.count)
    for (i, reference) in nodes.enumerated() where i < tree.nodeCount {
      let feature = try F.field(reference, "feature").integer, left = try F.field(reference, "left").integer
      let right = try F.field(reference, "right").integer, counts = try F.doubles(try F.field(reference, "counts"), "counts")
      #expect(tree.features[i] == feature && tree.lefts[i] == left && tree.rights[i] == right, "node \(i)")
      #expect(Array(tree.counts(of: i)) == counts, "node \(i)")
      if let threshold = try F.field(reference, "threshold").number {
        expectClose(tree.thresholds[i], threshold, relative: 1e-15, "node \(i) threshold")
      }
    }
    #expect(tree.depth == 4)
  }

  @Test("the columns that carry the structure rank first, overall and for the segment each one separates")
  func structureRanksFirst() throws {
    let (table, labels) = Self.structured()
    let rows = SegmentRows(labels: labels)
    let importance = try FeatureImportance.compute(
      table: table, rows: rows, features: ["a", "b", "c", "d", "e", "f"], options: InsightOptions(trees: 30, permutationRepeats: 3), seed: 7
    ).get()
    #expect(Set(importance.overall.prefix(2).map(\.column)) == ["a", "b"])
    #expect(importance.overall[0].mean > 0.2 && importance.overall[1].mean > 0.2)
    #expect(importance.overall.dropFirst(2).allSatisfy { abs($0.mean) < 0.02 })
    #expect(importance.perSegment[1].first?.column == "a")
    #expect(importance.perSegment[2].first?.column == "b")
    #expect(importance.outOfBagAccuracy > 0.95)
    #expect(importance.fitRows == 600 && importance.scoredRows == 600)
  }

  @Test("the surrogate tree states each segment's rule in original units and imitates the clustering")
  func surrogateRules() throws {
    let (table, labels) = Self.structured()
    let importance = try FeatureImportance.compute(
      table: table, rows: SegmentRows(labels: labels), features: ["a", "b", "c"], options: InsightOptions(trees: 5, permutationRepeats: 1), seed: 3
    ).get()
    #expect(importance.surrogateFidelity > 0.97)
    #expect(importance.surrogateDepth <= 3)
    let rule1 = try #require(importance.rules[1].first)
    #expect(rule1.coverage > 0.9 && rule1.precision > 0.9, "\(rule1)")
    let condition = try #require(rule1.conditions.first { $0.hasPrefix("a > ") }, "\(rule1)")
    let threshold = try #require(Double(condition.dropFirst(4).replacingOccurrences(of: ",", with: "")))
    #expect(threshold > 60_000 && threshold < 80_000)
    let rule2 = try #require(importance.rules[2].first)
    #expect(rule2.conditions.contains { $0.hasPrefix("b > ") }, "\(rule2)")
  }

  @Test("importance is identical when computed twice with the same seed")
  func deterministic() throws {
    let (table, labels) = Self.structured()
    let options = InsightOptions(trees: 8, permutationRepeats: 2)
    let first = try FeatureImportance.compute(table: table, rows: SegmentRows(labels: labels), features: ["a", "b", "c"], options: options, seed: 11).get()
    let second = try FeatureImportance.compute(table: table, rows: SegmentRows(labels: labels), features: ["a", "b", "c"], options: options, seed: 11).get()
    #expect(first == second)
    #expect(first.json(ids: [0, 1, 2]).canonicalText == second.json(ids: [0, 1, 2]).canonicalText)
  }

  @Test("large data learns from a stratified sample: every segment in proportion, small ones kept, sorted and seeded")
  func stratifiedSample() {
    let classes = (0..<10_000).map { $0 < 9_000 ? 0 : ($0 < 9_990 ? 1 : 2) }
    let sample = StratifiedSample.rows(classes: classes, classCount: 3, limit: 1_000, seed: 4)
    let counts = (0..<3).map { c in sample.count { classes[$0] == c } }
    #expect(counts == [900, 99, 10])
    #expect(sample == sample.sorted() && Set(sample).count == sample.count)
    #expect(sample == StratifiedSample.rows(classes: classes, classCount: 3, limit: 1_000, seed: 4))
    #expect(sample != StratifiedSample.rows(classes: classes, classCount: 3, limit: 1_000, seed: 5))
    #expect(StratifiedSample.rows(classes: [0, 1, 1], classCount: 2, limit: 10, seed: 1) == [0, 1, 2])
  }

  @Test("one-hot feature names map back to their column; names a pipeline made are listed as missing")
  func featureMapping() throws {
    var (table, labels) = Self.structured()
    table.columns.append(.categorical("region", (0..<600).map { $0 % 3 == 1 ? "north" : "south" }))
    let importance = try FeatureImportance.compute(
      table: table, rows: SegmentRows(labels: labels), features: ["region=north", "region=south", "pc1", "b"],
      options: InsightOptions(trees: 5, permutationRepeats: 1), seed: 1
    ).get()
    #expect(importance.features == ["region", "b"])
    #expect(importance.missingFeatures == ["pc1"])
    #expect(importance.rules[1].first?.conditions.contains("region in {north}") == true, "\(importance.rules[1])")
  }

  @Test("without usable features or with a single segment the importance says why")
  func undefined() {
    let (table, labels) = Self.structured()
    let rows = SegmentRows(labels: labels)
    let options = InsightOptions(trees: 2, permutationRepeats: 1)
    #expect(throws: StatisticUndefined("none of the clustered features is a column of the data")) {
      try FeatureImportance.compute(table: table, rows: rows, features: ["pc1"], options: options, seed: 1).get()
    }
    #expect(throws: StatisticUndefined("needs at least two segments")) {
      try FeatureImportance.compute(table: table, rows: SegmentRows(labels: labels.map { _ in 0 }), features: ["a"], options: options, seed: 1).get()
    }
  }
}
