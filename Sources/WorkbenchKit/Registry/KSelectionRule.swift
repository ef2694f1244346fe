/// How a metric's curve over the number of clusters picks a k.
public enum KSelectionRule: Sendable, Equatable {
  /// The k with the largest value (silhouette, Calinski–Harabasz).
  case maximum
  /// The k with the smallest value (Davies–Bouldin, BIC).
  case minimum
  /// The knee of a falling curve by Kneedle (Satopää et al. 2011): inertia's elbow.
  case elbow
  /// The largest k whose value is at least the threshold (prediction strength ≥ 0.8, Tibshirani & Walther 2005).
  case largestAtLeast(Double)
  /// The smallest k with gap(k) ≥ gap(k+1) − s(k+1) (Tibshirani, Walther & Hastie 2001); s comes with the value.
  case gapStandardError

  /// A short name for tables ("max", "elbow").
  public var label: String {
    switch self {
    case .maximum: "max"
    case .minimum: "min"
    case .elbow: "elbow (Kneedle)"
    case .largestAtLeast(let t): "largest k ≥ \(JSONNumber.plain(t))"
    case .gapStandardError: "1-SE rule"
    }
  }

  /// The rule a ``label`` names; `nil` for any other text (reading manifests back).
  public init?(label: String) {
    switch label {
    case "max": self = .maximum
    case "min": self = .minimum
    case "elbow (Kneedle)": self = .elbow
    case "1-SE rule": self = .gapStandardError
    default:
      let prefix = "largest k ≥ "
      guard label.hasPrefix(prefix), let threshold = Double(label.dropFirst(prefix.count)), threshold.isFinite else { return nil }
      self = .largestAtLeast(threshold)
    }
  }
}
