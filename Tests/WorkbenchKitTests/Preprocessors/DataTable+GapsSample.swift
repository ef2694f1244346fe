@testable import WorkbenchKit

extension DataTable {
  /// X = [[1, 10, 5], [2, nan, 5], [4, 30, 5], [7.5, 25, 5], [nan, 12.5, 5]] as columns a, b, c,
  /// rows 2–6 of "x.csv": the small table with gaps and a constant column that the impute and
  /// standard-scaler reference values were computed on.
  static let gapsSample = DataTable(
    columns: [
      .numeric("a", [1, 2, 4, 7.5, .nan]),
      .numeric("b", [10, .nan, 30, 25, 12.5]),
      .numeric("c", [5, 5, 5, 5, 5]),
    ],
    sourceLines: [2, 3, 4, 5, 6], sourceName: "x.csv")
}
