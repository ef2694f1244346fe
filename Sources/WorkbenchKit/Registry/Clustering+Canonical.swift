import WorkbenchNumerics

extension Clustering {
  /// The same partition with labels renumbered by decreasing cluster size (ties: the cluster whose first row comes first).
  ///
  /// Algorithms number clusters arbitrarily (seeds, initialisation order), so
  /// two runs that find the same segments can still disagree on "segment 2".
  /// Every trial is stored in this canonical numbering: segment 0 is the
  /// largest. Centers, memberships and exemplars follow; `mapping[old]` gives
  /// the new label of an algorithm label (saved with the model, so predictions
  /// use the same numbering).
  public func canonicallyOrdered() -> (clustering: Clustering, mapping: [Int]) {
    var firstRow = Array(repeating: Int.max, count: clusterCount)
    for (row, label) in labels.enumerated() where label >= 0 && firstRow[label] == Int.max { firstRow[label] = row }
    let counts = sizes
    let order = (0..<clusterCount).sorted { a, b in counts[a] != counts[b] ? counts[a] > counts[b] : firstRow[a] < firstRow[b] }
    var mapping = Array(repeating: 0, count: clusterCount)
    for (new, old) in order.enumerated() { mapping[old] = new }
    var out = self
    out.labels = labels.map { $0 >= 0 ? mapping[$0] : $0 }
    out.centers = centers.map { $0.rows == clusterCount ? $0.selecting(rows: order) : $0 }
    out.memberships = memberships.map { m in
      guard m.columns == clusterCount else { return m }
      var reordered = Matrix(rows: m.rows, columns: m.columns)
      for r in 0..<m.rows { for (new, old) in order.enumerated() { reordered[r, new] = m[r, old] } }
      return reordered
    }
    out.exemplars = exemplars.map { rows in order.map { rows[$0] } }
    return (out, mapping)
  }
}
