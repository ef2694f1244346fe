/// What one trial produced: its configuration, seed, outcome, metrics and diagnostics.
///
/// One line of `trials.jsonl`. Holds nothing that varies between runs (no
/// timings, dates or paths), so equal inputs give byte-equal lines.
public struct TrialRecord: Sendable, Equatable {
  /// Whether the trial produced a clustering.
  public enum Status: String, Sendable, Equatable {
    case ok
    case failed
  }

  /// Position in the grid order.
  public var index: Int
  /// The config hash (also the labels file name).
  public var configHash: String
  /// The seed the algorithm was given.
  public var seed: UInt64
  /// The pipeline's name.
  public var pipeline: String
  /// The canonical configuration (steps and algorithm with every parameter).
  public var configuration: JSONValue
  /// The outcome.
  public var status: Status
  /// Why it failed, for failed trials.
  public var error: String?
  /// Number of clusters found (noise not counted).
  public var clusterCount: Int?
  /// Rows per cluster, by label.
  public var sizes: [Int]
  /// Rows labelled noise.
  public var noise: Int
  /// Metric values by metric name; `nil` value with a reason when undefined; estimates add
  /// their interval as `[low, high]` under `metric_intervals`.
  public var metrics: [String: Score]
  /// Algorithm diagnostics (iterations, converged, inertia, …).
  public var diagnostics: JSONValue
  /// What each preprocessing step learned, in step order.
  public var preprocessing: [JSONValue]
  /// Rows excluded by pipeline steps, counted per step (`"2:remove-outliers"`).
  public var excluded: [String: Int] = [:]
  /// Ids of the rows representing each cluster (medoids), by label, for exemplar methods.
  public var exemplarIds: [String]?
  /// Stability under resampling and reseeding, when the spec asks for it.
  public var stability: StabilityResult?
  /// For each segment (in the canonical size order of `sizes` and the labels file), its run-wide segment id after
  /// alignment with the run's best trial. Derived at finalize time: `trials.jsonl` has it, the stored record never does.
  public var segmentIds: [Int]?
  /// The files this trial wrote, by path relative to the run folder, with their SHA-256: readers refuse a file that
  /// changed since (`assign`, `verify`, a resume).
  public var files: [String: String] = [:]
  /// Segments against ground-truth classes, when the spec names a truth column.
  public var contingency: JSONValue?
  /// The internal metrics recomputed in the run's shared evaluation space, which ranking uses (absent with space "pipeline").
  public var evaluation: EvaluationScores?

  public init(
    index: Int, configHash: String, seed: UInt64, pipeline: String, configuration: JSONValue, status: Status, error: String? = nil,
    clusterCount: Int? = nil, sizes: [Int] = [], noise: Int = 0, metrics: [String: Score] = [:], diagnostics: JSONValue = .object([:]),
    preprocessing: [JSONValue] = []
  ) {
    self.index = index
    self.configHash = configHash
    self.seed = seed
    self.pipeline = pipeline
    self.configuration = configuration
    self.status = status
    self.error = error
    self.clusterCount = clusterCount
    self.sizes = sizes
    self.noise = noise
    self.metrics = metrics
    self.diagnostics = diagnostics
    self.preprocessing = preprocessing
  }

  /// The algorithm's name, from the configuration.
  public var algorithmName: String { configuration.object?["algorithm"]?.object?["use"]?.string ?? "" }

  /// The algorithm's parameters, from the configuration.
  public var algorithmParameters: [String: JSONValue] {
    configuration.object?["algorithm"]?.object?["params"]?.object ?? [:]
  }

  /// The record as one JSON object (the `trials.jsonl` line).
  public var json: JSONValue {
    var o: [String: JSONValue] = [
      "trial": .int(index), "config_hash": .string(configHash), "seed": .string(String(seed)), "pipeline": .string(pipeline),
      "config": configuration, "status": .string(status.rawValue), "sizes": .array(sizes.map(JSONValue.int)), "noise": .int(noise),
      "diagnostics": diagnostics, "preprocessing": .array(preprocessing),
    ]
    if let error { o["error"] = .string(error) }
    if let clusterCount { o["clusters"] = .int(clusterCount) }
    if !excluded.isEmpty { o["excluded_rows"] = .object(excluded.mapValues(JSONValue.int)) }
    if let exemplarIds { o["exemplar_ids"] = .array(exemplarIds.map(JSONValue.string)) }
    if let stability { o["stability"] = stability.json }
    if let segmentIds { o["segment_ids"] = .array(segmentIds.map(JSONValue.int)) }
    if let contingency { o["contingency"] = contingency }
    if !files.isEmpty { o["files"] = .object(files.mapValues(JSONValue.string)) }
    o.merge(Score.encode(metrics)) { _, new in new }
    if let evaluation {
      o["evaluation"] = .object(Score.encode(evaluation.metrics).merging(["space": .string(evaluation.space)]) { _, new in new })
    }
    return .object(o)
  }

  /// Reads a record back from its JSON line (for resuming); `nil` if the line is not a record.
  public init?(json: JSONValue) {
    guard let o = json.object, let index = o["trial"]?.integer, let hash = o["config_hash"]?.string,
      let seedText = o["seed"]?.string, let seed = UInt64(seedText), let pipeline = o["pipeline"]?.string,
      let configuration = o["config"], let status = o["status"]?.string.flatMap(Status.init(rawValue:))
    else { return nil }
    let metrics = Score.decode(o)
    self.init(
      index: index, configHash: hash, seed: seed, pipeline: pipeline, configuration: configuration, status: status,
      error: o["error"]?.string, clusterCount: o["clusters"]?.integer, sizes: o["sizes"]?.array?.compactMap(\.integer) ?? [],
      noise: o["noise"]?.integer ?? 0, metrics: metrics, diagnostics: o["diagnostics"] ?? .object([:]),
      preprocessing: o["preprocessing"]?.array ?? [])
    excluded = (o["excluded_rows"]?.object ?? [:]).compactMapValues(\.integer)
    exemplarIds = o["exemplar_ids"]?.array?.compactMap(\.string)
    stability = o["stability"].flatMap(StabilityResult.init(json:))
    segmentIds = o["segment_ids"]?.array?.compactMap(\.integer)
    contingency = o["contingency"]
    files = (o["files"]?.object ?? [:]).compactMapValues(\.string)
    if let e = o["evaluation"]?.object, let space = e["space"]?.string { evaluation = EvaluationScores(space: space, metrics: Score.decode(e)) }
  }
}
