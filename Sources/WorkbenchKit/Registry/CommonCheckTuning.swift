/// How the common algorithm checks (`WorkbenchTestSupport.CommonChecks`) should run an algorithm whose defaults do not suit them.
///
/// Like scikit-learn's `_set_checking_parameters` and `expected_failed_checks`:
/// an algorithm conforms only when it needs to, and both properties default
/// to empty. An expected failure must carry its reason, and the checks fail
/// when such a check passes (strict), so the list cannot go stale.
public protocol CommonCheckTuning: ClusteringAlgorithm {
  /// Parameters used instead of the defaults in every check (a small `max_iter`, …); `k` is set by the checks.
  static var checkingParameters: [String: JSONValue] { get }
  /// Checks known to fail, by check name (`"translation"`), each with the reason.
  static var expectedCheckFailures: [String: String] { get }
  /// Constant categorical features the checks add to every numeric input, for mixed-data algorithms that need some.
  ///
  /// A constant category never separates rows, so the checks' expectations
  /// (recovering blobs, invariances) stay those of the numeric data.
  static var checkingCategoricalFeatures: Int { get }
}

extension CommonCheckTuning {
  public static var checkingParameters: [String: JSONValue] { [:] }
  public static var expectedCheckFailures: [String: String] { [:] }
  public static var checkingCategoricalFeatures: Int { 0 }
}
