import WorkbenchNumerics

extension SavedState {
  /// The distance a density model was fitted with, from its `metric` field.
  func neighborMetric() throws(SavedStateError) -> NeighborMetric {
    guard let metric = NeighborMetric(rawValue: try text("metric")) else {
      throw SavedStateError(owner: owner, detail: "'metric' is not one of \(NeighborMetric.allCases.map(\.rawValue))")
    }
    return metric
  }
}
