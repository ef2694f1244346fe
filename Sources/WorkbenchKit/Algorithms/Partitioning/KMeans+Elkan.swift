import WorkbenchNumerics

extension KMeans {
  /// Elkan's bounds for one run: what the triangle inequality lets an iteration skip.
  struct ElkanBounds {
    /// For each row, at least the distance to its own center.
    var upper: [Double]
    /// `rows × k`: for each row and center, at most their distance.
    var lower: Matrix
    /// `k × k`: half the distance between each pair of centers.
    var halfDistances: Matrix
    /// For each center, half the distance to its nearest other center (+∞ when k = 1).
    var nearestOther: [Double]
    /// How far each center moved in the last update.
    var shifts: [Double]

    init(rows: Int, clusterCount: Int) {
      upper = Array(repeating: 0, count: rows)
      lower = Matrix(rows: rows, columns: clusterCount)
      halfDistances = Matrix(rows: clusterCount, columns: clusterCount)
      nearestOther = Array(repeating: .infinity, count: clusterCount)
      shifts = Array(repeating: 0, count: clusterCount)
    }

    /// Recomputes the half distances between centers and each center's nearest other.
    mutating func measure(_ centers: Matrix) {
      let k = centers.rows
      for c in 0..<k { nearestOther[c] = .infinity }
      for c in 0..<k {
        for other in (c + 1)..<max(k, c + 1) {
          let half = Distance.squaredEuclidean(centers, row: c, centers, row: other).squareRoot() / 2
          halfDistances[c, other] = half
          halfDistances[other, c] = half
          nearestOther[c] = min(nearestOther[c], half)
          nearestOther[other] = min(nearestOther[other], half)
        }
      }
    }

    /// Loosens the bounds by how far the centers moved: upper bounds grow by their own center's shift, lower bounds shrink.
    mutating func loosen(labels: [Int]) {
      let k = lower.columns
      for i in 0..<upper.count {
        upper[i] += shifts[labels[i]] * (1 + KMeans.elkanMargin)
        for j in 0..<k { lower[i, j] = max(lower[i, j] - shifts[j] * (1 + KMeans.elkanMargin), 0) }
      }
    }
  }

  /// Relative slack in every bound test and update, so floating-point rounding never lets a bound skip a center
  /// that is in fact as near as the row's own; a skipped center is then strictly farther, and ties are decided
  /// by exact squared distances as in Lloyd's assignment.
  static let elkanMargin = 1e-9

  /// Whether a row whose own center is at most `upper` away provably has no tie with a center at least `bound` away.
  @inline(__always)
  static func rulesOut(_ upper: Double, _ bound: Double) -> Bool { upper < bound * (1 - elkanMargin) }

  /// One Elkan run from `start` (scikit-learn's `_kmeans_single_elkan`), with Lloyd's results.
  ///
  /// Each row keeps an upper bound on the distance to its own center and a
  /// lower bound on the distance to every center; a center is measured only
  /// when the bounds (Elkan's lemmas 1 and 2) cannot rule it out. Bounds are
  /// loosened by each center's shift after every update. Center updates,
  /// empty-cluster relocation and both convergence tests are Lloyd's own code,
  /// and a measured center replaces the current one when its squared distance
  /// is smaller, or equal with a lower index: the assignment is exactly Lloyd's
  /// nearest center, so labels, centers, inertia and iterations are identical.
  /// Elkan (2003) compares unsquared distances and keeps the current label on
  /// ties; scikit-learn does the same, so on an exact tie its Elkan and Lloyd
  /// can differ where ours cannot.
  /// - Complexity: O(rows · k) memory for the bounds; time O(`max_iter` · rows · k) for the bound tests
  ///   plus O(columns) per distance actually measured (few once clusters settle).
  /// - SeeAlso: Elkan, "Using the triangle inequality to accelerate k-means", ICML 2003.
  static func elkan(
    _ x: Matrix, from start: Matrix, maxIterations: Int, tolerance: Double, workspace w: inout Workspace, context: FitContext
  ) throws -> Run {
    var centers = start
    var bounds = ElkanBounds(rows: x.rows, clusterCount: centers.rows)
    bounds.measure(centers)
    for i in 0..<w.previousLabels.count { w.previousLabels[i] = -1 }
    var iterations = 0
    var strictlyConverged = false
    var converged = false
    while iterations < maxIterations {
      try context.checkCancellation()
      if iterations == 0 {
        initialAssignment(x, centers: centers, bounds: &bounds, labels: &w.labels)
      } else {
        boundedAssignment(x, centers: centers, bounds: &bounds, labels: &w.labels)
      }
      iterations += 1
      context.log(.iteration(iterations, objective: inertia(x, centers: centers, labels: w.labels)))
      x.clusterSums(labels: w.labels, into: &w.sums, counts: &w.counts)
      let shift = updateCenters(x, centers: &centers, workspace: &w)
      if w.labels == w.previousLabels {
        strictlyConverged = true
        converged = true
        break
      }
      if shift <= tolerance {
        converged = true
        break
      }
      // moveCenters left the previous centers in `sums`.
      for c in 0..<centers.rows { bounds.shifts[c] = Distance.squaredEuclidean(centers, row: c, w.sums, row: c).squareRoot() }
      bounds.loosen(labels: w.labels)
      bounds.measure(centers)
      for i in 0..<w.labels.count { w.previousLabels[i] = w.labels[i] }
    }
    if !strictlyConverged {
      _ = NearestCenterSearch(x).assign(to: centers, labels: &w.labels)
    }
    return Run(labels: w.labels, centers: centers, inertia: inertia(x, centers: centers, labels: w.labels), iterations: iterations, converged: converged)
  }

  /// The first assignment (scikit-learn's `init_bounds`): centers in index order, skipping those lemma 1 rules out.
  static func initialAssignment(_ x: Matrix, centers: Matrix, bounds b: inout ElkanBounds, labels: inout [Int]) {
    for i in 0..<x.rows {
      var label = 0
      var bestSquared = Distance.squaredEuclidean(x, row: i, centers, row: 0)
      var upper = bestSquared.squareRoot()
      b.lower[i, 0] = upper
      for j in 1..<max(centers.rows, 1) where !rulesOut(upper, b.halfDistances[label, j]) {
        let squared = Distance.squaredEuclidean(x, row: i, centers, row: j)
        let distance = squared.squareRoot()
        b.lower[i, j] = distance
        if squared < bestSquared {
          label = j
          bestSquared = squared
          upper = distance
        }
      }
      labels[i] = label
      b.upper[i] = upper
    }
  }

  /// A later assignment: rows whose bounds rule out every other center keep their label untouched.
  static func boundedAssignment(_ x: Matrix, centers: Matrix, bounds b: inout ElkanBounds, labels: inout [Int]) {
    for i in 0..<x.rows {
      var label = labels[i]
      var upper = b.upper[i]
      if rulesOut(upper, b.nearestOther[label]) { continue }
      var tight = false
      var bestSquared = 0.0
      for j in 0..<centers.rows where j != label {
        if rulesOut(upper, b.lower[i, j]) || rulesOut(upper, b.halfDistances[label, j]) { continue }
        if !tight {
          bestSquared = Distance.squaredEuclidean(x, row: i, centers, row: label)
          upper = bestSquared.squareRoot()
          b.lower[i, label] = upper
          tight = true
          if rulesOut(upper, b.lower[i, j]) || rulesOut(upper, b.halfDistances[label, j]) { continue }
        }
        let squared = Distance.squaredEuclidean(x, row: i, centers, row: j)
        let distance = squared.squareRoot()
        b.lower[i, j] = distance
        if squared < bestSquared || (squared == bestSquared && j < label) {
          label = j
          bestSquared = squared
          upper = distance
        }
      }
      labels[i] = label
      b.upper[i] = upper
    }
  }
}
