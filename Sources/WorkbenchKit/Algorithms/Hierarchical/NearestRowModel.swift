import WorkbenchNumerics

/// A saved model that labels a new row with the label of its nearest reference row: the fit rows of
/// ``Agglomerative``, the subcluster centroids of ``Birch``.
///
/// Saved as `{"metric": …, "rows": [[…], …], "labels": […]}`. The nearest row
/// is the one at the smallest distance under `metric`
/// (``BlockedPoints/nearest(toRow:of:metric:)``; squared distances for
/// Euclidean), the first such row on ties; a reference row's own label
/// therefore comes back for it unless an earlier reference row lies at the
/// same distance (an identical row).
/// - Complexity: O(new rows · reference rows · columns) to label, spread over the cores; O(reference rows) extra memory.
struct NearestRowModel: Sendable {
  /// The reference rows.
  let rows: Matrix
  /// One label per reference row.
  let labels: [Int]
  /// The distance between rows.
  let metric: PointMetric

  init(rows: Matrix, labels: [Int], metric: PointMetric) {
    precondition(rows.rows == labels.count && rows.rows > 0, "\(labels.count) labels for \(rows.rows) reference rows")
    self.rows = rows
    self.labels = labels
    self.metric = metric
  }

  /// Reads a model saved by ``json``; `owner` names it in errors ("agglomerative model").
  init(_ model: JSONValue, owner: String) throws {
    let saved = try SavedState(model, owner: owner)
    guard let metric = PointMetric(rawValue: try saved.text("metric")) else {
      throw SavedStateError(owner: owner, detail: "'metric' is not one of \(PointMetric.allCases.map(\.rawValue))")
    }
    let rows = try saved.matrix("rows")
    let labels = try saved.reals("labels").compactMap { Int(exactly: $0) }
    guard rows.rows > 0, labels.count == rows.rows, labels.allSatisfy({ $0 >= 0 }) else {
      throw SavedStateError(owner: owner, detail: "'rows' and 'labels' must be non-empty, one label (an integer ≥ 0) per row")
    }
    self.init(rows: rows, labels: labels, metric: metric)
  }

  /// The model as JSON.
  var json: JSONValue {
    ["metric": .string(metric.rawValue), "rows": SavedState.encode(rows), "labels": .array(labels.map(JSONValue.int))]
  }

  /// Rows per parallel chunk while labelling (a constant, so labels never depend on the thread count).
  static let chunkRows = 64

  /// The label of the nearest reference row of each row of `x`; throws when `x` has other columns than the reference rows.
  ///
  /// Rows are labelled in fixed chunks across the cores, each by
  /// ``BlockedPoints/nearest(toRow:of:metric:)``.
  func labels(for x: Matrix) throws(FitError) -> [Int] {
    guard x.columns == rows.columns else {
      throw .degenerate("the model has \(rows.columns) features but the new rows have \(x.columns)")
    }
    let points = BlockedPoints(rows)
    let (metric, labels) = (metric, labels)
    return Parallel.map(count: Parallel.chunkCount(x.rows, size: Self.chunkRows)) { chunk in
      Parallel.chunkRange(chunk, size: Self.chunkRows, total: x.rows).map { r in
        guard let nearest = points.nearest(toRow: r, of: x, metric: metric) else { preconditionFailure("a model without reference rows") }
        return labels[nearest.id]
      }
    }.flatMap { $0 }
  }
}
