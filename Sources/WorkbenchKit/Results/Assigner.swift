import Foundation
import WorkbenchNumerics

/// Labels new rows with a trial's saved pipeline and model: what `workbench assign` runs.
///
/// The new CSV needs the id column (if the experiment had one) and the
/// columns the pipeline read — or, for an experiment that started from
/// transactions, it is a transactions file aggregated the same way. The
/// saved steps transform it exactly as they transformed the fit data, so the
/// fit's own rows get the fit's labels.
/// Rows a step excludes (outliers, missing cells) are reported as excluded.
public struct Assigner: Sendable {
  /// The plugins the run used.
  public let registry: PluginRegistry

  public init(registry: PluginRegistry) {
    self.registry = registry
  }

  /// What assigning produced.
  public struct Assignment: Sendable {
    /// The config hash of the trial whose model was used.
    public var configHash: String
    /// One id per row of the new file.
    public var ids: [String]
    /// The id column's name.
    public var idColumn: String
    /// Labels per row; excluded rows are marked with their step.
    public var labels: RowLabels
    /// Membership probabilities (mixtures, fuzzy models) per pipeline row, with each row's position in the file.
    public var memberships: (values: Matrix, rows: [Int])?
    /// The model's named per-row scores (HDBSCAN's membership `probability`) per pipeline row, with each row's position in the file.
    public var rowScores: (scores: [RowScore], rows: [Int])?

    /// `id,label[,excluded_by][,p0,p1,…][,<score>,…]` for every row of the new file.
    ///
    /// `p<id>` is the probability of the segment with that (run-wide) id, as in
    /// the run's `memberships.csv`; the score columns are named as in its
    /// `scores.csv`. Rows a step excluded have empty value cells.
    public var csv: String {
      var lines = LabelsFile.text(labels, ids: ids, idColumn: idColumn).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      var blocks: [(columns: [String], values: Matrix, rows: [Int])] = []
      if let memberships { blocks.append((RowValuesFile.membershipColumns(memberships.values.columns), memberships.values, memberships.rows)) }
      if let rowScores, !rowScores.scores.isEmpty {
        let values = Matrix((0..<rowScores.rows.count).map { row in rowScores.scores.map { $0.values[row] } })
        blocks.append((rowScores.scores.map(\.name), values, rowScores.rows))
      }
      for block in blocks {
        let text = RowValuesFile.text(columns: block.columns, values: block.values, datasetRows: block.rows, ids: ids, idColumn: idColumn)
        let extra = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The value cells are numbers or empty (never quoted), so the last `columns.count` fields are they, whatever the id holds.
        lines = zip(lines, extra).map { line, values in
          line.isEmpty ? "" : line + "," + values.split(separator: ",", omittingEmptySubsequences: false).suffix(block.columns.count).joined(separator: ",")
        }
      }
      return lines.joined(separator: "\n")
    }
  }

  /// Labels the rows of the CSV at `dataPath` with the model of trial `trial` (a config hash or a unique prefix) of the run in `runDirectory`.
  ///
  /// The model and pipeline files are checked against the SHA-256 their
  /// trial recorded; a changed file is refused, naming it.
  public func assign(runDirectory: String, trial: String, dataPath: String) throws -> Assignment {
    let results = try RunResults.open(runDirectory, registry: registry)
    let record = try results.record(matching: trial)
    let hash = record.configHash
    guard let saved = try results.model(record) else {
      throw SpecError(
        Location(file: runDirectory), "trial \(hash) has no saved model: its algorithm cannot label new rows, or the trial failed.",
        fix: "choose a trial of an algorithm that can predict (see `workbench plugins NAME`).")
    }
    let pipeline = try results.pipeline(record)
    guard let algorithm = registry.algorithm(named: saved.algorithm) else {
      throw SavedStateError(owner: "model of trial \(hash)", detail: "this workbench has no algorithm called '\(saved.algorithm)'")
    }
    let data = results.plan.experiment.data
    let idColumn = data.id

    let table = try data.transactions.map { try $0.aggregate(path: dataPath) }
      ?? CSVReader(textColumns: Set([idColumn].compactMap { $0 } + pipeline.categoricalColumns)).read(path: dataPath)
    try table.requireColumns([idColumn].compactMap { $0 } + pipeline.inputColumns)
    try table.requireNumeric(pipeline.inputColumns.filter { !pipeline.categoricalColumns.contains($0) })
    let ids = idColumn.map { column in (0..<table.rowCount).map { table.column(named: column)!.text(at: $0) } } ?? (0..<table.rowCount).map { String($0 + 1) }
    var transformed = table.selecting(columns: pipeline.inputColumns)
    var rows = PipelineRows(count: table.rowCount)
    for (i, step) in try pipeline.fittedSteps(registry: registry).enumerated() {
      transformed = try step.step.transform(transformed)
      rows.record(transformed, step: i, name: step.name)
    }
    try Self.requireComplete(transformed, source: table, file: dataPath)
    let prediction = saved.canonical(try algorithm.predict(saved.model, try transformed.clusteringInput()))
    return Assignment(
      configHash: hash, ids: ids, idColumn: idColumn ?? "row",
      labels: RowLabels(labels: prediction.labels, datasetRows: rows.rows, excluded: rows.excluded, rowCount: table.rowCount),
      memberships: prediction.memberships.map { ($0, rows.rows) }, rowScores: prediction.rowScores.isEmpty ? nil : (prediction.rowScores, rows.rows))
  }

  /// Throws a data error at the first cell of `table` (the new rows after the trial's pipeline) the model cannot take:
  /// a missing value the pipeline did not fill is the new rows' problem, not a failed trial, and the fix is in the file
  /// (`source`, as read, gives the column's place in it).
  static func requireComplete(_ table: DataTable, source: DataTable, file: String) throws(DataError) {
    for column in table.columns {
      guard let values = column.numbers, let r = values.firstIndex(where: { $0.isNaN }) else { continue }
      let missing = values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
      throw DataError(
        Location(file: file, line: table.line(ofRow: r), column: source.columnIndex(named: column.name).map { $0 + 1 }, columnName: column.name),
        "the column '\(column.name)' has \(missing) missing value\(missing == 1 ? "" : "s") after the trial's pipeline, which has no step to fill them.",
        fix: "fill the value\(missing == 1 ? "" : "s") in the file, or assign with a trial whose pipeline imputes (an \"impute\" step).")
    }
  }
}
