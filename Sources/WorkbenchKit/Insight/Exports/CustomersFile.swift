/// `customers.csv`: every input row with the columns pipeline steps derived, its segment and the segment's name.
///
/// Columns: every column of the data as read (original units), then each
/// column a pipeline step created (`derive` expressions, RFM and behavioural
/// scores such as churn risk, CLV, loyalty, value, engagement) with the values
/// it had when created, before later steps rescaled it, then `segment_id`,
/// `segment_name` and — when a step excluded rows — `excluded_by` naming the
/// step (those rows have no segment). Names already taken in the data get a
/// `workbench_` prefix.
public enum CustomersFile {
  /// The file's table: `source` (every dataset row), `derived` columns (one value per dataset row, NaN/nil where
  /// the row was excluded), aligned segment ids per row (nil when excluded) and the segment names.
  public static func table(
    source: DataTable, derived: [Column], segments: [Int?], names: [Int: String], excludedBy: [Int: String]
  ) -> DataTable {
    var columns = source.columns
    var taken = Set(columns.map(\.name))
    func unique(_ name: String) -> String {
      let chosen = taken.contains(name) ? "workbench_" + name : name
      taken.insert(chosen)
      return chosen
    }
    for column in derived { columns.append(Column(name: unique(column.name), values: column.values)) }
    columns.append(.numeric(unique("segment_id"), segments.map { $0.map(Double.init) ?? .nan }))
    columns.append(.categorical(unique("segment_name"), segments.map { $0.flatMap { names[$0] } }))
    if !excludedBy.isEmpty { columns.append(.categorical(unique("excluded_by"), (0..<source.rowCount).map { excludedBy[$0] })) }
    return DataTable(columns: columns)
  }

  /// The columns the steps of `pipeline` create when applied to `source`, each with its values at creation,
  /// spread over every dataset row; and the rows each step excluded.
  static func derivedColumns(
    _ pipeline: SavedPipeline, source: DataTable, registry: PluginRegistry
  ) throws -> (columns: [Column], excludedBy: [Int: String]) {
    var table = source.selecting(columns: pipeline.inputColumns)
    var known = Set(pipeline.inputColumns)
    var rows = PipelineRows(count: source.rowCount)
    var derived: [Column] = []
    for (i, step) in try pipeline.fittedSteps(registry: registry).enumerated() {
      table = try step.step.transform(table)
      rows.record(table, step: i, name: step.name)
      for column in table.columns where known.insert(column.name).inserted {
        derived.append(spread(column, over: rows.rows, count: source.rowCount))
      }
    }
    return (derived, rows.excluded)
  }

  /// `column` (one value per kept row) as one value per dataset row, missing where a row was excluded.
  private static func spread(_ column: Column, over kept: [Int], count: Int) -> Column {
    switch column.values {
    case .numeric(let values):
      var out = [Double](repeating: .nan, count: count)
      for (value, row) in zip(values, kept) { out[row] = value }
      return .numeric(column.name, out)
    case .categorical(let values):
      var out = [String?](repeating: nil, count: count)
      for (value, row) in zip(values, kept) { out[row] = value }
      return .categorical(column.name, out)
    }
  }
}
