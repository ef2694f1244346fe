import Testing
@testable import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("agglomerative")
struct AgglomerativeTests {
  /// A spec with one agglomerative entry with these params.
  func spec(_ params: String) -> String {
    #"{"name": "x", "data": {"path": "d.csv"}, "algorithms": [{"use": "agglomerative", "params": "# + params + "}]}"
  }

  /// The problems the spec reader reports for `params` (an issue is recorded if it accepts them).
  func problems(_ params: String) -> [Problem] { ExperimentReaderTests().problems(spec(params)) }

  @Test("ward with another metric than euclidean is a spec error at the metric, with the fix")
  func wardNeedsEuclidean() {
    let found = problems(#"{"metric": "manhattan"}"#)
    #expect(found.map(\.location.jsonPath) == ["algorithms[0].params.metric"])
    #expect(found.first?.message == "ward linkage works only with euclidean distances; got metric \"manhattan\".")
    #expect(found.first?.fix?.contains("\"complete\", \"average\" or \"single\"") == true)
    #expect(throws: Never.self) { try ExperimentReaderTests().read(spec(#"{"metric": "manhattan", "linkage": "average"}"#)) }
  }

  @Test("k and distance_threshold: exactly one is set, else a spec error saying which to change")
  func exactlyOneCut() {
    let both = problems(#"{"distance_threshold": 2.5}"#)
    #expect(both.map(\.location.jsonPath) == ["algorithms[0].params.distance_threshold"])
    #expect(both.first?.message == "agglomerative takes k or distance_threshold, not both (got k = 2 and distance_threshold = 2.5).")
    let neither = problems(#"{"k": 0}"#)
    #expect(neither.map(\.location.jsonPath) == ["algorithms[0].params.k"])
    #expect(throws: Never.self) { try ExperimentReaderTests().read(spec(#"{"k": 0, "distance_threshold": 2.5}"#)) }
  }

  @Test("the matrix of complete and average linkage is refused beyond half the machine's memory, pointing elsewhere")
  func matrixMemory() throws {
    let gigabyte: UInt64 = 1 << 30
    try Agglomerative.checkMatrixMemory(rows: 20_000, linkage: .complete, physicalMemory: 8 * gigabyte)
    #expect(throws: FitError.self) { try Agglomerative.checkMatrixMemory(rows: 40_000, linkage: .average, physicalMemory: 8 * gigabyte) }
    do {
      try Agglomerative.checkMatrixMemory(rows: 100_000, linkage: .complete, physicalMemory: 16 * gigabyte)
      Issue.record("100,000 rows fitted in 16 GiB")
    } catch {
      let text = "\(error)"
      #expect(text.contains("40 GB"), "\(text)")
      #expect(text.contains("\"ward\" or \"single\"") && text.contains("birch") && text.contains("sample"), "\(text)")
    }
  }

  @Test("cosine refuses an all-zero row, as scikit-learn does")
  func cosineZeroRow() throws {
    let x = Matrix([[1, 2], [0, 0], [2, 1]])
    let plugin = try makePlugin(Agglomerative.self, ["linkage": "average", "metric": "cosine"])
    #expect(throws: FitError.self) { try plugin.fit(x, context: FitContext(seed: 0)) }
  }

  @Test("values whose squared distances would overflow fail with a fix instead of infinite heights")
  func overflow() throws {
    let x = Matrix([[1e200, 0], [-1e200, 1], [0, 2]])
    do {
      _ = try makePlugin(Agglomerative.self).fit(x, context: FitContext(seed: 0))
      Issue.record("fitted values of 1e200")
    } catch let error as FitError {
      #expect(error.description.contains("standard-scaler"))
    }
  }

  @Test("the hierarchy is scipy's linkage matrix with n − 1 merges and no labels; one row gives no merge")
  func hierarchyShape() throws {
    let (x, _) = Blobs.make(centers: 3, perCluster: 10, dimensions: 2, spread: 0.3, seed: 3)
    let result = try makePlugin(Agglomerative.self, ["k": 3]).fit(x, context: FitContext(seed: 0))
    let hierarchy = try #require(result.hierarchy?.object)
    #expect(hierarchy["format"] == "scipy-linkage")
    #expect(hierarchy["linkage"] == "ward" && hierarchy["metric"] == "euclidean" && hierarchy["leaves"] == 30)
    let merges = try #require(hierarchy["merges"]?.array)
    #expect(merges.count == 29)
    #expect(merges.last?.array?[3] == 30)
    #expect(hierarchy["labels"] == nil)
    let single = try makePlugin(Agglomerative.self, ["k": 1]).fit(Matrix([[1, 2]]), context: FitContext(seed: 0))
    #expect(single.labels == [0])
    #expect(single.hierarchy?.object?["merges"] == .array([]))
  }

  /// Ward costs come from centroids, which depend only on the clusters, and complete and single take a max or a min,
  /// so their heights are the same bits in any row order; average's Lance–Williams updates are made in chain order,
  /// which the row order changes, so its heights agree to rounding.
  @Test("without ties, shuffling the rows gives the same heights and the same partition", arguments: ["ward", "complete", "average", "single"])
  func rowOrder(_ linkage: String) throws {
    let (x, _) = Blobs.make(centers: 4, perCluster: 25, dimensions: 3, spread: 1.5, seed: 11)
    var rng = SeededGenerator(seed: 5)
    var order = Array(0..<x.rows)
    for i in stride(from: x.rows - 1, to: 0, by: -1) { order.swapAt(i, rng.nextIndex(below: i + 1)) }
    let plugin = try makePlugin(Agglomerative.self, ["k": 4, "linkage": .string(linkage)])
    let original = try plugin.fit(x, context: FitContext(seed: 0))
    let shuffled = try plugin.fit(x.selecting(rows: order), context: FitContext(seed: 0))
    func heights(_ c: Clustering) -> [Double] { c.hierarchy?.object?["merges"]?.array?.compactMap { $0.array?[2].number } ?? [] }
    #expect(heights(original).count == 99)
    if linkage == "average" {
      expectClose(heights(shuffled), heights(original), relative: 1e-12)
    } else {
      #expect(heights(original) == heights(shuffled))
    }
    var restored = Array(repeating: 0, count: x.rows)
    for (position, row) in order.enumerated() { restored[row] = shuffled.labels[position] }
    #expect(samePartition(original.labels, restored))
  }

  @Test("predict gives a new row the label of its nearest fit row under the fit's metric, the first on ties")
  func predictNearestRow() throws {
    let x = Matrix([[0, 0], [0, 1], [10, 0], [10, 1], [0, 0.5]])
    let result = try makePlugin(Agglomerative.self, ["k": 2, "linkage": "single", "metric": "manhattan"]).fit(x, context: FitContext(seed: 0))
    let model = try #require(result.model)
    let left = result.labels[0], right = result.labels[2]
    #expect(left != right)
    let new = Matrix([[1, 0], [9, 3], [5, 0], [5.1, 0]])
    // (5, 0) lies 5 from rows 0 and 2 (manhattan): the first such row, 0, decides.
    #expect(try Agglomerative.predict(model: model, input: ClusteringInput(numeric: new)).labels == [left, right, left, right])
    #expect(throws: FitError.self) { try Agglomerative.predict(model: model, input: ClusteringInput(numeric: Matrix([[1, 2, 3]]))) }
  }
}
