import WorkbenchNumerics

extension ClusteringInput {
  /// The numeric rows a distance-based algorithm searches under `metric`, with the rows it cannot use rejected.
  ///
  /// Categorical features need a one-hot step first; under cosine an
  /// all-zero row has no direction, so its distance to anything is
  /// undefined (scikit-learn silently calls it 1 from everything), and the fit
  /// fails naming the row instead.
  func distanceRows(for algorithm: String, metric: NeighborMetric) throws(FitError) -> Matrix {
    let x = try numericOnly(for: algorithm)
    if metric == .cosine, let row = NeighborIndex.firstZeroRow(x) {
      throw .degenerate(
        "\(algorithm) with the cosine metric cannot place row \(row + 1): all its features are 0, so it has no direction; "
          + "use \"metric\": \"euclidean\", or leave out (or shift) all-zero rows")
    }
    return x
  }
}
