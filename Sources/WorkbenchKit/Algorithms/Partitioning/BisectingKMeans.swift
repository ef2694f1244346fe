import WorkbenchNumerics

/// Bisecting k-means: split one cluster in two with 2-means until there are `k`, as scikit-learn's `BisectingKMeans`.
///
/// Starts from one cluster holding every row and repeats `k − 1` times: pick
/// the leaf to split (`bisecting_strategy` "biggest_inertia": the largest sum
/// of squared distances to its center; "largest_cluster": the most rows; the
/// first leaf in depth-first order on ties), run `n_init` seeded 2-means on
/// its rows with the kmeans plugin's own seeding and Lloyd/Elkan iterations,
/// and keep the run with the lowest inertia (a later run must beat it by a
/// factor 1 − 1e-6, as scikit-learn does). As in scikit-learn, the data are
/// centered first, `tol` is scaled by the mean feature variance of all the
/// data (not of the cluster being split), and labels number the leaves in
/// depth-first order (left child first). `init` defaults to "random", as in
/// scikit-learn. Prediction walks the tree: at each split a row goes to the
/// nearer of the two child centers, which reproduces the fit labels.
///
/// Our generator differs from numpy's, so seeded fits are not scikit-learn's
/// draw for draw; tests compare inertia over many seeds and check the
/// strategies exactly on data where the choice is forced.
///
/// Edge cases: `k > rows` throws ``FitError/insufficientSamples(rows:required:detail:)``;
/// a leaf of one row is never split (scikit-learn would fail there), nor one
/// whose 2-means leaves a side empty (identical rows; scikit-learn would keep
/// an empty cluster): if no leaf can be split, fewer than `k` clusters are
/// returned with a note. Identical rows may still be split into clusters with
/// equal centers when relocation separates them, as in scikit-learn.
/// `diagnostics.iterations` is the total of the kept 2-means runs' iterations,
/// `converged` whether all of them converged.
/// Postconditions: labels are `0..<clusterCount`, every label is used.
/// - Complexity: O(k · `n_init` · `max_iter` · rows · columns) at worst (each split costs its cluster's rows).
/// - SeeAlso: Steinbach, Karypis & Kumar, "A comparison of document clustering techniques", KDD workshop 2000.
public struct BisectingKMeans: ClusteringAlgorithm {
  public static let name = "bisecting-kmeans"
  public static let summary = "Bisecting k-means: repeated 2-means splits of the largest-inertia or largest cluster (scikit-learn's BisectingKMeans)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("k", .integer(minimum: 1, maximum: 10_000), default: 8, "Number of clusters (scikit-learn's n_clusters)."),
    ParameterSpec(
      "init", .choice(KMeans.Seeding.allCases.map(\.rawValue)), default: "random",
      "Centers of each 2-means: \"random\" (2 distinct rows of the cluster) or \"k-means++\"."),
    ParameterSpec("n_init", .integer(minimum: 1, maximum: 1_000), default: 1, "2-means runs per split; the one with the lowest inertia is kept."),
    ParameterSpec("max_iter", .integer(minimum: 1, maximum: 1_000_000), default: 300, "Most iterations of each 2-means run."),
    ParameterSpec(
      "tol", .real(minimum: 0, maximum: 1), default: 1e-4,
      "A 2-means run converges when the squared center shift is at most tol × the mean feature variance of all the data."),
    ParameterSpec(
      "bisecting_strategy", .choice(Strategy.allCases.map(\.rawValue)), default: "biggest_inertia",
      "Which cluster to split next: \"biggest_inertia\" (largest sum of squared distances) or \"largest_cluster\" (most rows)."),
    ParameterSpec(
      "algorithm", .choice(KMeans.Algorithm.allCases.map(\.rawValue)), default: "lloyd", "Iterations of each 2-means: \"lloyd\" or \"elkan\"."),
  ]
  public static let capabilities = AlgorithmCapabilities(
    usesRandomness: true, producesNoise: false, requiresClusterCount: true, orderInvariant: false, canPredict: true)

  /// How the next cluster to split is chosen (the string values of `bisecting_strategy`).
  public enum Strategy: String, Sendable, CaseIterable {
    case biggestInertia = "biggest_inertia"
    case largestCluster = "largest_cluster"
  }

  /// Number of clusters (`k`).
  public let clusterCount: Int
  /// Which leaf is split next (`bisecting_strategy`).
  public let strategy: Strategy
  /// The 2-means used for every split: its seeding, runs, iterations, tolerance and algorithm.
  let inner: KMeans

  public init(validated parameters: Parameters) throws {
    clusterCount = parameters.int("k")
    strategy = parameters.choice("bisecting_strategy")
    inner = KMeans(
      clusterCount: 2, initialization: .seeded(parameters.choice("init")), runCount: parameters.int("n_init"),
      maxIterations: parameters.int("max_iter"), tolerance: parameters.real("tol"), algorithm: parameters.choice("algorithm"))
  }

  /// One node of the bisection tree; leaves are clusters.
  struct Node {
    var center: [Double]
    var rows: [Int]
    var score: Double
    var children: (left: Int, right: Int)?
    /// False once a 2-means on its rows left one side empty (all its rows identical).
    var splittable = true
  }

  public func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let raw = try input.numericOnly(for: Self.name)
    guard raw.rows >= clusterCount else {
      throw FitError.insufficientSamples(
        rows: raw.rows, required: clusterCount, detail: "bisecting-kmeans with k = \(clusterCount) needs at least k rows")
    }
    let mean = (0..<raw.columns).map { j in raw.column(j).reduce(0, +) / Double(raw.rows) }
    let x = Self.centered(raw, by: mean)
    let tolerance = inner.tolerance * x.meanColumnVariance()
    var rng = SeededGenerator(seed: context.seed)
    var nodes = [Node(center: mean.map { _ in 0 }, rows: Array(0..<x.rows), score: 0)]
    var iterations = 0
    var converged = true
    var leafCount = 1
    while leafCount < clusterCount {
      try context.checkCancellation()
      guard let target = nextLeaf(nodes) else { break }
      let run = try bisect(x.selecting(rows: nodes[target].rows), tolerance: tolerance, using: &rng, context: context)
      let sides = (0..<2).map { side in zip(nodes[target].rows, run.labels).filter { $0.1 == side }.map(\.0) }
      guard sides.allSatisfy({ !$0.isEmpty }) else {
        nodes[target].splittable = false
        continue
      }
      iterations += run.iterations
      converged = converged && run.converged
      for side in 0..<2 {
        let center = run.centers.rowArray(side)
        let score =
          switch strategy {
          case .largestCluster: Double(sides[side].count)
          case .biggestInertia: sides[side].reduce(0.0) { $0 + Distance.squaredEuclidean(x.rowArray($1), center) }
          }
        nodes.append(Node(center: center, rows: sides[side], score: score))
      }
      nodes[target].children = (nodes.count - 2, nodes.count - 1)
      leafCount += 1
    }
    var clustering = clustering(x, nodes: nodes, mean: mean, iterations: iterations, converged: converged)
    if leafCount < clusterCount {
      let note = "found \(leafCount) distinct clusters, fewer than k = \(clusterCount); the remaining clusters hold identical rows and cannot be split"
      clustering.diagnostics.notes.append(note)
      context.log(.note(note))
    }
    return clustering
  }

  /// Leaves in depth-first order, left child first (scikit-learn's `iter_leaves`).
  static func leaves(_ children: [(left: Int, right: Int)?]) -> [Int] {
    var out: [Int] = []
    var stack = [0]
    while let node = stack.popLast() {
      if let (left, right) = children[node] {
        stack.append(right)
        stack.append(left)
      } else {
        out.append(node)
      }
    }
    return out
  }

  /// The leaf with the highest score (the first in depth-first order on ties) among splittable leaves of at least two rows.
  private func nextLeaf(_ nodes: [Node]) -> Int? {
    var best: Int?
    for leaf in Self.leaves(nodes.map(\.children)) where nodes[leaf].rows.count >= 2 && nodes[leaf].splittable {
      if best.map({ nodes[leaf].score > nodes[$0].score }) ?? true { best = leaf }
    }
    return best
  }

  /// The best of `n_init` 2-means runs on one cluster's rows, with the kmeans plugin's seeding and iterations.
  private func bisect(_ x: Matrix, tolerance: Double, using rng: inout SeededGenerator, context: FitContext) throws -> KMeans.Run {
    var workspace = KMeans.Workspace(rows: x.rows, clusterCount: 2, columns: x.columns)
    var best: KMeans.Run?
    for _ in 0..<inner.runCount {
      let start = inner.initialCenters(x, using: &rng)
      let run =
        switch inner.algorithm {
        case .lloyd:
          try KMeans.lloyd(x, from: start, maxIterations: inner.maxIterations, tolerance: tolerance, workspace: &workspace, context: context)
        case .elkan:
          try KMeans.elkan(x, from: start, maxIterations: inner.maxIterations, tolerance: tolerance, workspace: &workspace, context: context)
        }
      if best.map({ run.inertia < $0.inertia * (1 - 1e-6) }) ?? true { best = run }
    }
    guard let best else { preconditionFailure("n_init ≥ 1 makes at least one run") }
    return best
  }

  /// Labels from the leaves, centers moved back by the mean, and the tree as the saved model.
  private func clustering(_ x: Matrix, nodes: [Node], mean: [Double], iterations: Int, converged: Bool) -> Clustering {
    let leaves = Self.leaves(nodes.map(\.children))
    var labels = Array(repeating: 0, count: x.rows)
    var leafLabels = Array(repeating: -1, count: nodes.count)
    for (label, leaf) in leaves.enumerated() {
      leafLabels[leaf] = label
      for row in nodes[leaf].rows { labels[row] = label }
    }
    let centered = Matrix(leaves.map { nodes[$0].center })
    let centers = Matrix(rows: centered.rows, columns: centered.columns, storage: centered.storage.enumerated().map { $1 + mean[$0 % mean.count] })
    let model: JSONValue = [
      "mean": SavedState.encode(mean), "node_centers": SavedState.encode(Matrix(nodes.map(\.center))),
      "children": .array(nodes.map { node in node.children.map { [.int($0.left), .int($0.right)] } ?? [] }),
      "leaf_labels": .array(leafLabels.map(JSONValue.int)),
    ]
    return Clustering(
      labels: labels, clusterCount: leaves.count, centers: centers, model: model,
      diagnostics: Diagnostics(iterations: iterations, converged: converged, inertia: KMeans.inertia(x, centers: centered, labels: labels)))
  }

  static func centered(_ x: Matrix, by mean: [Double]) -> Matrix {
    Matrix(rows: x.rows, columns: x.columns, storage: x.storage.enumerated().map { $1 - mean[$0 % x.columns] })
  }
}
