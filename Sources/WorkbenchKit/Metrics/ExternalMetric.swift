/// A metric that compares the clusters with a truth column through their contingency table.
///
/// A conformer states its name, summary, bounds and ``value(of:)``; the rest
/// is shared: no parameters unless it declares some, higher is better, it
/// needs ``MetricNeeds/truth``, and ``ClusterMetric/score(_:context:)`` builds
/// the ``ContingencyTable`` of the input and applies ``value(of:)`` to it.
///
/// Edge cases: the score is undefined without a truth column or when no row
/// has both a label and a truth value; rows with missing truth are left out
/// and noise (−1) counts as one more cluster (see ``ContingencyTable``).
/// - Complexity: building the table is O(rows · log rows), plus ``value(of:)``.
public protocol ExternalMetric: ClusterMetric {
  /// The metric on a table with at least one row.
  func value(of table: ContingencyTable) -> Double
}

extension ExternalMetric {
  /// External metrics take no parameters unless they declare some.
  public static var parameters: [ParameterSpec] { [] }
  /// Agreement with the truth: larger is better.
  public static var direction: MetricDirection { .higherIsBetter }
  /// A ground-truth class per row.
  public static var needs: MetricNeeds { .truth }
  /// Labels and truth suffice; the features are not read.
  public static var readsFeatures: Bool { false }

  /// ``value(of:)`` on the contingency table of `input`, or the reason there is none.
  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    ContingencyTable.score(input, metric: Self.name, value(of:))
  }
}
