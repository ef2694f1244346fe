import Foundation

/// Reads the candidate values of one grid parameter: a non-empty list, or a range object.
///
/// A range is `{"from": a, "to": b}` (inclusive, step 1) or
/// `{"from": a, "to": b, "step": s}`; integer bounds and step give integers,
/// otherwise reals, computed as `from + i·step` and rounded to 12 significant
/// digits so `0.1…0.3` yields exactly 0.1, 0.2, 0.3.
///
/// Edge cases: the number of values is computed before any is made, with
/// overflow-checked integer arithmetic and finite real arithmetic, so a
/// range such as `{"from": -9223372036854775808, "to": 2}` or
/// `{"from": 0, "to": 1, "step": 1e-300}` is a located error (more than
/// ``maximumCount`` values, or bounds no number can span), never a crash or
/// a hang. Lists and ranges alike hold at most ``maximumCount`` values.
enum GridAxis {
  /// The most values one axis may expand to; a larger range is almost certainly a typo.
  static let maximumCount = 10_000

  /// The candidates of `value`, or `nil` after recording why there are none.
  ///
  /// `check` returns the problem with one value at a location (`nil` when
  /// the parameter accepts it); a range's bounds are checked with it first,
  /// so a bound out of the parameter's range is reported at `….from` or `….to`.
  static func values(
    _ value: JSONValue, at location: Location, problems: inout [Problem], check: (JSONValue, Location) -> Problem? = { _, _ in nil }
  ) -> [JSONValue]? {
    if let items = value.array {
      guard !items.isEmpty else {
        problems.append(Problem(location, "a grid list must not be empty.", fix: "list at least one value, or move the parameter to \"params\"."))
        return nil
      }
      guard items.count <= maximumCount else {
        problems.append(Problem(location, "this list has \(items.count) values, more than \(maximumCount).", fix: "list fewer values."))
        return nil
      }
      return items
    }
    if let range = value.object, range["from"] != nil || range["to"] != nil {
      return rangeValues(range, at: location, problems: &problems, check: check)
    }
    problems.append(
      Problem(
        location, "a grid entry must be a list of values or a range; got \(value.canonicalText).",
        fix: "write [\(value.canonicalText)] for one value, {\"from\": 2, \"to\": 8} for a range, or put a fixed value under \"params\"."))
    return nil
  }

  private static func rangeValues(
    _ range: [String: JSONValue], at location: Location, problems: inout [Problem], check: (JSONValue, Location) -> Problem?
  ) -> [JSONValue]? {
    let fix = "write {\"from\": 2, \"to\": 8} or {\"from\": 0.1, \"to\": 0.5, \"step\": 0.1}."
    for key in range.keys.sorted() where !["from", "to", "step"].contains(key) {
      problems.append(Problem(location.appending(key), "unknown key '\(key)' in a range.", fix: fix))
      return nil
    }
    for key in ["from", "to"] where range[key]?.number == nil {
      problems.append(Problem(location.appending(key), "a range needs a numeric \"\(key)\"; got \(range[key]?.canonicalText ?? "nothing").", fix: fix))
      return nil
    }
    let from = range["from"]!, to = range["to"]!
    for (key, bound) in [("from", from), ("to", to)] {
      if let problem = check(bound, location.appending(key)) {
        problems.append(problem)
        return nil
      }
    }
    let stepValue = range["step"] ?? .int(1)
    guard let step = stepValue.number, step > 0 else {
      problems.append(Problem(location.appending("step"), "a range step must be a positive number; got \(stepValue.canonicalText).", fix: fix))
      return nil
    }
    let lo = from.number!, hi = to.number!
    guard hi >= lo else {
      problems.append(Problem(location, "a range must go upward; \"from\" \(from.canonicalText) is above \"to\" \(to.canonicalText).", fix: "swap them."))
      return nil
    }
    let tooMany = Problem(
      location, "this range expands to more than \(maximumCount) values.",
      fix: "use a larger step or a narrower range (each bound as written becomes a candidate value).")
    if case .int(let a) = from, case .int(let b) = to, case .int(let s) = stepValue {
      let (span, overflow) = b.subtractingReportingOverflow(a)
      guard !overflow, span / s < maximumCount else {
        problems.append(tooMany)
        return nil
      }
      return (0...(span / s)).map { .int(a + $0 * s) }
    }
    // Reals: (hi − lo) / step is finite or +∞ (an overflow), and compared before it becomes an Int.
    let steps = (hi - lo) / step * (1 + 1e-12)
    guard steps.isFinite, steps < Double(maximumCount) else {
      problems.append(tooMany)
      return nil
    }
    let count = Int(steps.rounded(.down)) + 1
    let values = (0..<count).map { roundSignificant(lo + Double($0) * step) }
    guard values.allSatisfy(\.isFinite) else {
      problems.append(Problem(location, "this range reaches beyond the largest number (±1.8e308).", fix: "use bounds of a sensible size."))
      return nil
    }
    return values.map(JSONValue.double)
  }

  private static func roundSignificant(_ x: Double) -> Double {
    guard x != 0 else { return 0 }
    let text = String(format: "%.12g", x)
    return Double(text) ?? x
  }
}
