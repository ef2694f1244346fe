/// How insight values become JSON: numbers, `null` with a reason, intervals, undefined sections.
///
/// A statistic that is undefined is written as `null` under its key, and
/// its reason under the object's `"undefined"` member (`{"sd": null,
/// "undefined": {"sd": "a single value has no standard deviation"}}`), the
/// way trial records list undefined metrics. An estimate is
/// `{"value": …, "low": …, "high": …}`. A section that could not be
/// computed is `{"undefined": "reason"}`. Never NaN or ∞.
enum InsightJSON {
  /// `score` as a JSON value (`null` when undefined).
  static func value(_ score: Score) -> JSONValue {
    switch score {
    case .value(let v): v.isFinite ? .double(v) : .null
    case .undefined: .null
    case .estimate(let v, let low, let high): ["value": .double(v), "low": .double(low), "high": .double(high)]
    }
  }

  /// An object with `scores` under their keys, the reasons of undefined ones under `"undefined"`, and `extra` members.
  static func object(_ scores: [(String, Score)], _ extra: [String: JSONValue] = [:]) -> JSONValue {
    var out = extra
    var undefined: [String: JSONValue] = [:]
    for (key, score) in scores {
      out[key] = value(score)
      if case .undefined(let reason) = score { undefined[key] = .string(reason) }
    }
    if !undefined.isEmpty { out["undefined"] = .object(undefined) }
    return .object(out)
  }

  /// `body(value)` on success, `{"undefined": reason}` on failure.
  static func result<T>(_ result: Result<T, StatisticUndefined>, _ body: (T) -> JSONValue) -> JSONValue {
    switch result {
    case .success(let value): body(value)
    case .failure(let why): ["undefined": .string(why.reason)]
    }
  }

  /// A list of numbers.
  static func numbers(_ values: [Double]) -> JSONValue { .array(values.map { $0.isFinite ? .double($0) : .null }) }

  /// A list of integers.
  static func integers(_ values: [Int]) -> JSONValue { .array(values.map(JSONValue.int)) }

  /// A list of strings.
  static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}
