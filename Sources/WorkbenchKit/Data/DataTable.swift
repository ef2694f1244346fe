/// A columnar table as read from a CSV file: named numeric and categorical columns.
///
/// Numeric cells are `Double` with `.nan` for missing; categorical cells are
/// `String?` with `nil` for missing. Each row remembers the 1-based line of
/// the file it came from, so data errors can name it even when quoted fields
/// span lines. Preprocessing steps map a table to a table; the last step's
/// numeric columns become the ``Matrix`` an algorithm sees.
public struct DataTable: Sendable, Equatable {
  /// The columns, in file order.
  public var columns: [Column]
  /// Source line of each row (1-based, the header is line 1); `nil` for derived tables.
  public var sourceLines: [Int]?
  /// The file the table was read from, for error messages.
  public var sourceName: String?
  /// For each row, its index in the table a pipeline started from; `nil` while no row was dropped.
  ///
  /// A step that removes rows (outliers, rows with missing cells) keeps this
  /// up to date through ``selecting(rows:)``, so results can be mapped back
  /// to every input row and excluded rows reported, not lost.
  public var sourceRows: [Int]?

  /// A table of `columns`, which must all have the same row count.
  public init(columns: [Column], sourceLines: [Int]? = nil, sourceName: String? = nil) {
    let counts = Set(columns.map(\.count))
    precondition(counts.count <= 1, "columns of unequal length")
    precondition(sourceLines == nil || sourceLines!.count == (columns.first?.count ?? 0), "line count mismatch")
    self.columns = columns
    self.sourceLines = sourceLines
    self.sourceName = sourceName
  }

  /// Number of rows.
  public var rowCount: Int { columns.first?.count ?? (sourceLines?.count ?? 0) }

  /// Column names in order.
  public var columnNames: [String] { columns.map(\.name) }

  /// The column called `name`, if present.
  public func column(named name: String) -> Column? { columns.first { $0.name == name } }

  /// Index of the column called `name`, if present.
  public func columnIndex(named name: String) -> Int? { columns.firstIndex { $0.name == name } }

  /// The 1-based file line of `row`, when known.
  public func line(ofRow row: Int) -> Int? { sourceLines?[row] }

  /// The rows at `indices`, in that order, keeping their source lines and source rows.
  public func selecting(rows indices: [Int]) -> DataTable {
    var table = DataTable(
      columns: columns.map { $0.selecting(rows: indices) },
      sourceLines: sourceLines.map { lines in indices.map { lines[$0] } },
      sourceName: sourceName)
    table.sourceRows = indices.map { sourceRows?[$0] ?? $0 }
    return table
  }

  /// The same rows with new `columns` (same row count), keeping source lines, name and source rows.
  ///
  /// Pipeline steps that change values but not rows build their output this
  /// way, so the rows' provenance survives every step.
  public func replacingColumns(_ newColumns: [Column]) -> DataTable {
    precondition(newColumns.allSatisfy { $0.count == rowCount }, "replacement columns must keep the row count")
    var table = self
    table.columns = newColumns
    return table
  }

  /// The columns called `names`, in that order; every name must exist.
  public func selecting(columns names: [String]) -> DataTable {
    replacingColumns(names.map { column(named: $0)! })
  }
}
