import Foundation

/// Reads the candidate values of one grid parameter: a non-empty list, or a range object.
///
/// A range is `{"from": a, "to": b}` (inclusive, step 1) or
/// `{"from": a, "to": b, "step": s}`; integer bounds and step give integers,
/// otherwise reals, computed as `from + i·step` and rounded to 12 significant
/// digits so `0.1…0.3` yields exactly 0.1, 0.2, 0.3.
enum GridAxis {
  /// The most values one axis may expand to; a larger range is almost certainly a typo.
  static let maximumCount = 10_000

  static func values(_ value: JSONValue, at location: Location, problems: inout [Problem]) -> [JSONValue]? {
    if let items = value.array {
      guard !items.isEmpty else {
        problems.append(Problem(location, "a grid list must not be empty.", fix: "list at least one value, or move the parameter to \"params\"."))
        return nil
      }
      return items
    }
    if let range = value.object, range["from"] != nil || range["to"] != nil {
      return rangeValues(range, at: location, problems: &problems)
    }
    problems.append(
      Problem(
        location, "a grid entry must be a list of values or a range; got \(value.canonicalText).",
        fix: "write [\(value.canonicalText)] for one value, {\"from\": 2, \"to\": 8} for a range, or put a fixed value under \"params\"."))
    return nil
  }

  private static func rangeValues(_ range: [String: JSONValue], at location: Location, problems: inout [Problem]) -> [JSONValue]? {
    let fix = "write {\"from\": 2, \"to\": 8} or {\"from\": 0.1, \"to\": 0.5, \"step\": 0.1}."
    for key in range.keys.sorted() where !["from", "to", "step"].contains(key) {
      problems.append(Problem(location.appending(key), "unknown key '\(key)' in a range.", fix: fix))
      return nil
    }
    guard let from = range["from"], let to = range["to"], let lo = from.number, let hi = to.number else {
      problems.append(Problem(location, "a range needs numeric \"from\" and \"to\".", fix: fix))
      return nil
    }
    let stepValue = range["step"] ?? .int(1)
    guard let step = stepValue.number, step > 0 else {
      problems.append(Problem(location.appending("step"), "a range step must be a positive number; got \(stepValue.canonicalText).", fix: fix))
      return nil
    }
    guard hi >= lo else {
      problems.append(Problem(location, "a range must go upward; \"from\" \(from.canonicalText) is above \"to\" \(to.canonicalText).", fix: "swap them."))
      return nil
    }
    let count = Int(((hi - lo) / step * (1 + 1e-12)).rounded(.down)) + 1
    guard count <= maximumCount else {
      problems.append(Problem(location, "this range expands to \(count) values, more than \(maximumCount).", fix: "use a larger step or a narrower range."))
      return nil
    }
    if case .int(let a) = from, case .int = to, case .int(let s) = stepValue {
      return (0..<count).map { .int(a + $0 * s) }
    }
    return (0..<count).map { .double(roundSignificant(lo + Double($0) * step)) }
  }

  private static func roundSignificant(_ x: Double) -> Double {
    guard x != 0 else { return 0 }
    let text = String(format: "%.12g", x)
    return Double(text) ?? x
  }
}
