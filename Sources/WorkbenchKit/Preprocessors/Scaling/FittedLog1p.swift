import Foundation

/// The columns a ``Log1p`` step transforms.
public struct FittedLog1p: FittedPreprocessor, Equatable {
  /// The transformed columns, in order.
  public let columnNames: [String]
  /// Non-missing cells of the fit table that changed (all but zeros).
  public let changedCells: Int

  func logged(_ columns: [[Double]], in table: DataTable) throws(DataError) -> [[Double]] {
    var out: [[Double]] = []
    for (name, x) in zip(columnNames, columns) {
      if let r = x.firstIndex(where: { $0 <= -1 }) {
        throw DataError(
          Location(file: table.sourceName, line: table.line(ofRow: r), columnName: name),
          "log1p needs values above −1, but column '\(name)' holds \(JSONNumber.plain(x[r])) at \(table.place(ofRow: r)).",
          fix: "leave the column out of log1p's 'columns', or shift or clean it first.")
      }
      out.append(x.map { Foundation.log1p($0) })
    }
    return out
  }

  /// Applies `log1p` to the fitted columns of `table`; other columns pass through.
  public func transform(_ table: DataTable) throws -> DataTable {
    let x = try FeatureColumns.numericValues(columnNames, of: table, for: Log1p.name)
    return FeatureColumns.replacing(columnNames, with: try logged(x, in: table), in: table)
  }

  /// `{"columns": […], "changed_cells": N}`, read back by ``Log1p/restore(state:)``.
  public var state: JSONValue { ["columns": SavedState.encode(columnNames), "changed_cells": .int(changedCells)] }

  /// `{"columns": […], "changed_cells": N}`.
  public var summary: JSONValue? { state }
}
