import Foundation

/// The λ per column a ``PowerTransform`` step learned, with the standardisation applied after it.
public struct FittedPowerTransform: FittedPreprocessor, Equatable {
  /// The transformed columns, in order.
  public let columnNames: [String]
  /// The transform family.
  public let method: PowerTransform.Method
  /// λ per column (sklearn `lambdas_`).
  public let lambdas: [Double]
  /// Mean of each transformed column (0 without standardisation).
  public let means: [Double]
  /// Scale of each transformed column (1 without standardisation or for a constant column).
  public let scales: [Double]
  /// Present cells of the fit table whose value changed.
  public let changedCells: Int

  /// The Yeo–Johnson transform of one value, as SciPy's `_yeojohnson_transform`.
  static func yeoJohnson(_ x: Double, _ lambda: Double) -> Double {
    let eps = Double.ulpOfOne
    if x >= 0 { return abs(lambda) < eps ? Foundation.log1p(x) : Foundation.expm1(lambda * Foundation.log1p(x)) / lambda }
    return abs(lambda - 2) > eps ? -Foundation.expm1((2 - lambda) * Foundation.log1p(-x)) / (2 - lambda) : -Foundation.log1p(-x)
  }

  /// The Box–Cox transform of one value, as `scipy.special.boxcox`.
  static func boxCox(_ x: Double, _ lambda: Double) -> Double {
    abs(lambda) < 1e-19 ? Foundation.log(x) : Foundation.expm1(lambda * Foundation.log(x)) / lambda
  }

  /// Throws unless every present value of column `name` is positive (Box–Cox).
  static func checkPositive(_ x: [Double], _ name: String, in table: DataTable) throws(DataError) {
    guard let r = x.firstIndex(where: { $0 <= 0 }) else { return }
    throw DataError(
      Location(file: table.sourceName, line: table.line(ofRow: r), columnName: name),
      "box-cox needs strictly positive values, but column '\(name)' holds \(JSONNumber.plain(x[r])) at \(table.place(ofRow: r)).",
      fix: "use method yeo-johnson (any real values), or leave the column out of 'columns'.")
  }

  /// Column `c`'s values under its power transform, before standardisation; NaN stays NaN.
  func power(_ x: [Double], _ c: Int) -> [Double] {
    let lambda = lambdas[c]
    switch method {
    case .yeoJohnson: return x.map { $0.isNaN ? $0 : Self.yeoJohnson($0, lambda) }
    case .boxCox: return x.map { $0.isNaN ? $0 : Self.boxCox($0, lambda) }
    }
  }

  /// The columns transformed and standardised.
  func applied(_ x: [[Double]]) -> [[Double]] {
    x.enumerated().map { c, values in power(values, c).map { ($0 - means[c]) / scales[c] } }
  }

  /// Transforms (and standardises) the fitted columns of `table`; other columns pass through.
  public func transform(_ table: DataTable) throws -> DataTable {
    let x = try FeatureColumns.numericValues(columnNames, of: table, for: PowerTransform.name)
    if method == .boxCox {
      for (name, values) in zip(columnNames, x) { try Self.checkPositive(values, name, in: table) }
    }
    return FeatureColumns.replacing(columnNames, with: applied(x), in: table)
  }

  /// λ, mean and scale per column, read back by ``PowerTransform/restore(state:)``.
  public var state: JSONValue {
    [
      "columns": SavedState.encode(columnNames), "method": .string(method.rawValue), "lambdas": SavedState.encode(lambdas),
      "mean": SavedState.encode(means), "scale": SavedState.encode(scales), "changed_cells": .int(changedCells),
    ]
  }

  /// `{"lambdas": {column: λ}, "mean": {…}, "scale": {…}, "changed_cells": N}`.
  public var summary: JSONValue? {
    [
      "lambdas": FeatureColumns.byColumn(columnNames, lambdas), "mean": FeatureColumns.byColumn(columnNames, means),
      "scale": FeatureColumns.byColumn(columnNames, scales), "changed_cells": .int(changedCells),
    ]
  }
}
