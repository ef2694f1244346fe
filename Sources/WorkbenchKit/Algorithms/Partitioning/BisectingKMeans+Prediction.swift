import WorkbenchNumerics

extension BisectingKMeans {
  /// Walks each row down the saved tree: at every split, the nearer child center (the left on ties).
  ///
  /// Rows are centered with the fit's mean first, exactly as the fit centered
  /// its data, so the fit rows get the fit labels.
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    let raw = try input.numericOnly(for: name)
    let state = try SavedState(model, owner: "bisecting-kmeans model")
    let mean = try state.reals("mean")
    let centers = try state.matrix("node_centers")
    let leafLabels = (try state.value("leaf_labels").array ?? []).map { $0.integer ?? -1 }
    let children: [(left: Int, right: Int)?] = (try state.value("children").array ?? []).map { pair in
      guard let items = pair.array, items.count == 2, let left = items[0].integer, let right = items[1].integer else { return nil }
      return (left, right)
    }
    let nodeCount = centers.rows
    let valid =
      children.count == nodeCount && leafLabels.count == nodeCount
      && children.allSatisfy { $0.map { (1..<nodeCount).contains($0.left) && (1..<nodeCount).contains($0.right) } ?? true }
      && zip(children, leafLabels).allSatisfy { ($0 == nil) == ($1 >= 0) }
    guard valid, mean.count == centers.columns else {
      throw SavedStateError(owner: "bisecting-kmeans model", detail: "the tree's centers, children and leaf labels do not fit together")
    }
    guard mean.count == raw.columns else {
      throw FitError.degenerate("the bisecting-kmeans model has \(mean.count) features but the new rows have \(raw.columns)")
    }
    let x = centered(raw, by: mean)
    let labels = (0..<x.rows).map { row in
      var node = 0
      while let (left, right) = children[node] {
        node = Distance.squaredEuclidean(x, row: row, centers, row: right) < Distance.squaredEuclidean(x, row: row, centers, row: left) ? right : left
      }
      return leafLabels[node]
    }
    return Prediction(labels: labels)
  }
}
