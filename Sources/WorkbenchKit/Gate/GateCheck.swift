/// One check of a quality gate: what was measured, against which threshold, and the outcome.
///
/// One JUnit `testcase` each; `name` is the gate key it comes from
/// (`quality`, `min_stability`, `metrics.davies-bouldin.max`,
/// `baseline.min_ari`, …), stable across runs so CI history lines up.
public struct GateCheck: Sendable, Equatable {
  /// Passed, failed, or not checked (with the reason in ``detail``).
  public enum Outcome: String, Sendable, Equatable {
    case passed
    case failed
    case skipped
  }

  /// The gate key the check comes from.
  public var name: String
  /// What is checked, for people: "silhouette of the chosen trial".
  public var summary: String
  /// The measured value (a number, a text such as "kmeans, 5 segments", or null when it could not be measured).
  public var measured: JSONValue
  /// The threshold as text: "≥ 0.25", "3 … 8", "kmeans, 5 segments".
  public var threshold: String
  /// The outcome.
  public var outcome: Outcome
  /// Why it failed or was skipped, in a sentence.
  public var detail: String?

  public init(name: String, summary: String, measured: JSONValue, threshold: String, outcome: Outcome, detail: String? = nil) {
    self.name = name
    self.summary = summary
    self.measured = measured
    self.threshold = threshold
    self.outcome = outcome
    self.detail = detail
  }

  /// The measured value for tables: four decimals, or the text.
  public var measuredText: String {
    switch measured {
    case .double(let v): Leaderboard.rounded(v)
    case .int(let i): String(i)
    case .string(let s): s
    default: "—"
    }
  }

  /// A check of `value` against `minimum` and/or `maximum`; a value that could not be measured fails with `missing`.
  static func bound(
    _ name: String, _ summary: String, value: Double?, minimum: Double? = nil, maximum: Double? = nil, missing: String
  ) -> GateCheck {
    let threshold = [minimum.map { "≥ \(JSONNumber.plain($0))" }, maximum.map { "≤ \(JSONNumber.plain($0))" }].compactMap { $0 }.joined(separator: ", ")
    guard let value else { return GateCheck(name: name, summary: summary, measured: .null, threshold: threshold, outcome: .failed, detail: missing) }
    let shown = Leaderboard.rounded(value)
    if let minimum, value < minimum {
      return GateCheck(
        name: name, summary: summary, measured: .double(value), threshold: threshold, outcome: .failed,
        detail: "\(summary) is \(shown), below the threshold \(JSONNumber.plain(minimum)).")
    }
    if let maximum, value > maximum {
      return GateCheck(
        name: name, summary: summary, measured: .double(value), threshold: threshold, outcome: .failed,
        detail: "\(summary) is \(shown), above the threshold \(JSONNumber.plain(maximum)).")
    }
    return GateCheck(name: name, summary: summary, measured: .double(value), threshold: threshold, outcome: .passed)
  }

  /// The check as JSON.
  public var json: JSONValue {
    var o: [String: JSONValue] = [
      "name": .string(name), "summary": .string(summary), "measured": measured, "threshold": .string(threshold), "outcome": .string(outcome.rawValue),
    ]
    if let detail { o["detail"] = .string(detail) }
    return .object(o)
  }
}
