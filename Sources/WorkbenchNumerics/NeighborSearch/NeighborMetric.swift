/// The distances a ``NeighborIndex`` searches by.
///
/// Cosine is searched exactly through the Euclidean geometry of the rows
/// scaled to unit length: for unit vectors ‖x̂ − ŷ‖² = 2 − 2 x̂·ŷ, so the
/// cosine distance 1 − x̂·ŷ is ‖x̂ − ŷ‖² / 2, a monotone function of the
/// Euclidean distance, and every radius and nearest-neighbour question has
/// the same answer in either form. Values agree with
/// `sklearn.metrics.pairwise.cosine_distances` to rounding (about 1e-16
/// absolute). An all-zero row has no direction; callers reject it first
/// (see ``NeighborIndex/firstZeroRow(_:)``).
public enum NeighborMetric: String, Sendable, CaseIterable {
  /// √Σ (aᵢ − bᵢ)².
  case euclidean
  /// Σ |aᵢ − bᵢ| (city block).
  case manhattan
  /// 1 − a·b / (‖a‖ ‖b‖).
  case cosine

  /// The distance in the units the tree compares internally (squared Euclidean, or Manhattan itself).
  func reduced(_ distance: Double) -> Double {
    switch self {
    case .euclidean: distance * distance
    case .manhattan: distance
    case .cosine: 2 * distance
    }
  }

  /// The distance of an internal (reduced) value.
  func distance(reduced value: Double) -> Double {
    switch self {
    case .euclidean: value.squareRoot()
    case .manhattan: value
    case .cosine: value / 2
    }
  }

  /// Whether the tree compares squared Euclidean distances (Euclidean, and cosine on unit rows).
  var isSquaredEuclidean: Bool { self != .manhattan }
}
