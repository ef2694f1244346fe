extension PreparedExperiment {
  /// A pipeline variant every trial of which will fail, and why.
  public struct FailingPipeline: Sendable, Equatable {
    /// The pipeline's name.
    public var pipeline: String
    /// What its output lacks, with the fix (a missing `impute` step, every row excluded).
    public var reason: String
  }

  /// Fits every pipeline variant on the data, as a run does before writing anything; throws the first step that
  /// finds the data unusable and returns the variants whose output no algorithm can take.
  ///
  /// Why: a step can find the data itself unusable only by reading its
  /// values (log1p of a value ≤ −1, box-cox of a value ≤ 0, a column with
  /// no value, an overflow); `run` stops with that ``DataError`` before its
  /// first trial, so `validate` runs the same fits to report it too. An
  /// output that keeps missing values (features with gaps and no `impute`
  /// step) or excludes every row does not stop a run — other pipelines may
  /// work — but fails every trial on that pipeline, so `validate` reports it.
  /// - Complexity: one fit and transform of every step of every pipeline variant.
  public func checkPipelines(registry: PluginRegistry) throws -> [FailingPipeline] {
    let executor = try TrialExecutor(registry: registry, plan: plan, dataset: dataset)
    var failing: [FailingPipeline] = []
    for variant in plan.pipelines {
      guard case .failure(let failure) = executor.prepare(variant) else { continue }
      if let dataError = failure.dataError { throw dataError }
      if !failing.contains(where: { $0.pipeline == variant.name && $0.reason == failure.reason }) {
        failing.append(FailingPipeline(pipeline: variant.name, reason: failure.reason))
      }
    }
    return failing
  }
}
