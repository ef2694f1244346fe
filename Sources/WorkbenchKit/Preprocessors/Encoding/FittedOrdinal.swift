/// The category order an ``Ordinal`` step learned, per column.
public struct FittedOrdinal: FittedPreprocessor, Equatable {
  /// The encoded columns, in order.
  public let columnNames: [String]
  /// Each column's categories; a label's code is its index.
  public let categories: [[String]]
  /// Non-missing cells of the fit table that were encoded.
  public let encodedCells: Int

  /// Replaces each fitted column of `table` by its codes; an unknown label is a ``DataError``.
  public func transform(_ table: DataTable) throws -> DataTable {
    let names = try FeatureColumns.categoricalTargets(columnNames, in: table, for: Ordinal.name)
    var codes: [[Double]] = []
    for (c, column) in try FeatureColumns.columns(names, of: table).enumerated() {
      let known = categories[c]
      let index = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1, Double($0)) })
      var x: [Double] = []
      for (r, label) in (column.labels ?? []).enumerated() {
        guard let label else {
          x.append(.nan)
          continue
        }
        guard let code = index[label] else {
          throw DataError(
            Location(file: table.sourceName, line: table.line(ofRow: r), columnName: column.name),
            "column '\(column.name)' holds '\(label)' at \(table.place(ofRow: r)), which is not one of the known categories: \(known.joined(separator: ", ")).",
            fix: "add '\(label)' to the ordinal step's 'order', or clean the value.")
        }
        x.append(code)
      }
      codes.append(x)
    }
    return FeatureColumns.replacing(names, with: codes, in: table)
  }

  /// `{"columns": […], "categories": [[…]], "encoded_cells": N}`.
  public var state: JSONValue {
    ["columns": SavedState.encode(columnNames), "categories": .array(categories.map(SavedState.encode)), "encoded_cells": .int(encodedCells)]
  }

  /// `{"categories": {column: […]}, "encoded_cells": N}`.
  public var summary: JSONValue? {
    [
      "categories": .object(Dictionary(uniqueKeysWithValues: zip(columnNames, categories.map(SavedState.encode)))),
      "encoded_cells": .int(encodedCells),
    ]
  }
}
