import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

@testable import WorkbenchKit

@Suite("bisecting-kmeans")
struct BisectingKMeansTests {
  /// With random 2-means starts the tree depends on the seed (scikit-learn's inertia over 20 random states
  /// spans 1290–1458 on Wine for k = 3), and our generator is not numpy's, so single fits cannot be compared.
  /// Over 20 seeds, measured: on Iris the best fits are scikit-learn's trees (inertia to 6.1e-16 relative) and the
  /// medians agree within 0.35 %; on Wine the medians agree within 0.44 % and the best fits within 2 % (k = 3:
  /// scikit-learn's best, 1289.7, came from one lucky random state, ours is 1315.7; k = 4: ours is 0.12 % lower).
  /// Required: medians within 0.5 %, best fits within 1e-15 on Iris and 2 % on Wine.
  @Test("over 20 seeds the median inertia is within 0.5 % of scikit-learn's, the best within 1e-15 (Iris) or 2 % (Wine)",
    arguments: Algos2Reference.names)
  func inertiaNearScikitLearn(_ name: String) throws {
    let data = try ReferenceDataset.load(name)
    let reference = try Algos2Reference.load(name)
    #expect(reference.bisecting.count == 4)
    let bestTolerance = name == "iris-standardized" ? 1e-15 : 0.02
    for c in reference.bisecting {
      let plugin = try makePlugin(BisectingKMeans.self, ["k": .int(c.k), "bisecting_strategy": .string(c.strategy)])
      let inertias = try (0..<UInt64(20)).map { seed in try #require(plugin.fit(data.x, context: FitContext(seed: seed)).diagnostics.inertia) }
      let sorted = inertias.sorted()
      let label = "\(name) k = \(c.k) \(c.strategy)"
      expectClose(sorted[0], c.bestInertia, relative: bestTolerance, "\(label): best inertia")
      expectClose((sorted[9] + sorted[10]) / 2, c.medianInertia, relative: 0.005, "\(label): median inertia")
    }
  }

  /// A wide group A (10 rows spread over [−4.5, 4.5]: large inertia, few rows) and a tight group B
  /// (30 rows within 0.01 of 100: tiny inertia, many rows). The first split separates A from B for any start;
  /// the second split is forced by the strategy.
  private static let crafted: Matrix = {
    let wide = (0..<10).map { [Double($0) - 4.5] }
    let tight = (0..<30).map { [100 + Double($0 % 3 - 1) * 0.01] }
    return Matrix(wide + tight)
  }()

  @Test("biggest_inertia splits the wide group; largest_cluster splits the populous one", arguments: [UInt64(0), 1, 2, 3])
  func strategies(_ seed: UInt64) throws {
    let x = Self.crafted
    let wide = Array(0..<10)
    let tight = Array(10..<40)
    for (strategy, split, kept) in [("biggest_inertia", wide, tight), ("largest_cluster", tight, wide)] {
      let result = try makePlugin(BisectingKMeans.self, ["k": 3, "bisecting_strategy": .string(strategy)]).fit(x, context: FitContext(seed: seed))
      #expect(Set(kept.map { result.labels[$0] }).count == 1, "\(strategy): the other group stays whole")
      let splitLabels = Set(split.map { result.labels[$0] })
      #expect(splitLabels.count == 2 && !splitLabels.contains(result.labels[kept[0]]), "\(strategy): the chosen group is split in two")
    }
  }

  @Test("labels number the leaves depth-first, left first; predict walks the tree to the fit labels")
  func leafOrderAndPredict() throws {
    let (x, truth) = Blobs.make(centers: 5, perCluster: 30, dimensions: 2, spread: 0.4, seed: 17)
    let result = try makePlugin(BisectingKMeans.self, ["k": 5]).fit(x, context: FitContext(seed: 4))
    #expect(AdjustedRandIndex.score(result.labels, truth) >= 0.95)
    let model = try #require(result.model)
    let prediction = try BisectingKMeans.predict(model: model, input: ClusteringInput(numeric: x))
    #expect(prediction.labels == result.labels)
    let leafLabels = (model.object?["leaf_labels"]?.array ?? []).compactMap(\.integer).filter { $0 >= 0 }
    #expect(leafLabels.sorted() == Array(0..<5))
    #expect(BisectingKMeans.leaves([(1, 2), (3, 4), nil, nil, nil]) == [3, 4, 2])
  }

  @Test("the centers are the means of their clusters and the inertia is their sum of squares")
  func centersAndInertia() throws {
    let data = try ReferenceDataset.load("iris-raw")
    let result = try makePlugin(BisectingKMeans.self, ["k": 4, "init": "k-means++", "n_init": 2]).fit(data.x, context: FitContext(seed: 9))
    let centers = try #require(result.centers)
    #expect(result.labels.count == data.x.rows && centers.rows == 4 && centers.columns == data.x.columns)
    for c in 0..<4 {
      let rows = result.labels.indices.filter { result.labels[$0] == c }
      #expect(!rows.isEmpty)
      for j in 0..<data.x.columns {
        let mean = rows.reduce(0.0) { $0 + data.x[$1, j] } / Double(rows.count)
        expectClose(centers[c, j], mean, relative: 1e-12)
      }
    }
    let expected = NaiveSquaredDistances.inertia(data.x, labels: result.labels, centers: centers)
    expectClose(try #require(result.diagnostics.inertia), expected, relative: 1e-12)
  }

  @Test("identical rows cannot be split: fewer clusters, every label used, and a note")
  func identicalRows() throws {
    let x = Matrix(rows: 9, columns: 2, repeating: 4)
    let result = try makePlugin(BisectingKMeans.self, ["k": 3]).fit(x, context: FitContext(seed: 0))
    #expect(result.clusterCount < 3)
    #expect(Set(result.labels) == Set(0..<result.clusterCount))
    #expect(result.diagnostics.notes.first?.contains("fewer than k = 3") == true)
  }

  @Test("defaults are scikit-learn's")
  func defaults() throws {
    let resolved = try Parameters.resolve([:], for: BisectingKMeans.self, at: Location()).get()
    #expect(
      resolved.json == [
        "k": 8, "init": "random", "n_init": 1, "max_iter": 300, "tol": 1e-4, "bisecting_strategy": "biggest_inertia", "algorithm": "lloyd",
      ])
  }
}
