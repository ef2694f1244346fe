/// Choosing k: for each pipeline × algorithm setting, every metric's curve over k and the k each rule picks.
///
/// Trials are grouped when their configurations differ only in `k`. Each
/// metric with a ``KSelectionRule`` contributes one choice (silhouette max,
/// Calinski–Harabasz max, Davies–Bouldin min, the inertia elbow by Kneedle,
/// prediction strength's largest k ≥ 0.8, …), stability adds "max mean
/// resample ARI", and the consensus is the k most rules pick (ties: the
/// smaller k). Written to `k-selection.json` and shown in `leaderboard.md`.
public struct KSelection: Sendable, Equatable {
  /// One pipeline × algorithm setting swept over k.
  public struct Group: Sendable, Equatable {
    /// The pipeline's name.
    public var pipeline: String
    /// The algorithm's name.
    public var algorithm: String
    /// The configuration without `k` (canonical JSON), identifying the group.
    public var setting: JSONValue
    /// The k values swept, ascending.
    public var ks: [Int]
    /// Per metric (spec order), its value at each k (`nil` where the trial failed or the metric is undefined).
    public var curves: [(metric: String, values: [Double?])]
    /// Mean resample ARI at each k, when stability was computed.
    public var stability: [Double?]?
    /// Each rule's pick: (rule name, k or nil when the rule cannot decide).
    public var choices: [(rule: String, k: Int?)]

    /// The k most rules pick (ties to the smaller k) and how many rules picked it.
    public var consensus: (k: Int, votes: Int)? {
      let picks = choices.compactMap(\.k)
      let votes = Set(picks).sorted().map { k in (k: k, votes: picks.filter { $0 == k }.count) }
      return votes.reduce(nil) { best, candidate in
        guard let best else { return candidate }
        return candidate.votes > best.votes ? candidate : best
      }
    }

    public static func == (a: Group, b: Group) -> Bool { a.json == b.json }

    /// The group as recorded in `k-selection.json`.
    public var json: JSONValue {
      var o: [String: JSONValue] = [
        "pipeline": .string(pipeline), "algorithm": .string(algorithm), "setting": setting, "k": .array(ks.map(JSONValue.int)),
        "curves": .object(Dictionary(uniqueKeysWithValues: curves.map { ($0.metric, .array($0.values.map { $0.map(JSONValue.double) ?? .null })) })),
        "choices": .object(Dictionary(uniqueKeysWithValues: choices.map { ($0.rule, $0.k.map(JSONValue.int) ?? .null) })),
      ]
      if let stability { o["stability"] = .array(stability.map { $0.map(JSONValue.double) ?? .null }) }
      if let consensus { o["consensus"] = ["k": .int(consensus.k), "rules_agreeing": .int(consensus.votes), "rules": .int(choices.filter { $0.k != nil }.count)] }
      return .object(o)
    }
  }

  /// The groups, in order of their first trial.
  public var groups: [Group]

  /// Groups `records` (grid order) and applies each metric's rule; `metrics` are (name, rule) in spec order.
  public init(records: [TrialRecord], metrics: [(name: String, rule: KSelectionRule?)], clusterCountParameter: String = TrialPlan.clusterCountParameter) {
    var order: [String] = []
    var members: [String: [(k: Int, record: TrialRecord)]] = [:]
    var settings: [String: JSONValue] = [:]
    for record in records.sorted(by: { $0.index < $1.index }) {
      guard let (k, setting) = Self.sweep(of: record, clusterCountParameter: clusterCountParameter) else { continue }
      let key = setting.canonicalText
      if members[key] == nil {
        order.append(key)
        settings[key] = setting
      }
      members[key, default: []].append((k, record))
    }
    groups = order.compactMap { key in
      let sweep = members[key]!.sorted { $0.k < $1.k }
      guard Set(sweep.map(\.k)).count >= 2, let first = sweep.first?.record else { return nil }
      let ks = sweep.map(\.k)
      let curves = metrics.map { metric in (metric.name, sweep.map { $0.record.status == .ok ? $0.record.metrics[metric.name]?.value : nil }) }
      let errors = Dictionary(uniqueKeysWithValues: metrics.map { metric in
        (metric.name, sweep.map { entry in entry.record.metrics[metric.name]?.interval.map { ($0.high - $0.low) / 2 } })
      })
      let stabilityCurve = sweep.map { $0.record.stability?.score }
      let hasStability = stabilityCurve.contains { $0 != nil }
      var choices: [(String, Int?)] = []
      for (metric, values) in curves {
        guard let rule = metrics.first(where: { $0.name == metric })?.rule else { continue }
        choices.append(("\(metric) \(rule.label)", Self.pick(rule, ks: ks, values: values, errors: errors[metric] ?? [])))
      }
      if hasStability { choices.append(("stability max", Self.pick(.maximum, ks: ks, values: stabilityCurve))) }
      return Group(
        pipeline: first.pipeline, algorithm: first.algorithmName, setting: settings[key]!, ks: ks, curves: curves,
        stability: hasStability ? stabilityCurve : nil, choices: choices)
    }
  }

  /// A trial's place in a sweep over k: its k and its configuration without k (equal for the trials of one sweep);
  /// `nil` for trials of algorithms without a cluster count.
  public static func sweep(of record: TrialRecord, clusterCountParameter: String = TrialPlan.clusterCountParameter) -> (k: Int, setting: JSONValue)? {
    guard let k = record.algorithmParameters[clusterCountParameter]?.integer, var config = record.configuration.object,
      var algorithm = config["algorithm"]?.object, var params = algorithm["params"]?.object
    else { return nil }
    params[clusterCountParameter] = nil
    algorithm["params"] = .object(params)
    config["algorithm"] = .object(algorithm)
    return (k, .object(config))
  }

  /// The k a rule picks from a curve (nil when no value is defined or the rule cannot decide).
  static func pick(_ rule: KSelectionRule, ks: [Int], values: [Double?], errors: [Double?] = []) -> Int? {
    let defined = zip(ks, values).compactMap { k, v in v.map { (k, $0) } }
    guard !defined.isEmpty else { return nil }
    switch rule {
    case .maximum: return defined.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }?.0
    case .minimum: return defined.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    case .largestAtLeast(let threshold): return defined.filter { $0.1 >= threshold }.map(\.0).max()
    case .elbow: return Self.kneedle(defined)
    case .gapStandardError:
      // Smallest k with Gap(k) ≥ Gap(k+1) − s(k+1), over consecutive defined k values.
      for i in ks.indices.dropLast() {
        guard let gap = values[i], let next = values[i + 1], ks[i + 1] == ks[i] + 1, i + 1 < errors.count, let s = errors[i + 1] else { continue }
        if gap >= next - s { return ks[i] }
      }
      return nil
    }
  }

  /// Kneedle's knee of a falling convex curve: normalise k and value to [0, 1], and take the k
  /// where the flipped value exceeds the diagonal most (Satopää et al. 2011, offline, sensitivity 0).
  static func kneedle(_ points: [(Int, Double)]) -> Int? {
    guard points.count >= 3, let kMin = points.first?.0, let kMax = points.last?.0, kMax > kMin else { return nil }
    let values = points.map(\.1)
    let (low, high) = (values.min()!, values.max()!)
    guard high > low else { return nil }
    let differences = points.map { k, v in (k, (1 - (v - low) / (high - low)) - Double(k - kMin) / Double(kMax - kMin)) }
    return differences.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }?.0
  }

  /// "scaled · gmm covariance_type=diag": the pipeline and algorithm, plus the settings that tell this group apart
  /// from the other groups of the same pipeline and algorithm (algorithm parameters, then `step.parameter` of pipeline steps).
  public func title(of group: Group) -> String {
    let base = "\(group.pipeline) · \(group.algorithm)"
    let siblings = groups.filter { $0.pipeline == group.pipeline && $0.algorithm == group.algorithm }
    guard siblings.count > 1 else { return base }
    let settings = siblings.map(Self.flatSettings)
    let mine = Self.flatSettings(group)
    let differing = mine.filter { key, value in settings.contains { $0.first { $0.key == key }?.value != value } }
    return ([base] + differing.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
  }

  /// A group's setting as (name, canonical value) pairs: algorithm parameters, then `step.parameter` for each pipeline step.
  private static func flatSettings(_ group: Group) -> [(key: String, value: String)] {
    let config = group.setting.object ?? [:]
    let algorithm = config["algorithm"]?.object?["params"]?.object ?? [:]
    var out = algorithm.keys.sorted().map { ($0, Self.short(algorithm[$0]!)) }
    for (i, step) in (config["pipeline"]?.array ?? []).enumerated() {
      let name = step.object?["use"]?.string ?? "step\(i + 1)"
      let params = step.object?["params"]?.object ?? [:]
      out += params.keys.sorted().map { ("\(name).\($0)", Self.short(params[$0]!)) }
    }
    return out
  }

  private static func short(_ value: JSONValue) -> String { value.string ?? value.canonicalText }

  /// `k-selection.json`.
  public var json: JSONValue { ["groups": .array(groups.map(\.json))] }

  /// The "Choosing k" section of leaderboard.md.
  public var markdown: String {
    guard !groups.isEmpty else { return "" }
    var out = "\n## Choosing k\n"
    for group in groups {
      out += "\n**\(title(of: group))** over k = \(group.ks.map(String.init).joined(separator: ", "))"
      if let consensus = group.consensus {
        out += ": \(consensus.votes) of \(group.choices.filter { $0.k != nil }.count) rules pick **k = \(consensus.k)**"
      }
      out += "\n\n| rule | k |\n|---|---:|\n"
      for choice in group.choices { out += "| \(choice.rule) | \(choice.k.map(String.init) ?? "—") |\n" }
    }
    return out
  }
}
