/// The common checks every registered clustering algorithm must pass (STYLE 2.8; scikit-learn's `check_clustering` family).
public enum AlgorithmCheck: String, CaseIterable, Sendable, CustomStringConvertible {
  /// Same parameters and seed twice ⇒ identical labels and diagnostics; without randomness, another seed changes nothing.
  case determinism
  /// One label per row, in `0..<clusterCount` (or −1 for noise algorithms), every label used, `clusterCount ≤ k`.
  case labelContract
  /// Adjusted Rand index ≥ 0.95 against the generating labels of well-separated blobs (2-D and 5-D).
  case recoversBlobs
  /// Shuffled rows ⇒ the same partition up to relabelling, on blobs.
  case permutationInvariance
  /// Fewer rows than `k` ⇒ `FitError.insufficientSamples`.
  case tooFewSamples
  /// One row with `k` = 1, and exactly `k` rows, fit or throw a `FitError`; never NaN.
  case tinyInputs
  /// All rows identical, and half the rows duplicated ⇒ finite output, the label contract, a note when fewer than `k` clusters.
  case duplicatePoints
  /// Appending a constant column leaves the partition unchanged.
  case constantColumn
  /// Adding 1024 to every value leaves the partition unchanged, on blobs.
  case translation
  /// Defaults are valid; generated invalid values fail with an error naming the plugin and parameter.
  case parameterContract
  /// Fitting the same instance twice gives identical results.
  case idempotentFit
  /// For algorithms that can predict, `predict` on the fit rows gives the fit labels (and memberships).
  case predictMatchesFit
  /// Blobs scaled by 1e300 and by 1e-300 (and a NaN cell) ⇒ a `FitError` with a reason, never a crash, a non-finite
  /// output or a wrong partition reported as a result; blobs scaled by 1e50 ⇒ the blobs' own partition.
  case extremeScales

  public var description: String { rawValue }
}
