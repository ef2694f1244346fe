/// One benchmarked task, run the same way by the workbench and by the scikit-learn baseline.
///
/// Each workload has a size it is meant for (``defaultSize``); `--size`
/// runs it at another. The settings both sides share are constants here
/// and are written into the files both sides read, so the two cannot drift.
public enum BenchWorkload: String, Sendable, CaseIterable, Codable {
  /// Reading the generated CSV file into columns (`CSVReader` vs `pandas.read_csv`).
  case csvLoad = "csv-load"
  /// Lloyd's k-means, k = 8, one run from the same explicit centers, `max_iter` 20, `tol` 0.
  case kmeans
  /// A full-covariance Gaussian mixture, k = 8, from the same initial means, `max_iter` 20, `tol` 0.
  case gmm
  /// The exact silhouette score of fixed k = 8 labels on the first 50,000 rows.
  case silhouette
  /// A whole experiment: kmeans and gmm over k = 2…10, three metrics, 20 bootstrap resamples, two jobs.
  case grid

  /// The size the workload is meant for when `--size` is not given.
  public var defaultSize: BenchSize {
    switch self {
    case .csvLoad, .kmeans: .large
    case .gmm, .silhouette: .medium
    case .grid: .small
    }
  }

  /// Whether the workload reports a time per iteration (total ÷ the fit's iterations).
  public var isIterative: Bool { self == .kmeans || self == .gmm }

  /// Clusters for the kmeans, gmm and silhouette workloads.
  public static let clusterCount = 8
  /// Iterations of the kmeans and gmm workloads (with `tol` 0, both sides run this many unless labels stop changing).
  public static let maxIterations = 20
  /// Rows of the silhouette subset (fewer when the data has fewer).
  public static let silhouetteRows = 50_000
  /// Bootstrap resamples per grid configuration.
  public static let gridResamples = 20
  /// Concurrent trials of the grid workload.
  public static let gridJobs = 2
  /// The k range of the grid workload.
  public static let gridClusterCounts = 2...10
  /// `n_init` of the kmeans configurations in the grid.
  public static let gridKMeansRuns = 10
  /// Covariance types of the gmm configurations in the grid.
  public static let gridCovarianceTypes = ["full", "diag"]
  /// Seed of the grid experiment (scikit-learn side: `random_state`).
  public static let gridSeed: UInt64 = 7
}
