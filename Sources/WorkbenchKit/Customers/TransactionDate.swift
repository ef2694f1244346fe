/// A calendar day of a transaction, as a count of days since 1970-01-01 (proleptic Gregorian, UTC).
///
/// Parsed from ISO 8601 `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` with an optional
/// `Z` (a space may stand for the `T`); the time of day is checked and then
/// dropped, because the aggregator counts purchase *days*. Conversion uses
/// Hinnant's `days_from_civil`, so no calendar or time-zone database is involved
/// and the result is the same on every machine.
///
/// Edge cases: month 1–12, day within the month (leap years by the Gregorian
/// rule), hour 0–23, minute and second 0–59; anything else is `nil`.
/// - SeeAlso: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013).
public struct TransactionDate: Sendable, Equatable, Comparable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public var day: Int

  /// The day `day` days after 1970-01-01.
  public init(day: Int) { self.day = day }

  /// Parses `text`; `nil` when it is not one of the accepted forms or not a real date.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= bytes.count else { return nil }
      var value = 0
      for b in bytes[from..<(from + count)] {
        guard b >= 48 && b <= 57 else { return nil }
        value = value * 10 + Int(b - 48)
      }
      return value
    }
    guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = number(0, 4), let month = number(5, 2), let dayOfMonth = number(8, 2),
      (1...12).contains(month), dayOfMonth >= 1, dayOfMonth <= Self.daysIn(month: month, year: year)
    else { return nil }
    if bytes.count > 10 {
      let end = bytes.last == UInt8(ascii: "Z") ? bytes.count - 1 : bytes.count
      guard end == 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
        bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
        let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
        hour < 24, minute < 60, second < 60
      else { return nil }
    }
    day = Self.days(year: year, month: month, day: dayOfMonth)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let z = day + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// The date `days` days later.
  public func adding(days: Int) -> TransactionDate { TransactionDate(day: day + days) }

  public static func < (lhs: TransactionDate, rhs: TransactionDate) -> Bool { lhs.day < rhs.day }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Hinnant's days_from_civil.
  private static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
