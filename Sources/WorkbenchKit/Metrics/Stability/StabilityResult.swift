/// How stable one trial's clustering is under perturbation and reseeding.
public struct StabilityResult: Sendable, Equatable {
  /// The perturbation used.
  public var method: StabilitySpec.Method
  /// Adjusted Rand index of each perturbed copy's clustering against the full-data clustering, on shared rows.
  public var resampleARI: [Double]
  /// Per cluster of the full-data clustering (by label), the mean over copies of its best Jaccard match.
  public var clusterJaccard: [Double]
  /// Copies whose fit failed (counted as ARI 0 and Jaccard 0: a clustering that cannot be reproduced is not stable).
  public var failedResamples: Int
  /// Adjusted Rand index of refits with other seeds against the trial's clustering (empty when off or not randomised).
  public var seedARI: [Double]

  public init(method: StabilitySpec.Method, resampleARI: [Double], clusterJaccard: [Double], failedResamples: Int, seedARI: [Double]) {
    self.method = method
    self.resampleARI = resampleARI
    self.clusterJaccard = clusterJaccard
    self.failedResamples = failedResamples
    self.seedARI = seedARI
  }

  /// The stability score used for ranking: the mean resample ARI (nil without resamples).
  public var score: Double? { Self.mean(resampleARI) }

  /// fpc::clusterboot's reading of a cluster's mean Jaccard similarity.
  public static func verdict(_ jaccard: Double) -> String {
    switch jaccard {
    case ..<0.5: "dissolved"
    case ..<0.75: "weak"
    case ..<0.85: "stable"
    default: "highly stable"
    }
  }

  static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  /// Sample standard deviation (n − 1), or nil with fewer than two values.
  static func standardDeviation(_ values: [Double]) -> Double? {
    guard values.count > 1, let m = mean(values) else { return nil }
    return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
  }

  /// The record's `stability` object.
  public var json: JSONValue {
    var o: [String: JSONValue] = [
      "method": .string(method.rawValue), "resamples": .int(resampleARI.count), "ari": .array(resampleARI.map(JSONValue.double)),
      "cluster_jaccard": .array(clusterJaccard.map(JSONValue.double)),
      "cluster_verdicts": .array(clusterJaccard.map { .string(Self.verdict($0)) }), "failed_resamples": .int(failedResamples),
    ]
    if let m = Self.mean(resampleARI) { o["ari_mean"] = .double(m) }
    if let s = Self.standardDeviation(resampleARI) { o["ari_std"] = .double(s) }
    if !seedARI.isEmpty {
      var seeds: [String: JSONValue] = ["runs": .int(seedARI.count), "ari": .array(seedARI.map(JSONValue.double))]
      if let m = Self.mean(seedARI) { seeds["ari_mean"] = .double(m) }
      if let s = Self.standardDeviation(seedARI) { seeds["ari_std"] = .double(s) }
      o["seeds"] = .object(seeds)
    }
    return .object(o)
  }

  /// Reads the record's `stability` object back.
  public init?(json: JSONValue) {
    guard let o = json.object, let method = o["method"]?.string.flatMap(StabilitySpec.Method.init(rawValue:)) else { return nil }
    self.init(
      method: method, resampleARI: o["ari"]?.array?.compactMap(\.number) ?? [], clusterJaccard: o["cluster_jaccard"]?.array?.compactMap(\.number) ?? [],
      failedResamples: o["failed_resamples"]?.integer ?? 0, seedARI: o["seeds"]?.object?["ari"]?.array?.compactMap(\.number) ?? [])
  }
}
