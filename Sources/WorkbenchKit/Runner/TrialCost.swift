/// A trial's estimated work, in arbitrary units, for dividing a plan among shards.
///
/// Only ratios matter, and the estimate depends on nothing but the plan and
/// the data's size, so every shard of a run computes the same numbers:
/// - a fit costs rows · columns · k (rows² · columns for algorithms that keep
///   a rows × rows matrix, ``AlgorithmCapabilities/scalesQuadratically``);
///   without a cluster count k counts as 1;
/// - a trial fits once, plus once per stability resample, plus once per extra
///   seed when the algorithm is randomised;
/// - each metric costs rows · columns, or rows² · columns when it compares
///   every pair of rows (capped at ``Guardrails/exactWorkLimit``, above which
///   it is sampled).
/// Iteration counts and early stopping are unknowable beforehand and ignored.
public enum TrialCost {
  /// The estimated work of `trial` of `plan` on data of `rows` × `columns`.
  public static func estimate(_ trial: TrialConfig, plan: TrialPlan, rows: Int, columns: Int, registry: PluginRegistry) -> Double {
    let n = Double(max(rows, 1))
    let d = Double(max(columns, 1))
    let capabilities = registry.algorithm(named: trial.algorithm.name)?.capabilities
    let k = capabilities?.requiresClusterCount == true ? Double(max(trial.algorithm.parameters.values[TrialPlan.clusterCountParameter]?.integer ?? 1, 1)) : 1
    let fit = capabilities?.scalesQuadratically == true ? n * n * d : n * d * k
    let stability = plan.experiment.stability
    let refits = 1 + (stability?.resamples ?? 0) + (capabilities?.usesRandomness == true ? stability?.seeds ?? 0 : 0)
    let metrics = plan.metrics.reduce(0.0) { total, metric in
      total + (registry.metric(named: metric.name)?.pairwiseCost != nil ? min(n * n * d, Guardrails.exactWorkLimit) : n * d)
    }
    return Double(refits) * fit + metrics
  }
}
