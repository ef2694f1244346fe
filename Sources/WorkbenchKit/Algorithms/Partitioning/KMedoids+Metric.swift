import WorkbenchNumerics

extension KMedoids {
  /// The dissimilarities k-medoids can use (the values of `metric`).
  public typealias Metric = Dissimilarity
  /// Rows prepared for one metric.
  typealias Space = DissimilaritySpace

  /// Most rows PAM accepts: its n × n matrix of doubles takes 8 · n² bytes (3.2 GB at 20,000 rows).
  public static let pamRowLimit = 20_000
}
