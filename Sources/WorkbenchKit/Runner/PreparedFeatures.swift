import WorkbenchNumerics

/// The output of one fitted pipeline variant: what algorithms see, where its rows came from, what each step learned.
public struct PreparedFeatures: Sendable {
  /// The features algorithms cluster.
  public var input: ClusteringInput
  /// For each input row, its row in the dataset (rows removed by a step are absent).
  public var datasetRows: [Int]
  /// Dataset rows removed by a step, with the step that removed them (`"2:remove-outliers"`).
  public var excluded: [Int: String]
  /// Each step's learned state, in step order (`null` where a step records nothing).
  public var stepSummaries: [JSONValue]
  /// The fitted pipeline as saved with the run, to transform new rows later.
  public var saved: SavedPipeline

  /// Number of excluded rows per step, as recorded on trials and in the manifest.
  public var exclusionCounts: [String: Int] {
    excluded.values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }
}
