extension ClusteringInput {
  /// Throws unless every numeric feature is inside ``FeatureMagnitude``'s band, naming the first column outside it and the fix.
  ///
  /// Every algorithm calls this before fitting or predicting (through
  /// ``numericOnly(for:)`` for numeric-only ones), so no algorithm computes
  /// on values whose squares overflow or underflow.
  /// - Complexity: O(rows · numeric columns).
  public func requireSafeMagnitudes() throws(FitError) {
    guard let problem = FeatureMagnitude.problem(in: numeric, names: numericNames) else { return }
    let fix = problem.isNonFinite ? "add an \"impute\" step to the pipeline" : "add a \"standard-scaler\" step to the pipeline (or rescale the column)"
    throw .degenerate("cannot cluster this data: \(problem.message); \(fix)")
  }
}
