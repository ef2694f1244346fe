import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// The external metrics by name.
private let external: [any ClusterMetric.Type] = [
  AdjustedRandIndex.self, AdjustedMutualInformation.self, NormalizedMutualInformation.self, Homogeneity.self, Completeness.self,
  VMeasure.self, FowlkesMallows.self, Purity.self,
]

@Suite("external metrics against scikit-learn")
struct ExternalMetricTests {
  @Test("every external metric equals scikit-learn's value for every label set", arguments: MetricsFixture.names)
  func matchesScikitLearn(_ name: String) throws {
    let fixture = try MetricsFixture.load(name)
    for c in fixture.cases {
      for type in external {
        let expected = try #require(c.external[type.name], "\(type.name) in fixture")
        let value = try #require(score(type, fixture.x, c.labels, truth: fixture.truth).value, "\(name) \(c.name) \(type.name)")
        expectClose(value, expected, relative: MetricsFixture.tolerance, floor: 1e-12, "\(name) \(c.name) \(type.name)")
      }
      let beta2 = try #require(score(VMeasure.self, fixture.x, c.labels, truth: fixture.truth, ["beta": 2.0]).value)
      expectClose(beta2, try #require(c.external["v-measure-beta-2"]), relative: MetricsFixture.tolerance, floor: 1e-12, "\(name) \(c.name) beta 2")
    }
  }

  @Test("the contingency table has scikit-learn's counts, noise as its own cluster first")
  func contingency() throws {
    let fixture = try MetricsFixture.load("metrics-blobs-noise")
    for c in fixture.cases {
      let table = ContingencyTable(labels: c.labels, truth: fixture.truth)
      var dense = Array(repeating: Array(repeating: 0, count: table.clusters.count), count: table.classes.count)
      for cell in table.cells { dense[cell.classIndex][cell.clusterIndex] = cell.count }
      #expect(dense == c.contingency, "\(c.name)")
      #expect(table.classTotals.reduce(0, +) == table.total && table.clusterTotals.reduce(0, +) == table.total)
      if c.labels.contains(-1) { #expect(table.clusters.first == -1) }
    }
  }

  @Test("rows without a truth value are left out, as a scikit-learn user filtering them would")
  func missingTruth() throws {
    let fixture = try MetricsFixture.load("metrics-iris")
    let missing = try #require(fixture.json.object?["missing_truth"])
    let truth = try MetricsFixture.strings(FixtureLoader.field(missing, "truth"))
    let labels = try FixtureLoader.ints(FixtureLoader.field(missing, "labels"), "labels")
    let expected = try MetricsFixture.numbers(FixtureLoader.field(missing, "external"))
    for type in external {
      let value = try #require(score(type, fixture.x, labels, truth: truth).value)
      expectClose(value, try #require(expected[type.name]), relative: MetricsFixture.tolerance, floor: 1e-12, "\(type.name)")
    }
    #expect(ContingencyTable(labels: labels, truth: truth).rowsWithoutTruth == 15)
  }

  @Test("without a truth column, or with every truth value missing, external metrics are undefined with a reason")
  func undefinedWithoutTruth() throws {
    let x = Matrix([[0], [1], [2]])
    for type in external {
      let none = try score(type, x, [0, 0, 1])
      guard case .undefined(let reason) = none else { Issue.record("\(type.name): \(none)"); continue }
      #expect(reason.contains("truth"))
      #expect(try score(type, x, [0, 0, 1], truth: [nil, nil, nil]).value == nil)
      #expect(type.needs == .truth)
    }
  }

  @Test("the contingency table's JSON is dense, one list per class")
  func contingencyJSON() {
    let table = ContingencyTable(labels: [0, 0, 1, -1, 1], truth: ["b", "a", "a", "b", nil])
    let expected: JSONValue = [
      "classes": ["a", "b"], "clusters": [-1, 0, 1], "counts": [[0, 1, 1], [1, 1, 0]], "class_totals": [2, 2],
      "cluster_totals": [1, 2, 1], "rows": 4, "rows_without_truth": 1,
    ]
    #expect(table.json == expected)
  }
}
