import WorkbenchNumerics

/// Everything one trial produced that the run saves: the record, labels, model and memberships.
struct TrialOutcome: Sendable {
  /// The byte-stable record.
  var record: TrialRecord
  /// Labels for every dataset row (nil when the trial failed).
  var labels: RowLabels?
  /// The fitted model, for algorithms that can label new rows.
  var model: SavedModel?
  /// The fitted pipeline the model needs (saved once per variant).
  var pipeline: SavedPipeline?
  /// Soft memberships of the pipeline's rows, with each row's dataset row.
  var memberships: (values: Matrix, datasetRows: [Int])?

  init(
    record: TrialRecord, labels: RowLabels? = nil, model: SavedModel? = nil, pipeline: SavedPipeline? = nil,
    memberships: (values: Matrix, datasetRows: [Int])? = nil
  ) {
    self.record = record
    self.labels = labels
    self.model = model
    self.pipeline = pipeline
    self.memberships = memberships
  }
}
