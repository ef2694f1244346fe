import WorkbenchNumerics

/// Everything one trial produced that the trial store saves: the record, labels, model and per-row extras.
struct TrialOutcome: Sendable {
  /// The byte-stable record.
  var record: TrialRecord
  /// Labels for every dataset row (nil when the trial failed).
  var labels: RowLabels?
  /// The fitted model, for algorithms that can label new rows.
  var model: SavedModel?
  /// The fitted pipeline the model and labels came from (saved once per variant).
  var pipeline: SavedPipeline?
  /// For each pipeline row (the rows the algorithm saw), its dataset row.
  var datasetRows: [Int] = []
  /// Soft memberships of the pipeline's rows, one column per segment in canonical order.
  var memberships: Matrix?
  /// The algorithm's named per-row scores, one value per pipeline row.
  var rowScores: [RowScore] = []
  /// The merge hierarchy, for hierarchical and density methods.
  var hierarchy: JSONValue?
}
