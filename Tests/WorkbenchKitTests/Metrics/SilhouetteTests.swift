import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("silhouette: exact, blocked, parallel and sampled")
struct SilhouetteTests {
  @Test("score and per-row values equal scikit-learn's for every label set", arguments: MetricsFixture.names)
  func matchesScikitLearn(_ name: String) throws {
    let fixture = try MetricsFixture.load(name)
    for c in fixture.cases {
      let result = try SilhouetteSamples.compute(fixture.x, labels: c.labels, context: FitContext(seed: 0))
      guard let expected = c.silhouette, let expectedRows = c.silhouetteSamples else {
        if case .success = result { Issue.record("\(name) \(c.name): expected undefined") }
        #expect(try score(Silhouette.self, fixture.x, c.labels).value == nil, "\(name) \(c.name): undefined")
        continue
      }
      let samples = try result.get()
      expectClose(samples.mean, expected, relative: MetricsFixture.tolerance, floor: 1e-12, "\(name) \(c.name)")
      expectClose(try #require(score(Silhouette.self, fixture.x, c.labels).value), expected, relative: MetricsFixture.tolerance, floor: 1e-12)
      #expect(samples.values.map { $0 == nil } == expectedRows.map { $0 == nil }, "\(name) \(c.name): noise rows have no value")
      expectClose(samples.values.compactMap { $0 }, expectedRows.compactMap { $0 }, relative: MetricsFixture.tolerance, floor: 1e-12, "\(name) \(c.name) rows")
    }
  }

  @Test("the fixtures include a singleton cluster, a single cluster and noise rows")
  func fixtureCoverage() throws {
    let iris = try MetricsFixture.load("metrics-iris")
    #expect(iris.cases.contains { $0.name == "singleton" && $0.silhouette != nil })
    #expect(iris.cases.contains { $0.name == "single-cluster" && $0.silhouette == nil })
    let blobs = try MetricsFixture.load("metrics-blobs-noise")
    #expect(blobs.cases.contains { $0.labels.contains(-1) && $0.silhouette != nil })
  }

  @Test("a singleton's coefficient is 0 and cluster means follow the labels")
  func singletonAndClusterMeans() throws {
    let x = Matrix([[0], [1], [4], [5], [20]])
    let samples = try SilhouetteSamples.compute(x, labels: [0, 0, 3, 3, 7], context: FitContext(seed: 0)).get()
    #expect(samples.values[4] == 0)
    #expect(samples.clusterLabels == [0, 3, 7])
    let rows = samples.values.map { $0! }
    expectClose(samples.clusterMeans, [(rows[0] + rows[1]) / 2, (rows[2] + rows[3]) / 2, 0], relative: 1e-15, floor: 1e-300)
    expectClose(samples.mean, rows.reduce(0, +) / 5, relative: 1e-15)
  }

  @Test("per-row a and b equal a naive loop for 1 to 9 rows per cluster, many tiles and 1 to 5 columns")
  func kernelMatchesNaive() throws {
    var rng = SeededGenerator(seed: 3)
    for columns in 1...5 {
      for sizes in [[1, 2], [3, 9, 4], [5, 6, 7, 8], [130, 1, 200], [300, 17]] {
        let count = sizes.reduce(0, +)
        let x = Matrix(rows: count, columns: columns, storage: (0..<(count * columns)).map { _ in rng.nextGaussian() })
        var labels: [Int] = []
        for (c, size) in sizes.enumerated() { labels += Array(repeating: c, count: size) }
        var order = Array(0..<count)
        for i in order.indices.reversed() { order.swapAt(i, rng.nextIndex(below: i + 1)) }
        let byCluster = order.sorted { (labels[$0], $0) < (labels[$1], $1) }
        let starts = sizes.indices.reduce(into: [0]) { $0.append($0.last! + sizes[$1]) }
        let (a, b) = try #require(try Distance.meanClusterDistances(x, rowsByCluster: byCluster, clusterStarts: starts, shouldStop: { false }))
        for (p, row) in byCluster.enumerated() {
          var sums = Array(repeating: 0.0, count: sizes.count)
          for j in 0..<count { sums[labels[j]] += Distance.squaredEuclidean(x, row: row, x, row: j).squareRoot() }
          let own = labels[row]
          let expectedA = sizes[own] > 1 ? sums[own] / Double(sizes[own] - 1) : 0
          let expectedB = sizes.indices.filter { $0 != own }.map { sums[$0] / Double(sizes[$0]) }.min()!
          expectClose(a[p], expectedA, relative: 1e-13, floor: 1e-300, "a, sizes \(sizes), \(columns) columns")
          expectClose(b[p], expectedB, relative: 1e-13, floor: 1e-300, "b, sizes \(sizes), \(columns) columns")
        }
      }
    }
  }

  @Test("more rows than one tile: the value equals a naive per-row computation and repeats bit for bit")
  func manyChunks() throws {
    let (x, labels) = Blobs.make(centers: 4, perCluster: 90, dimensions: 3, spread: 1, seed: 8)
    let first = try SilhouetteSamples.compute(x, labels: labels, context: FitContext(seed: 0)).get()
    let second = try SilhouetteSamples.compute(x, labels: labels, context: FitContext(seed: 0)).get()
    #expect(first == second)
    var naive = 0.0
    for i in 0..<x.rows {
      var sums = [0.0, 0.0, 0.0, 0.0], sizes = [0, 0, 0, 0]
      for j in 0..<x.rows {
        sizes[labels[j]] += 1
        sums[labels[j]] += Distance.squaredEuclidean(x, row: i, x, row: j).squareRoot()
      }
      let a = sums[labels[i]] / Double(sizes[labels[i]] - 1)
      let b = (0..<4).filter { $0 != labels[i] }.map { sums[$0] / Double(sizes[$0]) }.min()!
      naive += (b - a) / max(a, b)
    }
    expectClose(first.mean, naive / Double(x.rows), relative: 1e-12)
  }

  @Test("a cancelled run throws instead of scoring")
  func cancellation() {
    let (x, labels) = Blobs.make(centers: 2, perCluster: 20, dimensions: 2, seed: 1)
    #expect(throws: FitError.self) { try SilhouetteSamples.compute(x, labels: labels, context: FitContext(seed: 0, isCancelled: { true })) }
  }

  @Test("sample_size: the mean of seeded subsamples with a 95 % interval around it, reproducible per seed")
  func sampled() throws {
    let (x, labels) = Blobs.make(centers: 3, perCluster: 60, dimensions: 4, spread: 1.5, seed: 4)
    let settings: [String: JSONValue] = ["sample_size": 60, "repeats": 8]
    let estimate = try score(Silhouette.self, x, labels, settings, seed: 9)
    let interval = try #require(estimate.interval)
    let value = try #require(estimate.value)
    #expect(interval.low < value && value < interval.high)
    #expect(try score(Silhouette.self, x, labels, settings, seed: 9) == estimate)
    #expect(try score(Silhouette.self, x, labels, settings, seed: 10) != estimate)
    let exact = try #require(score(Silhouette.self, x, labels).value)
    #expect(abs(value - exact) < 0.05, "estimate \(value) vs exact \(exact)")
  }

  @Test("sample_size equal to the sample reproduces the exact score; at least the non-noise rows gives the exact value")
  func sampleCoveringEverything() throws {
    let (x, labels) = Blobs.make(centers: 3, perCluster: 10, dimensions: 2, seed: 2)
    let exact = try score(Silhouette.self, x, labels)
    #expect(try score(Silhouette.self, x, labels, ["sample_size": 30]) == exact)
    let repeated = try score(Silhouette.self, x, labels, ["sample_size": 29, "repeats": 3])
    #expect(repeated.interval != nil)
  }

  @Test("a subsample with one cluster makes the estimate undefined with the reason")
  func undefinedSubsample() throws {
    let x = Matrix((0..<40).map { [Double($0)] })
    let labels = Array(repeating: 0, count: 39) + [1]
    let result = try score(Silhouette.self, x, labels, ["sample_size": 2, "repeats": 50])
    guard case .undefined(let reason) = result else { Issue.record("expected undefined, got \(result)"); return }
    #expect(reason.contains("raise sample_size"))
  }

  @Test("t quantiles for the interval match scipy (table exact, expansion within 2e-8)")
  func studentT() throws {
    let json = try MetricsFixture.document("metrics-student-t")
    for item in json.object?["quantiles_975"]?.array ?? [] {
      let df = try #require(item.object?["df"]?.integer), t = try #require(item.object?["t"]?.number)
      expectClose(StudentT.quantile975(degrees: df), t, relative: df <= 30 ? 0 : 2e-8, "df \(df)")
    }
  }
}
