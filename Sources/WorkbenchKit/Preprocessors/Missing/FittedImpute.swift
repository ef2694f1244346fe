/// The fill values an ``Impute`` step learned, one per column.
public struct FittedImpute: FittedPreprocessor, Equatable {
  /// A column's fill value, typed like the column.
  public enum Fill: Sendable, Equatable {
    case number(Double)
    case label(String)

    var json: JSONValue {
      switch self {
      case .number(let v): .double(v)
      case .label(let s): .string(s)
      }
    }
  }

  /// The fitted columns, in order; `transform` outputs exactly these.
  public let columnNames: [String]
  /// The fill value of each column (sklearn `statistics_`).
  public let fills: [Fill]
  /// Missing cells in the fit table, all of which `transform` fills on that table.
  public let filledCells: Int

  /// The fitted columns of `table` with their missing cells filled.
  public func transform(_ table: DataTable) throws -> DataTable {
    let columns = try FeatureColumns.columns(columnNames, of: table)
    var out: [Column] = []
    for (column, fill) in zip(columns, fills) {
      switch (column.values, fill) {
      case (.numeric(let x), .number(let v)):
        out.append(.numeric(column.name, x.map { $0.isNaN ? v : $0 }))
      case (.categorical(let x), .label(let s)):
        out.append(.categorical(column.name, x.map { $0 ?? s }))
      case (.categorical, .number), (.numeric, .label):
        throw DataError(
          Location(file: table.sourceName, columnName: column.name),
          "column '\(column.name)' has a different type (numeric or categorical) than when impute was fitted.",
          fix: "fit and transform tables with the same column types.")
      }
    }
    return table.replacingColumns(out)
  }

  /// `{"columns": […], "fills": […], "filled_cells": N}`, read back by ``Impute/restore(state:)``.
  public var state: JSONValue {
    ["columns": SavedState.encode(columnNames), "fills": .array(fills.map(\.json)), "filled_cells": .int(filledCells)]
  }

  /// `{"filled_cells": N, "values": {column: fill}}`.
  public var summary: JSONValue? {
    ["filled_cells": .int(filledCells), "values": .object(Dictionary(uniqueKeysWithValues: zip(columnNames, fills.map(\.json))))]
  }
}
