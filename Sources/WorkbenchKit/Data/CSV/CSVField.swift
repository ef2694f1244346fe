/// Where one field of a CSV record lies in the file's bytes.
///
/// Quoted fields point at the text between the quotes; unquoted fields are
/// trimmed of surrounding spaces and tabs. Quoted text is kept exactly,
/// except that each `""` stands for one `"`.
struct CSVField: Equatable {
  /// First byte of the field's content.
  var start: Int
  /// One past the last byte of the content.
  var end: Int
  /// Whether the field was enclosed in double quotes.
  var isQuoted: Bool
  /// Whether the quoted content contains `""` pairs that stand for `"`.
  var hasEscapedQuotes: Bool

  /// An unquoted field over `start..<end`, trimmed of spaces and tabs.
  static func unquoted(_ bytes: [UInt8], _ start: Int, _ end: Int) -> CSVField {
    var s = start
    var e = end
    while s < e, CSVByte.isBlank(bytes[s]) { s += 1 }
    while e > s, CSVByte.isBlank(bytes[e - 1]) { e -= 1 }
    return CSVField(start: s, end: e, isQuoted: false, hasEscapedQuotes: false)
  }

  /// The content as text, or `nil` when the bytes are not valid UTF-8.
  func text(in bytes: [UInt8]) -> String? {
    guard UTF8Validation.isValid(bytes, start, end) else { return nil }
    let raw = String(decoding: bytes[start..<end], as: UTF8.self)
    guard hasEscapedQuotes else { return raw }
    return raw.replacing("\"\"", with: "\"")
  }

  /// The content as a plain decimal number (see ``CSVNumber``), or `nil`; quoted numbers count.
  func number(in bytes: [UInt8]) -> Double? {
    guard isQuoted else { return CSVNumber.parse(bytes, start, end) }
    guard !hasEscapedQuotes else { return nil }
    let trimmed = CSVField.unquoted(bytes, start, end)
    return CSVNumber.parse(bytes, trimmed.start, trimmed.end)
  }

  /// Whether the content is written as a number that lies beyond the largest double (see ``CSVNumber/overflows(_:_:_:)``).
  func overflows(in bytes: [UInt8]) -> Bool {
    let trimmed = isQuoted ? CSVField.unquoted(bytes, start, end) : self
    return CSVNumber.overflows(bytes, trimmed.start, trimmed.end)
  }

  /// Whether the cell is a missing value: empty, or `NA`, `NaN`, `N/A`, `null` in any case.
  ///
  /// Quoted fields are compared after trimming too, so `" NA "` is missing,
  /// as in pandas' default `na_values`.
  func isMissing(in bytes: [UInt8]) -> Bool {
    let cell = isQuoted ? CSVField.unquoted(bytes, start, end) : self
    return bytes.withUnsafeBufferPointer { Self.isMissingToken($0, cell.start, cell.end) }
  }

  /// Whether the trimmed cell `bytes[start..<end]` is empty or `NA`, `NaN`, `N/A`, `null` in any case.
  static func isMissingToken(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    switch end - start {
    case 0: return true
    case 2: return matches(bytes, start, "na")
    case 3: return matches(bytes, start, "nan") || matches(bytes, start, "n/a")
    case 4: return matches(bytes, start, "null")
    default: return false
    }
  }

  /// Whether the bytes at `start` spell `lowercased` ignoring ASCII case.
  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ lowercased: StaticString) -> Bool {
    let token = lowercased.utf8Start
    for k in 0..<lowercased.utf8CodeUnitCount {
      let b = bytes[start + k]
      let folded = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
      if folded != token[k] { return false }
    }
    return true
  }
}
