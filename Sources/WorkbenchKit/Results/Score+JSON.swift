extension Score {
  /// Scores by metric name as record members: `metrics` (values, `null` where undefined), `undefined_metrics`
  /// (the reasons) and `metric_intervals` (`[low, high]` of estimates); the last two only when not empty.
  static func encode(_ scores: [String: Score]) -> [String: JSONValue] {
    var values: [String: JSONValue] = [:]
    var undefined: [String: JSONValue] = [:]
    var intervals: [String: JSONValue] = [:]
    for (name, score) in scores {
      switch score {
      case .value(let v): values[name] = .double(v)
      case .estimate(let v, let low, let high):
        values[name] = .double(v)
        intervals[name] = [.double(low), .double(high)]
      case .undefined(let reason):
        values[name] = .null
        undefined[name] = .string(reason)
      }
    }
    var members: [String: JSONValue] = ["metrics": .object(values)]
    if !undefined.isEmpty { members["undefined_metrics"] = .object(undefined) }
    if !intervals.isEmpty { members["metric_intervals"] = .object(intervals) }
    return members
  }

  /// The scores ``encode(_:)`` wrote into `members`.
  static func decode(_ members: [String: JSONValue]) -> [String: Score] {
    let undefined = members["undefined_metrics"]?.object ?? [:]
    let intervals = members["metric_intervals"]?.object ?? [:]
    var scores: [String: Score] = [:]
    for (name, value) in members["metrics"]?.object ?? [:] {
      if let v = value.number, let bounds = intervals[name]?.array?.compactMap(\.number), bounds.count == 2 {
        scores[name] = .estimate(value: v, low: bounds[0], high: bounds[1])
      } else {
        scores[name] = value.number.map(Score.value) ?? .undefined(undefined[name]?.string ?? "undefined")
      }
    }
    return scores
  }
}
