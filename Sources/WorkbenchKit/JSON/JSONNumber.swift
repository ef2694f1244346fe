/// Text forms of numbers that are stable across runs and platforms.
public enum JSONNumber {
  /// The shortest text that reads back as exactly `value` ("0.1", "3.0", "1e-05").
  ///
  /// Swift's description is the shortest round-tripping form, so equal values
  /// always print equally: byte-stable result files rely on it. Non-finite
  /// values have no JSON form; callers write `null` for them.
  public static func format(_ value: Double) -> String {
    precondition(value.isFinite, "non-finite number has no JSON form")
    return value == 0 ? "0.0" : "\(value)"
  }

  /// Like ``format(_:)`` but whole numbers have no fraction ("34", "12.5", "1e-07"), for people and CSV cells.
  public static func plain(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
    return format(value)
  }
}
