/// What a metric needs beyond the features and the labels, so callers can tell which metrics apply.
///
/// `workbench evaluate` scores an existing segmentation with every metric
/// whose needs are empty (plus ``truth`` ones when a truth column is given);
/// a metric asked for without what it needs returns ``Score/undefined(_:)``
/// with the reason, never NaN.
public struct MetricNeeds: OptionSet, Sendable, Hashable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// A ground-truth class per row (``MetricInput/truth``): external metrics.
  public static let truth = MetricNeeds(rawValue: 1 << 0)
  /// A model log-likelihood and parameter count in the diagnostics (BIC, AIC).
  public static let likelihood = MetricNeeds(rawValue: 1 << 1)
  /// Soft memberships, centers and a fuzzifier (Xie–Beni).
  public static let memberships = MetricNeeds(rawValue: 1 << 2)
  /// A way to refit the algorithm to other data (gap statistic).
  public static let refit = MetricNeeds(rawValue: 1 << 3)

  /// Each need with its name in manifests, in declaration order.
  static let named: [(name: String, need: MetricNeeds)] = [("truth", .truth), ("likelihood", .likelihood), ("memberships", .memberships), ("refit", .refit)]

  /// Every need's name.
  static var allNames: [String] { named.map(\.name) }

  /// The need called `name`, if any.
  static func named(_ name: String) -> MetricNeeds? { named.first { $0.name == name }?.need }

  /// The names of the needs in this set, in declaration order.
  var names: [String] { Self.named.filter { contains($0.need) }.map(\.name) }
}
