import WorkbenchNumerics

extension HDBSCAN {
  /// The saved model: what the `hdbscan` library's `approximate_predict` reads from its `prediction_data_`.
  ///
  /// The library counts a core distance without the row itself, so the
  /// library run that clusters as this fit has `min_samples` m = ours − 1
  /// (at least 1); its prediction data holds each fit row's distance to its
  /// m-th nearest row (itself included), which is what is saved as
  /// `prediction_core_distances`, with m as `prediction_samples`. Then the
  /// fit rows (to find a new row's nearest
  /// mutual-reachability neighbour), each row's cluster and λ in the
  /// condensed tree, and per cluster (by id − rows): its parent and birth λ,
  /// the label of the label's cluster at or above it (−1 above all of them)
  /// and that cluster's largest λ. As in the library, a label's cluster is
  /// the lowest cluster id any of its rows leaves (the selected cluster, or
  /// for a single root cluster the highest cluster its labelled rows leave).
  /// λ = +∞ is saved as `null`.
  func model(rows x: Matrix, predictionCores: [Double], tree: CondensedTree, labels: [Int]) -> JSONValue {
    let samples = Self.predictionSamples(effectiveMinimumSamples)
    var pointParent = Array(repeating: tree.rows, count: tree.rows)
    var pointLambda = Array(repeating: 0.0, count: tree.rows)
    for i in 0..<tree.count where tree.child[i] < tree.rows {
      pointParent[tree.child[i]] = tree.parent[i]
      pointLambda[tree.child[i]] = tree.lambda[i]
    }
    let parents = tree.clusterParents
    let deaths = tree.deaths
    let children = tree.clusterChildren
    let clusters = tree.largestCluster - tree.rows + 1
    var clusterLabel = Array(repeating: -1, count: clusters)
    var clusterMaximum = Array(repeating: 0.0, count: clusters)
    // The library re-derives each label's cluster from the labels: the lowest cluster any of its rows leaves.
    let compact = HDBSCAN.consecutive(labels)
    var lowest = Array(repeating: Int.max, count: compact.count)
    for (row, label) in compact.labels.enumerated() where label >= 0 { lowest[label] = min(lowest[label], pointParent[row]) }
    for (label, cluster) in lowest.enumerated() {
      for sub in tree.descendants(of: cluster, children: children) {
        clusterLabel[tree.slot(sub)] = label
        clusterMaximum[tree.slot(sub)] = deaths[tree.slot(cluster)]
      }
    }
    return [
      "metric": .string(metric.rawValue), "prediction_samples": .int(samples), "rows": SavedState.encode(x), "columns": .int(x.columns),
      "prediction_core_distances": SavedState.encode(predictionCores), "point_cluster": SavedState.encode(pointParent),
      "point_lambda": CondensedTree.encode(pointLambda), "cluster_parent": SavedState.encode(parents),
      "cluster_birth": CondensedTree.encode(tree.births), "cluster_label": SavedState.encode(clusterLabel),
      "cluster_max_lambda": CondensedTree.encode(clusterMaximum),
    ]
  }

  /// Labels new rows as the `hdbscan` library's `approximate_predict`, with each row's `probability` in ``Prediction/rowScores``.
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    let predicted = try approximatePredict(model: model, input: input)
    return Prediction(labels: predicted.map(\.label), rowScores: [RowScore(name: "probability", values: predicted.map(\.probability))])
  }

  /// The library's `min_samples` for ours: one less (its core distance leaves the row out), at least 1.
  static func predictionSamples(_ minimumSamples: Int) -> Int { max(minimumSamples - 1, 1) }

  /// The `hdbscan` library's `approximate_predict`: each new row's label and membership probability.
  ///
  /// With m the library's `min_samples` (``predictionSamples(_:)``): among
  /// the new row's 2m nearest fit rows it takes the one with the smallest
  /// max(prediction core distance of the fit row, d(new row, its (m + 1)-th
  /// nearest fit row), distance) (the first in distance order on ties), and
  /// λ = 1 / that distance (the largest double at distance 0). The new row joins the cluster
  /// that neighbour leaves; if the neighbour leaves at a larger λ, the row
  /// climbs to the first ancestor cluster born at or below its λ. The label
  /// is that cluster's selected cluster (−1 if none); the probability is
  /// min(λ, λ_max) / λ_max of the selected cluster (1 when λ_max = 0, 0 for noise).
  static func approximatePredict(model: JSONValue, input: ClusteringInput) throws -> [(label: Int, probability: Double)] {
    let saved = try SavedState(model, owner: "hdbscan model")
    let metric = try saved.neighborMetric()
    let samples = try saved.int("prediction_samples")
    let columns = try saved.int("columns")
    let fit = try saved.matrix("rows")
    let cores = try saved.reals("prediction_core_distances")
    let pointCluster = try saved.ints("point_cluster")
    let pointLambda = try CondensedTree.lambdas(saved, "point_lambda")
    let clusterParent = try saved.ints("cluster_parent")
    let clusterBirth = try CondensedTree.lambdas(saved, "cluster_birth")
    let clusterLabel = try saved.ints("cluster_label")
    let clusterMaximum = try CondensedTree.lambdas(saved, "cluster_max_lambda")
    let root = fit.rows
    guard fit.columns == columns, samples >= 1, cores.count == root, pointCluster.count == root, pointLambda.count == root,
      clusterBirth.count == clusterParent.count, clusterLabel.count == clusterParent.count, clusterMaximum.count == clusterParent.count,
      pointCluster.allSatisfy({ $0 >= root && $0 - root < clusterParent.count }),
      clusterParent.dropFirst().allSatisfy({ $0 >= root && $0 - root < clusterParent.count })
    else { throw SavedStateError(owner: "hdbscan model", detail: "its arrays do not describe one fitted tree") }
    let x = try input.distanceRows(for: name, metric: metric)
    guard x.columns == columns else { throw FitError.degenerate("the hdbscan model has \(columns) features but the new rows have \(x.columns)") }
    // As the library: a tree without a single split into clusters predicts noise for every row.
    guard clusterParent.count > 1 else { return Array(repeating: (-1, 0), count: x.rows) }
    let neighbors = NeighborIndex(fit, metric: metric).nearest(2 * samples, of: x)
    return neighbors.map { list in
      let pointCore = list[min(samples, list.count - 1)].distance
      var best = list[0]
      var bestDistance = Double.infinity
      for neighbor in list {
        let distance = max(cores[neighbor.index], pointCore, neighbor.distance)
        if distance < bestDistance { (best, bestDistance) = (neighbor, distance) }
      }
      let lambda = bestDistance > 0 ? 1 / bestDistance : Double.greatestFiniteMagnitude
      var cluster = pointCluster[best.index]
      if pointLambda[best.index] > lambda {
        while cluster > root && clusterBirth[cluster - root] >= lambda { cluster = clusterParent[cluster - root] }
      }
      let label = clusterLabel[cluster - root]
      guard label >= 0 else { return (-1, 0) }
      let maximum = clusterMaximum[cluster - root]
      return (label, maximum > 0 ? min(maximum, lambda) / maximum : 1)
    }
  }
}
