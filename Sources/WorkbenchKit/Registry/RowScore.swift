/// A named value per row that an algorithm reports besides the label.
///
/// HDBSCAN's membership probability (how firmly a row belongs to its
/// cluster, 0 for noise) and GLOSH outlier score are examples. Values are
/// finite, one per row of the clustered input, in row order.
public struct RowScore: Sendable, Equatable {
  /// Column name in the saved file, snake_case (`probability`, `outlier_score`).
  public var name: String
  /// One value per row.
  public var values: [Double]

  public init(name: String, values: [Double]) {
    self.name = name
    self.values = values
  }
}
