import WorkbenchNumerics

/// A per-column affine map learned by a scaler: `y = ((x − center) / scale) · multiplier + offset`.
///
/// The four coefficients let each scaler apply scikit-learn's own operation
/// order (`RobustScaler`: subtract, divide; `MaxAbsScaler`: divide;
/// `MinMaxScaler`: multiply, add), so outputs agree to the last bit where
/// the statistics do. Missing cells stay NaN; columns not fitted pass through.
/// - Complexity: O(rows · fitted columns) to transform.
public struct FittedColumnScaling: FittedPreprocessor, Equatable {
  /// The step that learned the map ("minmax-scaler"), for messages and the saved state.
  public let step: String
  /// The fitted columns, in order.
  public let columnNames: [String]
  /// Subtracted first, per column.
  public let centers: [Double]
  /// Divided by next, per column (never 0).
  public let scales: [Double]
  /// Multiplied by next, per column.
  public let multipliers: [Double]
  /// Added last, per column.
  public let offsets: [Double]
  /// What the scaler learned, named as scikit-learn's attributes (`data_min`, `center`, …), for the summary.
  public let statistics: [String: [Double]]
  /// Non-missing cells of the fit table whose value the map changes.
  public let changedCells: Int

  /// Builds the map; `changedCells` is counted later by ``counting(on:)``.
  init(
    step: String, columnNames: [String], centers: [Double], scales: [Double], multipliers: [Double], offsets: [Double],
    statistics: [String: [Double]], changedCells: Int = 0
  ) {
    self.step = step
    self.columnNames = columnNames
    self.centers = centers
    self.scales = scales
    self.multipliers = multipliers
    self.offsets = offsets
    self.statistics = statistics
    self.changedCells = changedCells
  }

  /// The same map, with ``changedCells`` counted on the fit table.
  func counting(on table: DataTable) throws(DataError) -> FittedColumnScaling {
    let before = try FeatureColumns.numericValues(columnNames, of: table, for: step)
    return FittedColumnScaling(
      step: step, columnNames: columnNames, centers: centers, scales: scales, multipliers: multipliers, offsets: offsets,
      statistics: statistics,
      // Counted without keeping the mapped columns: the pipeline maps the table again when it transforms it.
      changedCells: Parallel.map(count: before.count) { c in
        before[c].reduce(0) { count, v in count + (!v.isNaN && mapped(v, column: c) != v ? 1 : 0) }
      }.reduce(0, +))
  }

  private func apply(_ columns: [[Double]]) -> [[Double]] {
    Parallel.map(count: columns.count) { c in columns[c].map { mapped($0, column: c) } }
  }

  /// `v` of column `c` under the map.
  @inline(__always)
  private func mapped(_ v: Double, column c: Int) -> Double {
    let center = centers[c], scale = scales[c], multiplier = multipliers[c], offset = offsets[c]
    let difference = v - center
    guard difference.isFinite || !v.isFinite else { return Self.applyInHalves(v, center, scale, multiplier, offset) }
    return difference / scale * multiplier + offset
  }

  /// `((v − center) / scale) · multiplier + offset` when `v − center` overflows (both near ±1e308, opposite signs).
  ///
  /// Halving both terms is exact, their difference then fits, and doubling
  /// the quotient again gives the same rounded value as the direct formula
  /// would in exact arithmetic.
  @inline(never)
  private static func applyInHalves(_ v: Double, _ center: Double, _ scale: Double, _ multiplier: Double, _ offset: Double) -> Double {
    (v * 0.5 - center * 0.5) / scale * 2 * multiplier + offset
  }

  /// Scales the fitted columns of `table`; other columns pass through.
  public func transform(_ table: DataTable) throws -> DataTable {
    let x = try FeatureColumns.numericValues(columnNames, of: table, for: step)
    return FeatureColumns.replacing(columnNames, with: apply(x), in: table)
  }

  /// The coefficients and statistics, read back by ``restore(_:)``.
  public var state: JSONValue {
    [
      "step": .string(step), "columns": SavedState.encode(columnNames), "center": SavedState.encode(centers),
      "scale": SavedState.encode(scales), "multiplier": SavedState.encode(multipliers), "offset": SavedState.encode(offsets),
      "statistics": .object(statistics.mapValues(SavedState.encode)), "changed_cells": .int(changedCells),
    ]
  }

  /// `{"changed_cells": N, statistic: {column: value}}`.
  public var summary: JSONValue? {
    var out: [String: JSONValue] = ["changed_cells": .int(changedCells)]
    for (name, values) in statistics { out[name] = FeatureColumns.byColumn(columnNames, values) }
    return .object(out)
  }

  /// Rebuilds a map saved by ``state``.
  static func restore(_ state: JSONValue, step: String) throws -> FittedColumnScaling {
    let saved = try SavedState(state, owner: "\(step) step")
    let columns = try saved.texts("columns")
    let fields = try ["center", "scale", "multiplier", "offset"].map { key throws(SavedStateError) in try saved.reals(key) }
    var statistics: [String: [Double]] = [:]
    for (name, value) in try saved.value("statistics").object ?? [:] {
      statistics[name] = try SavedState(["v": value], owner: "\(step) step").reals("v")
    }
    guard fields.allSatisfy({ $0.count == columns.count }), statistics.values.allSatisfy({ $0.count == columns.count }) else {
      throw SavedStateError(owner: "\(step) step", detail: "the coefficients do not match the columns")
    }
    return FittedColumnScaling(
      step: try saved.text("step"), columnNames: columns, centers: fields[0], scales: fields[1], multipliers: fields[2],
      offsets: fields[3], statistics: statistics, changedCells: try saved.int("changed_cells"))
  }
}
