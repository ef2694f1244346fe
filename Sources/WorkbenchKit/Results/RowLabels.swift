/// A clustering's labels for every dataset row, including rows a pipeline step excluded.
public struct RowLabels: Sendable, Equatable {
  /// One entry per dataset row: the cluster (-1 = noise), or `nil` when the row was excluded.
  public var labels: [Int?]
  /// For excluded rows, the step that excluded them (`"2:remove-outliers"`).
  public var excludedBy: [Int: String]

  /// Labels given per dataset row directly.
  public init(labels: [Int?], excludedBy: [Int: String]) {
    self.labels = labels
    self.excludedBy = excludedBy
  }

  /// The same rows with every segment id `id` replaced by `mapping[id]` (noise and excluded rows unchanged).
  public func renumbered(_ mapping: [Int: Int]) -> RowLabels {
    RowLabels(labels: labels.map { $0.map { $0 >= 0 ? mapping[$0] ?? $0 : $0 } }, excludedBy: excludedBy)
  }

  /// Labels of the pipeline's output rows, spread back over all `rowCount` dataset rows.
  public init(labels fitted: [Int], datasetRows: [Int], excluded: [Int: String], rowCount: Int) {
    precondition(fitted.count == datasetRows.count, "one label per pipeline row")
    var labels = [Int?](repeating: nil, count: rowCount)
    for (label, row) in zip(fitted, datasetRows) { labels[row] = label }
    self.labels = labels
    self.excludedBy = excluded
  }
}
