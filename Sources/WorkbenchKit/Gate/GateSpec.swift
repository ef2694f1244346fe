import Foundation

/// A quality gate: what the chosen trial of a run must reach, and how far it may move from a baseline run.
///
/// Read from the spec's `gate` section or from a `--gate` file holding the
/// same object. Every threshold is optional; only the ones given are checked.
/// ```json
/// "gate": {
///   "quality": 0.25, "min_stability": 0.8, "min_segment_share": 0.05, "min_segments": 3, "max_segments": 8,
///   "metrics": { "davies-bouldin": { "max": 1.5 } },
///   "baseline": { "min_ari": 0.8, "max_share_shift": 0.05, "same_choice": true }
/// }
/// ```
/// The `gate` section is not part of the run key: changing a threshold
/// re-derives the verdict without refitting a trial.
public struct GateSpec: Sendable, Equatable {
  /// Bounds on one metric of the chosen trial.
  public struct MetricBound: Sendable, Equatable {
    /// The metric (one the experiment computes).
    public var metric: String
    /// The least value allowed.
    public var minimum: Double?
    /// The greatest value allowed.
    public var maximum: Double?
  }

  /// How far a run may drift from a baseline run (checked only when a baseline is given).
  public struct Baseline: Sendable, Equatable {
    /// Least adjusted Rand index between the two chosen segmentations on the customers both contain.
    public var minAgreement: Double
    /// Greatest change of any segment's share of the clustered rows, segments matched by overlap.
    public var maxShareShift: Double
    /// Whether the chosen algorithm and number of segments must stay the same.
    public var sameChoice: Bool

    /// The section's keys, declared like plugin parameters (defaults apply to a baseline given without the section).
    public static let parameters: [ParameterSpec] = [
      ParameterSpec(
        "min_ari", .real(minimum: -1, maximum: 1), default: 0.8,
        "Least adjusted Rand index between this run's and the baseline's chosen segmentations, on the customers both contain."),
      ParameterSpec(
        "max_share_shift", .real(minimum: 0, maximum: 1), default: 0.05,
        "Greatest change of a segment's share of the clustered rows against the baseline (segments matched by overlap)."),
      ParameterSpec("same_choice", .boolean, default: false, "Whether the chosen algorithm and number of segments must equal the baseline's."),
    ]

    /// The defaults.
    public static let standard = Baseline(minAgreement: 0.8, maxShareShift: 0.05, sameChoice: false)
  }

  /// The ranking metric's value the chosen trial must reach: ≥ for a higher-is-better metric, ≤ for a lower-is-better one.
  public var quality: Double?
  /// Least mean resample ARI of the chosen trial.
  public var minStability: Double?
  /// Least share of the clustered rows in the chosen trial's smallest segment.
  public var minSegmentShare: Double?
  /// Least and greatest number of segments of the chosen trial.
  public var minSegments: Int?
  public var maxSegments: Int?
  /// Bounds on other metrics, by metric name in sorted order.
  public var metrics: [MetricBound]
  /// Drift limits against a baseline run, when the section has a `baseline` object (``Baseline/standard`` applies to a
  /// baseline run given without one).
  public var baseline: Baseline?

  public init(
    quality: Double? = nil, minStability: Double? = nil, minSegmentShare: Double? = nil, minSegments: Int? = nil, maxSegments: Int? = nil,
    metrics: [MetricBound] = [], baseline: Baseline? = nil
  ) {
    self.quality = quality
    self.minStability = minStability
    self.minSegmentShare = minSegmentShare
    self.minSegments = minSegments
    self.maxSegments = maxSegments
    self.metrics = metrics.sorted { $0.metric < $1.metric }
    self.baseline = baseline
  }

  /// The scalar keys of the section, all optional.
  public static let parameters: [ParameterSpec] = [
    ParameterSpec(
      "quality", .real(), default: nil,
      "The ranking metric's value the chosen trial must reach (≥ when higher is better, ≤ when lower is better)."),
    ParameterSpec("min_stability", .real(minimum: -1, maximum: 1), default: nil, "Least mean resample ARI of the chosen trial."),
    ParameterSpec("min_segment_share", .real(minimum: 0, maximum: 1), default: nil, "Least share of the clustered rows in the chosen trial's smallest segment."),
    ParameterSpec("min_segments", .integer(minimum: 1), default: nil, "Least number of segments of the chosen trial."),
    ParameterSpec("max_segments", .integer(minimum: 1), default: nil, "Greatest number of segments of the chosen trial."),
  ]

  /// Every key of the section.
  public static let keys = parameters.map(\.name) + ["metrics", "baseline"]

  /// Reads a `gate` object at `location`; `metrics` are the experiment's metric names. Problems are added, not thrown.
  public static func read(_ value: JSONValue, metrics known: [String], at location: Location, problems: inout [Problem]) -> GateSpec? {
    let before = problems.count
    guard let scalars = members(of: value, keys: keys, at: location, what: "the gate", problems: &problems) else { return nil }
    var values: [String: JSONValue] = [:]
    for spec in parameters {
      guard let given = scalars[spec.name] else { continue }
      switch Parameters.resolve([spec.name: given], declared: [spec], owner: "gate", at: location) {
      case .failure(let error): problems += error.problems
      case .success(let p): values[spec.name] = p.value(spec.name)
      }
    }
    var gate = GateSpec(
      quality: values["quality"]?.number, minStability: values["min_stability"]?.number, minSegmentShare: values["min_segment_share"]?.number,
      minSegments: values["min_segments"]?.integer, maxSegments: values["max_segments"]?.integer)
    if let low = gate.minSegments, let high = gate.maxSegments, low > high {
      problems.append(Problem(location.appending("min_segments"), "min_segments (\(low)) is above max_segments (\(high)).", fix: "swap them or widen the range."))
    }
    if let value = scalars["metrics"] {
      gate.metrics = readMetrics(value, known: known, at: location.appending("metrics"), problems: &problems)
    }
    let baselineAt = location.appending("baseline")
    if let value = scalars["baseline"], let given = members(of: value, keys: Baseline.parameters.map(\.name), at: baselineAt, what: "'baseline'", problems: &problems) {
      switch Parameters.resolve(given, declared: Baseline.parameters, owner: "gate.baseline", at: baselineAt) {
      case .failure(let error): problems += error.problems
      case .success(let p):
        gate.baseline = Baseline(minAgreement: p.real("min_ari"), maxShareShift: p.real("max_share_shift"), sameChoice: p.bool("same_choice"))
      }
    }
    return problems.count == before ? gate : nil
  }

  /// The non-null members of the object `value`, after recording a problem for each key not in `keys`; nil when not an object.
  private static func members(of value: JSONValue, keys: [String], at location: Location, what: String, problems: inout [Problem]) -> [String: JSONValue]? {
    guard var object = SpecObject(value, at: location, problems: &problems, what: what) else { return nil }
    var members: [String: JSONValue] = [:]
    for key in keys { if let v = object.take(key) { members[key] = v } }
    object.reportUnknownKeys(known: keys, problems: &problems)
    return members
  }

  /// Reads a `--gate` file: a JSON object like the spec's `gate` section; `metrics` are the run's metric names.
  public static func read(path: String, metrics known: [String]) throws(SpecError) -> GateSpec {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SpecError(Location(file: path), "no such gate file.", fix: "give a JSON file holding a gate object such as {\"quality\": 0.25}.")
    }
    let json: JSONValue
    do {
      json = try JSONParser.parse([UInt8](data))
    } catch {
      throw SpecError(Location(file: path, line: error.line, column: error.column), "malformed JSON: \(error.message).", fix: "correct the JSON at that position.")
    }
    var problems: [Problem] = []
    guard let gate = read(json, metrics: known, at: Location(file: path, jsonPath: ""), problems: &problems), problems.isEmpty else {
      throw SpecError(problems)
    }
    return gate
  }

  private static func readMetrics(_ value: JSONValue, known: [String], at location: Location, problems: inout [Problem]) -> [MetricBound] {
    guard let members = value.object else {
      problems.append(Problem(location, "'metrics' must map metric names to bounds; got \(value.typeDescription).", fix: "write e.g. {\"davies-bouldin\": {\"max\": 1.5}}."))
      return []
    }
    var bounds: [MetricBound] = []
    for name in members.keys.sorted() {
      let at = location.appending(name)
      guard known.contains(name) else {
        problems.append(Problem(at, "'\(name)' is not one of this experiment's metrics.\(NameSuggestions.hint(for: name, in: known))", fix: "use one of: \(known.joined(separator: ", ")).") )
        continue
      }
      guard let limits = members[name]?.object, !limits.isEmpty, Set(limits.keys).isSubset(of: ["min", "max"]) else {
        problems.append(Problem(at, "bounds must be an object with \"min\", \"max\" or both.", fix: "write e.g. {\"min\": 0.2}."))
        continue
      }
      let low = limits["min"], high = limits["max"]
      guard low.map({ $0.number?.isFinite == true }) != false, high.map({ $0.number?.isFinite == true }) != false else {
        problems.append(Problem(at, "\"min\" and \"max\" must be numbers.", fix: "write e.g. {\"min\": 0.2, \"max\": 0.9}."))
        continue
      }
      if let l = low?.number, let h = high?.number, l > h {
        problems.append(Problem(at, "min (\(JSONNumber.plain(l))) is above max (\(JSONNumber.plain(h))).", fix: "swap them."))
        continue
      }
      bounds.append(MetricBound(metric: name, minimum: low?.number, maximum: high?.number))
    }
    return bounds
  }

  /// The section's JSON Schema (for ``ExperimentSchema``).
  static var schema: JSONValue {
    let bound: JSONValue = [
      "type": "object", "additionalProperties": false, "minProperties": 1,
      "properties": ["min": ["type": "number"], "max": ["type": "number"]],
    ]
    var properties = ExperimentSchema.properties(of: parameters)
    properties["metrics"] = [
      "type": "object", "description": "Bounds on metrics of the chosen trial, by metric name.", "additionalProperties": bound,
    ]
    properties["baseline"] = [
      "type": "object", "additionalProperties": false, "description": "Drift limits against a baseline run (`workbench gate --baseline RUN_DIR`).",
      "properties": .object(ExperimentSchema.properties(of: Baseline.parameters)),
    ]
    return [
      "type": "object", "additionalProperties": false,
      "description": "Quality gate on the chosen trial (`workbench gate`); not part of the run key.", "properties": .object(properties),
    ]
  }
}
