import WorkbenchKit
/// One benchmarked task, run the same way by the workbench and by the scikit-learn baseline.
///
/// Five workloads are the headline comparisons; every other registered
/// algorithm and metric is a workload of its own (``plugin(_:)``), so the
/// harness grows with the registry. Each workload has a size it is meant for
/// (``defaultSize``); `--size` runs it at another. The settings both sides
/// share are constants here and are written into the files both sides read,
/// so the two cannot drift.
public enum BenchWorkload: Sendable, Hashable {
  /// Reading the generated CSV file into columns (`CSVReader` vs `pandas.read_csv`).
  case csvLoad
  /// Lloyd's k-means, k = 8, one run from the same explicit centers, `max_iter` 20, `tol` 0.
  case kmeans
  /// A full-covariance Gaussian mixture, k = 8, from the same initial means, `max_iter` 20, `tol` 0.
  case gmm
  /// The exact silhouette score of fixed k = 8 labels on the first 50,000 rows.
  case silhouette
  /// A whole experiment: kmeans and gmm over k = 2…10, three metrics, 20 bootstrap resamples, two jobs.
  case grid
  /// Another registered algorithm (one fit with k = 8 and its defaults) or metric (one score of a k = 8
  /// clustering), by its plugin name, on the silhouette rows (fewer for quadratic algorithms, ``quadraticRows``).
  case plugin(String)

  /// The five headline workloads, in report order.
  public static let headline: [BenchWorkload] = [.csvLoad, .kmeans, .gmm, .silhouette, .grid]

  /// The headline workloads, then one per other algorithm and metric of `registry`, in registry order.
  public static func all(in registry: PluginRegistry) -> [BenchWorkload] {
    let names = headline.map(\.name)
    let plugins = registry.algorithms.map { $0.name } + registry.metrics.map { $0.name }
    return headline + plugins.filter { !names.contains($0) }.map(BenchWorkload.plugin)
  }

  /// The workload's name on the command line, in manifests and in reports.
  public var name: String {
    switch self {
    case .csvLoad: "csv-load"
    case .kmeans: "kmeans"
    case .gmm: "gmm"
    case .silhouette: "silhouette"
    case .grid: "grid"
    case .plugin(let name): name
    }
  }

  /// The workload called `name`: a headline workload, or else the plugin of that name (not checked here).
  public init(name: String) {
    self = Self.headline.first { $0.name == name } ?? .plugin(name)
  }

  /// The size the workload is meant for when `--size` is not given.
  public var defaultSize: BenchSize {
    switch self {
    case .csvLoad, .kmeans: .large
    case .gmm, .silhouette: .medium
    case .plugin(let name): BenchWorkload.densitySettings[name]?.size ?? .small
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
  /// Seed of the grid experiment and of the plugin workloads (scikit-learn side: `random_state`).
  public static let gridSeed: UInt64 = 7
  /// Rows of a plugin workload for an algorithm that ``AlgorithmCapabilities/scalesQuadratically`` (at most).
  public static let quadraticRows = 2_000
  /// Rows of the density subset: the first rows of the table (at most), standardised.
  public static let densityRows = 100_000
  /// Columns of the density subset: the first columns of the table (at most).
  public static let densityColumns = 8

  /// The size a density workload is meant for and the parameters it runs with, both sides alike.
  public struct DensitySetting: Sendable, Equatable {
    public var size: BenchSize
    public var parameters: [String: Double]
  }

  /// Plugin workloads that run on the standardised density subset (``densityRows`` × ``densityColumns``) with their own
  /// parameters instead of k = 8 on the silhouette rows: density methods have no k, and their radius must suit
  /// standardised data. dbscan and hdbscan are the targets (M: 100,000 × 8); optics, which scikit-learn runs
  /// in O(rows²) with its default `max_eps`, runs on the S subset (10,000 × 8).
  public static let densitySettings: [String: DensitySetting] = [
    "dbscan": DensitySetting(size: .medium, parameters: ["eps": 0.8, "min_samples": 10]),
    "hdbscan": DensitySetting(size: .medium, parameters: ["min_cluster_size": 50]),
    "optics": DensitySetting(size: .small, parameters: ["min_samples": 10]),
  ]
}

extension BenchWorkload: Codable {
  public init(from decoder: any Decoder) throws {
    self.init(name: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(name)
  }
}
