/// Counts of rows per (true class, cluster) pair: the table every external metric is computed from.
///
/// Built the way scikit-learn's `contingency_matrix(labels_true, labels_pred)`
/// is, on the rows that have a truth value: classes are the distinct truth
/// strings sorted, clusters the distinct labels sorted. Noise (label −1) is
/// kept as a cluster of its own, as a scikit-learn user comparing all rows
/// gets; rows without a truth value cannot be compared and are left out
/// (counted in ``rowsWithoutTruth``).
///
/// Stored sparsely (only non-zero cells), so a truth column with many classes
/// costs memory in proportion to the rows, not classes × clusters.
/// - Complexity: O(rows · log rows) to build.
public struct ContingencyTable: Sendable, Equatable {
  /// One non-zero cell.
  public struct Cell: Sendable, Equatable {
    /// Index into ``ContingencyTable/classes``.
    public var classIndex: Int
    /// Index into ``ContingencyTable/clusters``.
    public var clusterIndex: Int
    /// Rows of that class in that cluster (≥ 1).
    public var count: Int
  }

  /// The distinct truth values, sorted.
  public let classes: [String]
  /// The distinct cluster labels, sorted (−1, noise, first when present).
  public let clusters: [Int]
  /// The non-zero cells, ordered by class, then cluster.
  public let cells: [Cell]
  /// Rows per class, in ``classes`` order.
  public let classTotals: [Int]
  /// Rows per cluster, in ``clusters`` order.
  public let clusterTotals: [Int]
  /// Rows compared (those with a truth value).
  public let total: Int
  /// Rows left out because their truth value is missing.
  public let rowsWithoutTruth: Int

  /// The table of `labels` against `truth` (one entry per row; `nil` = missing truth).
  public init(labels: [Int], truth: [String?]) {
    precondition(labels.count == truth.count, "one truth value per label")
    let compared = labels.indices.filter { truth[$0] != nil }
    classes = Array(Set(compared.map { truth[$0]! })).sorted()
    clusters = Array(Set(compared.map { labels[$0] })).sorted()
    var classIndex: [String: Int] = [:]
    for (i, c) in classes.enumerated() { classIndex[c] = i }
    var clusterIndex: [Int: Int] = [:]
    for (j, c) in clusters.enumerated() { clusterIndex[c] = j }
    var counts: [Int: Int] = [:]
    var classTotals = Array(repeating: 0, count: classes.count)
    var clusterTotals = Array(repeating: 0, count: clusters.count)
    for row in compared {
      let i = classIndex[truth[row]!]!, j = clusterIndex[labels[row]]!
      counts[i * clusters.count + j, default: 0] += 1
      classTotals[i] += 1
      clusterTotals[j] += 1
    }
    let width = clusters.count
    cells = counts.keys.sorted().map { key in Cell(classIndex: key / width, clusterIndex: key % width, count: counts[key]!) }
    self.classTotals = classTotals
    self.clusterTotals = clusterTotals
    total = compared.count
    rowsWithoutTruth = labels.count - compared.count
  }

  /// The table as JSON: classes, clusters, dense `counts` (one list per class), totals and rows left out.
  public var json: JSONValue {
    var dense = Array(repeating: Array(repeating: 0, count: clusters.count), count: classes.count)
    for cell in cells { dense[cell.classIndex][cell.clusterIndex] = cell.count }
    return [
      "classes": .array(classes.map(JSONValue.string)),
      "clusters": .array(clusters.map(JSONValue.int)),
      "counts": .array(dense.map { .array($0.map(JSONValue.int)) }),
      "class_totals": .array(classTotals.map(JSONValue.int)),
      "cluster_totals": .array(clusterTotals.map(JSONValue.int)),
      "rows": .int(total),
      "rows_without_truth": .int(rowsWithoutTruth),
    ]
  }
}

extension ContingencyTable {
  /// The table for a metric's input, or the undefined score saying why there is none.
  ///
  /// Undefined when the spec names no truth column, or when no row has a truth value.
  static func of(_ input: MetricInput, for metric: String) -> Result<ContingencyTable, ExternalMetricUndefined> {
    guard let truth = input.truth else {
      return .failure(ExternalMetricUndefined(score: .undefined("\(metric) needs a ground-truth column; none was given")))
    }
    let table = ContingencyTable(labels: input.clustering.labels, truth: truth)
    guard table.total > 0 else {
      return .failure(ExternalMetricUndefined(score: .undefined("\(metric) needs rows with a truth value; every row's truth is missing")))
    }
    return .success(table)
  }
}

/// The undefined score of an external metric that cannot be computed.
struct ExternalMetricUndefined: Error {
  var score: Score
}
