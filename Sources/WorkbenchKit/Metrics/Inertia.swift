import WorkbenchNumerics

/// Within-cluster sum of squares: Σ_i ‖x_i − μ_{c(i)}‖² with μ_c the mean of cluster c's rows.
///
/// The k-means objective, computed from the labels alone so it compares any
/// algorithm's partitions on equal terms (a k-means fit's own `inertia`
/// diagnostic uses its final centers instead, which can differ slightly).
/// Lower is better; it always falls as clusters are added, so compare it only
/// at equal cluster counts.
///
/// Edge cases: undefined when every row is noise; rows labelled −1 are ignored.
/// - Complexity: O(rows · columns).
public struct Inertia: ClusterMetric {
  public static let name = "inertia"
  public static let summary = "Within-cluster sum of squared distances to the cluster means; lower is better."
  public static let parameters: [ParameterSpec] = []
  public static let direction = MetricDirection.lowerIsBetter
  public static let bounds: ClosedRange<Double>? = 0...Double.infinity
  public static let kRule: KSelectionRule? = .elbow

  public init(validated parameters: Parameters) throws {}

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    let x = input.features
    let groups = ClusterGroups(labels: input.clustering.labels)
    guard groups.count >= 1 else { return .undefined("inertia needs at least one cluster; every row is noise") }
    let means = groups.means(of: x)
    // Each row's distance is found in parallel chunks; the sum still runs over the rows in order, so the value is the
    // same bits as one loop's.
    let chunks = Parallel.map(count: Parallel.chunkCount(x.rows, size: Distance.chunkRows)) { chunk in
      Parallel.chunkRange(chunk, size: Distance.chunkRows, total: x.rows).compactMap { i -> Double? in
        groups.groupOfRow[i] >= 0 ? Distance.squaredEuclidean(x, row: i, means, row: groups.groupOfRow[i]) : nil
      }
    }
    var total = 0.0
    for chunk in chunks { for distance in chunk { total += distance } }
    return .value(total)
  }
}
