import Foundation
import WorkbenchNumerics

/// Xie–Beni index of a fuzzy partition: membership-weighted compactness over the closest pair of centers.
///
/// XB = Σ_c Σ_i u_ic^m ‖xᵢ − v_c‖² / (n · min_{c≠e} ‖v_c − v_e‖²), with u the
/// memberships (``Clustering/memberships``), v the centers and m the fuzzifier
/// (``Diagnostics/membershipExponent``). Lower is better. scikit-learn has no
/// fuzzy clustering; the reference is the formula in numpy. Every row counts,
/// since memberships are defined for all rows.
///
/// Edge cases: undefined without memberships, centers or fuzzifier (hard
/// partitions), with fewer than 2 centers, when two centers coincide, or when
/// the shapes do not match the data.
/// - Complexity: O(rows · clusters · columns).
/// - SeeAlso: Xie & Beni, "A validity measure for fuzzy clustering", IEEE TPAMI 13(8), 1991.
public struct XieBeni: ClusterMetric {
  public static let name = "xie-beni"
  public static let summary = "Xie-Beni index of a fuzzy partition, ≥ 0; lower is better."
  public static let parameters: [ParameterSpec] = []
  public static let direction = MetricDirection.lowerIsBetter
  public static let bounds: ClosedRange<Double>? = 0...Double.infinity
  public static let needs: MetricNeeds = .memberships

  public init(validated parameters: Parameters) throws {}

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    let x = input.features
    guard let u = input.clustering.memberships, let centers = input.clustering.centers, let m = input.clustering.diagnostics.membershipExponent else {
      return .undefined("xie-beni needs a fuzzy partition (memberships, centers and the fuzzifier m); this clustering is hard")
    }
    guard u.rows == x.rows, u.columns == centers.rows, centers.columns == x.columns else {
      return .undefined("xie-beni needs \(x.rows) × k memberships and k × \(x.columns) centers; got \(u.rows) × \(u.columns) and \(centers.rows) × \(centers.columns)")
    }
    guard centers.rows >= 2 else { return .undefined("xie-beni needs at least 2 clusters; found \(centers.rows)") }
    var compactness = 0.0
    for i in 0..<x.rows {
      for c in 0..<centers.rows { compactness += pow(u[i, c], m) * Distance.squaredEuclidean(x, row: i, centers, row: c) }
    }
    var separation = Double.infinity
    for c in 0..<centers.rows {
      for e in (c + 1)..<centers.rows { separation = min(separation, Distance.squaredEuclidean(centers, row: c, centers, row: e)) }
    }
    guard separation > 0 else { return .undefined("xie-beni is undefined when two cluster centers coincide") }
    return .value(compactness / (Double(x.rows) * separation))
  }
}
