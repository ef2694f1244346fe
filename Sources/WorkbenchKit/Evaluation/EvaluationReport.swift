/// The scores of one segmentation, with the counts a reader needs to trust them.
public struct EvaluationReport: Sendable {
  /// The data CSV.
  public var dataPath: String
  /// The labels CSV.
  public var labelsPath: String
  /// Rows scored (labelled, matched by id).
  public var scoredRows: Int
  /// Rows skipped because their label was empty (excluded by a pipeline step).
  public var excludedRows: Int
  /// Scored rows labelled −1.
  public var noiseRows: Int
  /// The cluster labels as given, increasing.
  public var clusterLabels: [Int]
  /// Rows per cluster, in ``clusterLabels`` order.
  public var clusterSizes: [Int]
  /// Each metric's score, in the order asked for.
  public var scores: [(name: String, score: Score)]
  /// Classes × clusters counts when a truth column was given.
  public var contingency: ContingencyTable?

  /// The report as JSON: counts, `metrics` (null when undefined), `undefined_metrics`
  /// reasons, `metric_intervals` for estimates, and the contingency table.
  public var json: JSONValue {
    var metrics: [String: JSONValue] = [:]
    var undefined: [String: JSONValue] = [:]
    var intervals: [String: JSONValue] = [:]
    for (name, score) in scores {
      metrics[name] = score.value.map(JSONValue.double) ?? .null
      if case .undefined(let reason) = score { undefined[name] = .string(reason) }
      if let interval = score.interval { intervals[name] = [.double(interval.low), .double(interval.high)] }
    }
    var o: [String: JSONValue] = [
      "data": .string(dataPath), "labels": .string(labelsPath), "rows": .int(scoredRows), "excluded_rows": .int(excludedRows),
      "noise": .int(noiseRows), "clusters": .int(clusterLabels.count), "cluster_labels": .array(clusterLabels.map(JSONValue.int)),
      "sizes": .array(clusterSizes.map(JSONValue.int)), "metrics": .object(metrics),
    ]
    if !undefined.isEmpty { o["undefined_metrics"] = .object(undefined) }
    if !intervals.isEmpty { o["metric_intervals"] = .object(intervals) }
    if let contingency { o["contingency"] = contingency.json }
    return .object(o)
  }

  /// The report as a few readable lines.
  public var text: String {
    var lines = ["\(scoredRows) rows scored, \(clusterLabels.count) clusters" + (noiseRows > 0 ? ", \(noiseRows) noise" : "")]
    if excludedRows > 0 { lines.append("skipped \(excludedRows) row\(excludedRows == 1 ? "" : "s") with an empty label (excluded by a pipeline step)") }
    if let missing = contingency?.rowsWithoutTruth, missing > 0 {
      lines.append("external metrics leave out \(missing) row\(missing == 1 ? "" : "s") without a truth value")
    }
    lines.append("sizes: " + MessageText.list(zip(clusterLabels, clusterSizes).map { "\($0)=\($1)" }))
    let width = scores.map(\.name.count).max() ?? 0
    for (name, score) in scores {
      let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
      switch score {
      case .value(let v): lines.append("  \(padded)  \(JSONNumber.format(v))")
      case .estimate(let v, let low, let high): lines.append("  \(padded)  \(JSONNumber.format(v)) (95 % interval \(JSONNumber.format(low)) to \(JSONNumber.format(high)))")
      case .undefined(let reason): lines.append("  \(padded)  undefined: \(reason)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
