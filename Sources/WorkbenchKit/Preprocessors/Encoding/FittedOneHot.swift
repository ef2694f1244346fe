/// The categories a ``OneHot`` step learned, per column.
public struct FittedOneHot: FittedPreprocessor, Equatable {
  /// The encoded columns, in order.
  public let columnNames: [String]
  /// Each column's categories, sorted.
  public let categories: [[String]]
  /// Whether the first category of each column gets no indicator.
  public let dropFirst: Bool
  /// Non-missing cells of the fit table that were encoded.
  public let encodedCells: Int

  /// The indicator column names of column `c`: `name=category`.
  func outputNames(_ c: Int) -> [String] {
    categories[c].dropFirst(dropFirst ? 1 : 0).map { "\(columnNames[c])=\($0)" }
  }

  /// Replaces each fitted column of `table` by its indicator columns; unseen and missing labels give all zeros.
  public func transform(_ table: DataTable) throws -> DataTable {
    let fitted = try FeatureColumns.categoricalTargets(columnNames, in: table, for: OneHot.name)
    var out: [Column] = []
    for column in table.columns {
      guard let c = fitted.firstIndex(of: column.name), let labels = column.labels else {
        out.append(column)
        continue
      }
      let kept = Array(categories[c].dropFirst(dropFirst ? 1 : 0))
      for (category, name) in zip(kept, outputNames(c)) {
        out.append(.numeric(name, labels.map { $0 == category ? 1 : 0 }))
      }
    }
    return table.replacingColumns(out)
  }

  /// `{"columns": […], "categories": [[…]], "drop_first": b, "encoded_cells": N}`.
  public var state: JSONValue {
    [
      "columns": SavedState.encode(columnNames), "categories": .array(categories.map(SavedState.encode)),
      "drop_first": .bool(dropFirst), "encoded_cells": .int(encodedCells),
    ]
  }

  /// `{"categories": {column: […]}, "output_columns": […], "encoded_cells": N}`.
  public var summary: JSONValue? {
    [
      "categories": .object(Dictionary(uniqueKeysWithValues: zip(columnNames, categories.map(SavedState.encode)))),
      "output_columns": SavedState.encode(columnNames.indices.flatMap(outputNames)), "encoded_cells": .int(encodedCells),
    ]
  }
}
