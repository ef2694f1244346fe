extension PreparedExperiment {
  /// Fits every pipeline variant on the data, as a run does before writing anything, and throws the first step that finds the data unusable.
  ///
  /// Why: a step can find the data itself unusable only by reading its
  /// values (log1p of a value ≤ −1, box-cox of a value ≤ 0, a column with
  /// no value, an overflow); `run` stops with that ``DataError`` before its
  /// first trial, so `validate` runs the same fits to report it too.
  /// Problems that fail single trials instead (too few rows left) are not reported.
  /// - Complexity: one fit and transform of every step of every pipeline variant.
  public func checkPipelines(registry: PluginRegistry) throws {
    let executor = try TrialExecutor(registry: registry, plan: plan, dataset: dataset)
    for variant in plan.pipelines {
      if case .failure(let failure) = executor.prepare(variant), let dataError = failure.dataError { throw dataError }
    }
  }
}
