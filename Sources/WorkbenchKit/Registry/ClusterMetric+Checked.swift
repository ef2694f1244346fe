extension ClusterMetric {
  /// ``score(_:context:)`` in the form results record: a finite value, or `.undefined` with its reason.
  ///
  /// Why: a metric computed on features whose squares overflow or
  /// underflow is meaningless, and a value that came out infinite or NaN
  /// (a division by zero, an overflow) has no JSON form: before, such
  /// values became `null` with no reason, or crashed the leaderboard
  /// writer. Features outside ``FeatureMagnitude``'s band give `.undefined`
  /// naming the column and the fix (for metrics that read them); a
  /// non-finite value gives `.undefined` saying so; an estimate whose
  /// interval is not finite keeps its (finite) point value.
  /// Every caller that records scores goes through here.
  public func checkedScore(_ input: MetricInput, context: FitContext) throws -> Score {
    if Self.readsFeatures, let problem = FeatureMagnitude.problem(in: input.features, names: input.featureNames ?? []) {
      let fix = problem.isNonFinite ? "fill missing values first" : "scale the features first (`--scale standard` in evaluate, a \"standard-scaler\" step in a pipeline)"
      return .undefined("\(problem.message); \(fix)")
    }
    let score = try score(input, context: context)
    switch score {
    case .undefined: return score
    case .value(let v) where v.isFinite: return score
    case .estimate(let v, let low, let high) where v.isFinite: return low.isFinite && high.isFinite ? score : .value(v)
    case .value(let v), .estimate(let v, _, _):
      return .undefined("\(Self.name) is not a finite number for this clustering (\(v)): a division by zero or an overflow")
    }
  }
}
