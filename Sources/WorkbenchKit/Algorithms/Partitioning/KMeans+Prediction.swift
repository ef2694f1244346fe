import WorkbenchNumerics

extension KMeans {
  /// The saved model: the final centers, one row per cluster.
  static func model(centers: Matrix) -> JSONValue {
    ["centers": SavedState.encode(centers)]
  }

  /// Labels each row with its nearest center (ties to the lowest label), as the fit's final assignment does.
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    let x = try input.numericOnly(for: name)
    let centers = try SavedState(model, owner: "kmeans model").matrix("centers")
    guard centers.columns == x.columns else {
      throw FitError.degenerate("the kmeans model has \(centers.columns) features but the new rows have \(x.columns)")
    }
    return Prediction(labels: (0..<x.rows).map { Distance.nearest(x, row: $0, among: centers).index })
  }
}
