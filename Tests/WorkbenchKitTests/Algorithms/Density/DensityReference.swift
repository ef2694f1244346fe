import Foundation
import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// `Fixtures/density-reference.json`, written by `generate_density_fixtures.py`: five data sets and scikit-learn's
/// (and the `hdbscan` library's) answers for dbscan, hdbscan and optics settings.
struct DensityReference {
  struct Dataset {
    var name: String
    var x: Matrix
    var dbscan: [JSONValue]
    var hdbscan: [JSONValue]
    var optics: [JSONValue]
  }

  var datasets: [Dataset]

  static let shared: DensityReference = {
    do {
      guard let url = Bundle.module.url(forResource: "density-reference", withExtension: "json", subdirectory: "Fixtures") else {
        throw FixtureError("no fixture density-reference.json in the test bundle")
      }
      let json = try FixtureLoader.load(url)
      let datasets = try (FixtureLoader.field(json, "datasets").array ?? []).map { d in
        Dataset(
          name: try FixtureLoader.field(d, "name").string ?? "", x: try FixtureLoader.matrix(try FixtureLoader.field(d, "data"), "data"),
          dbscan: try FixtureLoader.field(d, "dbscan").array ?? [], hdbscan: try FixtureLoader.field(d, "hdbscan").array ?? [],
          optics: try FixtureLoader.field(d, "optics").array ?? [])
      }
      return DensityReference(datasets: datasets)
    } catch {
      preconditionFailure("\(error)")
    }
  }()

  /// Fits `type` with each case of `cases` (scikit-learn's parameters) on its data set and calls `check`; returns the number of cases.
  static func forEachCase(
    _ cases: KeyPath<Dataset, [JSONValue]>, of type: any ClusteringAlgorithm.Type, where include: (JSONValue) -> Bool = { _ in true },
    _ check: (_ dataset: Dataset, _ testCase: JSONValue, _ label: String, _ clustering: Clustering) throws -> Void
  ) throws -> Int {
    var count = 0
    for dataset in shared.datasets {
      for testCase in dataset[keyPath: cases] where include(testCase) {
        let given = try parameters(testCase)
        let clustering = try algorithm(type, given).fit(dataset.x, context: FitContext(seed: 0))
        try check(dataset, testCase, "\(dataset.name) \(given.keys.sorted().map { "\($0)=\(given[$0]!.canonicalText)" })", clustering)
        count += 1
      }
    }
    return count
  }

  /// The reference labels of a case.
  static func labels(_ testCase: JSONValue) throws -> [Int] {
    try FixtureLoader.ints(try FixtureLoader.field(testCase, "labels"), "labels")
  }

  /// A case's `params` as spec parameters (scikit-learn's names; absent ones take our defaults, which are scikit-learn's).
  static func parameters(_ testCase: JSONValue) throws -> [String: JSONValue] {
    try FixtureLoader.field(testCase, "params").object ?? [:]
  }

  /// `type` built from `given` through the declared parameters, as a spec would build it.
  static func algorithm(_ type: any ClusteringAlgorithm.Type, _ given: [String: JSONValue]) throws -> any ClusteringAlgorithm {
    try type.init(validated: try Parameters.resolve(given, for: type, at: Location()).get())
  }

  /// Numbers with `null` read as +∞ (how the generator writes infinities).
  static func reals(_ value: JSONValue, _ what: String) throws -> [Double] {
    guard let items = value.array else { throw FixtureError("'\(what)' is not a list") }
    return try items.map { item in
      if case .null = item { return .infinity }
      guard let number = item.number else { throw FixtureError("'\(what)' holds a non-number") }
      return number
    }
  }

  /// Rows whose cluster is decided by a tie of mutual reachability distances, with the reference labels each may take.
  static func tied(_ testCase: JSONValue) throws -> [Int: Set<Int>] {
    var out: [Int: Set<Int>] = [:]
    for entry in try FixtureLoader.field(testCase, "tied").array ?? [] {
      out[try FixtureLoader.field(entry, "row").integer ?? -1] = Set(try FixtureLoader.ints(try FixtureLoader.field(entry, "labels"), "labels"))
    }
    return out
  }
}

/// Problems with `ours` as the reference partition `expected` up to relabelling: the same noise rows exactly, one
/// cluster of ours per reference cluster; a row in `tied` may instead take any of the reference labels listed, or
/// be noise (it may fall out of a cluster that is not selected).
func partitionProblems(_ ours: [Int], _ expected: [Int], tied: [Int: Set<Int>] = [:]) -> [String] {
  guard ours.count == expected.count else { return ["\(ours.count) labels for \(expected.count) rows"] }
  var problems: [String] = []
  var forward: [Int: Int] = [:]
  var backward: [Int: Int] = [:]
  for row in ours.indices where tied[row] == nil {
    let (a, b) = (ours[row], expected[row])
    if (a < 0) != (b < 0) { problems.append("row \(row): ours \(a), reference \(b) (noise differs)") }
    guard a >= 0, b >= 0 else { continue }
    if let mapped = forward[b], mapped != a { problems.append("row \(row): reference cluster \(b) is split (ours \(mapped) and \(a))") }
    if let mapped = backward[a], mapped != b { problems.append("row \(row): our cluster \(a) merges reference clusters \(mapped) and \(b)") }
    forward[b] = a
    backward[a] = b
  }
  for (row, allowed) in tied.sorted(by: { $0.key < $1.key }) where ours[row] >= 0 {
    guard let reference = backward[ours[row]], allowed.contains(reference) else {
      problems.append("row \(row) (a tie between reference clusters \(allowed.sorted())): ours \(ours[row])")
      continue
    }
  }
  return problems
}
