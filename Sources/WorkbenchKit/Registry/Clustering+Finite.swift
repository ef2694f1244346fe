import WorkbenchNumerics

extension Clustering {
  /// This clustering, after checking that every number it carries is finite; otherwise a ``FitError`` naming the first one.
  ///
  /// Why: a fit that overflowed (an infinite inertia, a NaN membership) is
  /// not a result; recording it would write `null`s without a reason or
  /// crash a writer. Checked: diagnostics, centers, memberships, row scores,
  /// the model and the hierarchy. Trials run it on every fit.
  /// - Complexity: O(rows · clusters) for memberships, plus the size of the model.
  public func requiringFinite(algorithm: String) throws(FitError) -> Clustering {
    var place: String?
    if let path = diagnostics.json.firstNonFinitePath(under: "diagnostics") {
      place = path
    } else if let centers, let i = centers.storage.firstIndex(where: { !$0.isFinite }) {
      place = "centers[\(i / max(centers.columns, 1))][\(i % max(centers.columns, 1))]"
    } else if let memberships, let i = memberships.storage.firstIndex(where: { !$0.isFinite }) {
      place = "memberships of row \(i / max(memberships.columns, 1) + 1)"
    } else if let score = rowScores.first(where: { !$0.values.allSatisfy(\.isFinite) }) {
      place = "row score '\(score.name)'"
    } else if let path = model?.firstNonFinitePath(under: "model") {
      place = path
    } else if let path = hierarchy?.firstNonFinitePath(under: "hierarchy") {
      place = path
    }
    guard let place else { return self }
    throw .degenerate(
      "\(algorithm) produced a value that is not a finite number (\(place)), an overflow or a division by zero; "
        + "scale the features (a \"standard-scaler\" step) or change the parameters")
  }
}
