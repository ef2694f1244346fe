import WorkbenchKit
/// The generated files of one size and the settings both benchmark sides read from them.
///
/// Written as `bench-<size>.json` in the cache folder; the workbench's child
/// processes and `experiments/benchmarks/sklearn_baseline.py` both read it,
/// so paths, k, iteration counts and grid settings come from one place.
public struct BenchFiles: Sendable, Codable, Equatable {
  /// The size these files are for.
  public var size: BenchSize
  /// Rows of the full table.
  public var rows: Int
  /// Columns of the full table.
  public var columns: Int
  /// The full table (CSV with a header, numeric columns only).
  public var data: String
  /// SHA-256 of ``data``.
  public var dataSHA256: String
  /// The initial centers of kmeans and the initial means of gmm: `clusterCount` rows of the table, evenly spaced.
  public var initialCenters: String
  /// The first `silhouetteRows` rows of the table.
  public var silhouetteData: String
  /// One label per row of ``silhouetteData`` (the blob the row was drawn from), header `label`.
  public var silhouetteLabels: String
  /// The first ``BenchWorkload/densityRows`` rows and ``BenchWorkload/densityColumns`` columns of the table, each column
  /// standardised (mean 0, population SD 1), written with every digit: the data of the density workloads.
  public var densityData: String
  /// Parameters of the plugin workloads that run on ``densityData``, by plugin name (``BenchWorkload/densitySettings``).
  public var densityParameters: [String: [String: Double]]
  /// k of the kmeans, gmm and silhouette workloads.
  public var clusterCount: Int
  /// `max_iter` of the kmeans and gmm workloads (`tol` is 0).
  public var maxIterations: Int
  /// k values of the grid.
  public var gridClusterCounts: [Int]
  /// `n_init` of the grid's kmeans configurations.
  public var gridKMeansRuns: Int
  /// Algorithms of the grid: kmeans, and gmm when registered (the baseline runs the same ones).
  public var gridMethods: [String]
  /// Covariance types of the grid's gmm configurations.
  public var gridCovarianceTypes: [String]
  /// Bootstrap resamples per grid configuration.
  public var gridResamples: Int
  /// Concurrent grid trials.
  public var gridJobs: Int
  /// The grid's seed.
  public var gridSeed: UInt64

  enum CodingKeys: String, CodingKey {
    case size, rows, columns, data
    case dataSHA256 = "data_sha256"
    case initialCenters = "initial_centers"
    case silhouetteData = "silhouette_data"
    case silhouetteLabels = "silhouette_labels"
    case densityData = "density_data"
    case densityParameters = "density_parameters"
    case clusterCount = "cluster_count"
    case maxIterations = "max_iterations"
    case gridClusterCounts = "grid_cluster_counts"
    case gridKMeansRuns = "grid_kmeans_runs"
    case gridMethods = "grid_methods"
    case gridCovarianceTypes = "grid_covariance_types"
    case gridResamples = "grid_resamples"
    case gridJobs = "grid_jobs"
    case gridSeed = "grid_seed"
  }
}
