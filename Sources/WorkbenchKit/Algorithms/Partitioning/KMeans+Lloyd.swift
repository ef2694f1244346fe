import WorkbenchNumerics

extension KMeans {
  /// The outcome of one seeded run.
  struct Run {
    var labels: [Int]
    var centers: Matrix
    var inertia: Double
    var iterations: Int
    var converged: Bool
  }

  /// Scratch buffers for Lloyd iterations, allocated once per fit and reused by every run.
  struct Workspace {
    /// Labels from the current assignment step.
    var labels: [Int]
    /// Labels from the previous iteration (−1 before the first, so it never matches).
    var previousLabels: [Int]
    /// Per-cluster sums of the assigned rows, then the new centers.
    var sums: Matrix
    /// Rows assigned to each cluster.
    var counts: [Int]
    /// The rows prepared for assignment passes: made by the first Lloyd run of a fit, reused by the others.
    var search: NearestCenterSearch?

    init(rows: Int, clusterCount: Int, columns: Int) {
      labels = Array(repeating: -1, count: rows)
      previousLabels = Array(repeating: -1, count: rows)
      sums = Matrix(rows: clusterCount, columns: columns)
      counts = Array(repeating: 0, count: clusterCount)
    }
  }

  /// One Lloyd run from `start` (scikit-learn's `_kmeans_single_lloyd`).
  ///
  /// Each iteration assigns rows to their nearest center, moves every center to
  /// the mean of its rows (refilling empty clusters first), and stops when the
  /// labels repeat (strict convergence) or the total squared center shift is at
  /// most `tolerance`. Unless it converged strictly, a last assignment step makes
  /// the labels agree with the returned centers.
  static func lloyd(
    _ x: Matrix, from start: Matrix, maxIterations: Int, tolerance: Double, workspace w: inout Workspace, context: FitContext
  ) throws -> Run {
    var centers = start
    let search = w.search ?? NearestCenterSearch(x)
    w.search = search
    for i in 0..<w.previousLabels.count { w.previousLabels[i] = -1 }
    var iterations = 0
    var strictlyConverged = false
    var converged = false
    while iterations < maxIterations {
      try context.checkCancellation()
      let pass = search.assign(to: centers, labels: &w.labels, comparedWith: w.previousLabels, sums: &w.sums, counts: &w.counts)
      iterations += 1
      context.log(.iteration(iterations, objective: pass.objective))
      let shift = updateCenters(x, centers: &centers, workspace: &w)
      if pass.labelsRepeated {
        strictlyConverged = true
        converged = true
        break
      }
      if shift <= tolerance {
        converged = true
        break
      }
      swap(&w.labels, &w.previousLabels)
    }
    let inertia = strictlyConverged ? inertia(x, centers: centers, labels: w.labels) : search.assign(to: centers, labels: &w.labels)
    return Run(labels: w.labels, centers: centers, inertia: inertia, iterations: iterations, converged: converged)
  }

  /// The update half of an iteration, shared by Lloyd and Elkan: from the per-cluster sums and counts of
  /// `w.labels` already in `w.sums` and `w.counts`, moves every center to the mean of its rows (refilling empty
  /// clusters first, as scikit-learn does). Returns the total squared center shift. The previous centers are left
  /// in `w.sums`.
  static func updateCenters(_ x: Matrix, centers: inout Matrix, workspace w: inout Workspace) -> Double {
    if w.counts.contains(0) {
      relocateEmptyClusters(x, centers: centers, labels: w.labels, sums: &w.sums, counts: &w.counts)
    }
    return moveCenters(&centers, sums: &w.sums, counts: w.counts)
  }

  /// Sets each row's label to its nearest center (``NearestCenterSearch``); returns the exact inertia.
  static func assign(_ x: Matrix, to centers: Matrix, labels: inout [Int]) -> Double {
    NearestCenterSearch(x).assign(to: centers, labels: &labels)
  }

  /// Turns the sums into means (multiplying by the reciprocal count, as scikit-learn does), writes them into
  /// `centers`, and returns the total squared shift. A cluster still empty keeps its center.
  static func moveCenters(_ centers: inout Matrix, sums: inout Matrix, counts: [Int]) -> Double {
    var shift = 0.0
    for c in 0..<counts.count {
      if counts[c] > 0 {
        let scale = 1.0 / Double(counts[c])
        for j in 0..<centers.columns { sums[c, j] *= scale }
      } else {
        for j in 0..<centers.columns { sums[c, j] = centers[c, j] }
      }
      shift += Distance.squaredEuclidean(sums, row: c, centers, row: c)
    }
    swap(&centers, &sums)
    return shift
  }

  /// Σ squared distance from each row to its assigned center, in fixed row chunks added in chunk order.
  static func inertia(_ x: Matrix, centers: Matrix, labels: [Int]) -> Double {
    Distance.totalSquaredDistance(x, to: centers, labels: labels)
  }
}
