/// Reads a plain decimal number (`-12`, `3.5`, `.5`, `1e-3`) from the bytes of a CSV cell.
///
/// Accepted: an optional sign, digits with an optional fraction, and an
/// optional exponent (`e`/`E`, optional sign, digits). Rejected: hex,
/// `inf`, `nan` (a missing token), thousands separators, decimal commas,
/// and values that overflow to infinity. The result is the correctly
/// rounded `Double`, the same as `Double(String)`: short numbers take an
/// exact fast path (Clinger's: a mantissa below 2^53 times an exact power of
/// ten up to 10^22), the rest defer to the standard library.
/// - SeeAlso: W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990.
enum CSVNumber {
  /// The value of `bytes[start..<end]` (already trimmed), or `nil` if it is not a plain finite number.
  static func parse(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Double? {
    bytes.withUnsafeBufferPointer { parse($0, start, end) }
  }

  /// The value of `bytes[start..<end]` (already trimmed), or `nil` if it is not a plain finite number.
  @inline(__always)
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    guard let number = scan(bytes, start, end), number.end == end else { return nil }
    return number.value
  }

  /// The longest plain number at the start of `bytes[start..<end]` and where it stops, or `nil` if none starts there.
  ///
  /// Why: the chunked reader parses a cell in the same pass that finds its
  /// end, then checks that a delimiter or line break follows. `nil` also
  /// when the exponent has no digits or the value overflows; the value is
  /// the one ``parse(_:_:_:)-(UnsafeBufferPointer<UInt8>,_,_)`` gives for exactly `bytes[start..<stop]`.
  @inline(__always)
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (value: Double, end: Int)? {
    var i = start
    guard i < end else { return nil }
    var negative = false
    if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    if let plain = scanShort(bytes, i, end) { return (negative ? -plain.value : plain.value, plain.end) }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var droppedDigits = false
    var decimalExponent = 0
    var digitCount = 0
    while i < end, let d = digit(bytes[i]) {
      accumulate(d, &mantissa, &significantDigits, &droppedDigits, &decimalExponent, isFraction: false)
      digitCount += 1
      i += 1
    }
    if i < end, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < end, let d = digit(bytes[i]) {
        accumulate(d, &mantissa, &significantDigits, &droppedDigits, &decimalExponent, isFraction: true)
        digitCount += 1
        i += 1
      }
    }
    guard digitCount > 0 else { return nil }
    if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      var exponentNegative = false
      if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        exponentNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var exponent = 0
      var exponentDigits = 0
      while i < end, let d = digit(bytes[i]) {
        exponent = min(exponent * 10 + Int(d), 100_000)
        exponentDigits += 1
        i += 1
      }
      guard exponentDigits > 0 else { return nil }
      decimalExponent += exponentNegative ? -exponent : exponent
    }
    if !droppedDigits, mantissa <= 1 << 53, abs(decimalExponent) <= 22 {
      let m = Double(mantissa)
      let value = decimalExponent < 0 ? m / powersOfTen[-decimalExponent] : m * powersOfTen[decimalExponent]
      return (negative ? -value : value, i)
    }
    return slowParse(bytes, start, i).map { ($0, i) }
  }

  /// The common cell, read in one tight loop: unsigned digits with an optional fraction, no exponent, at most 19
  /// digits in all (so the mantissa cannot overflow) and within Clinger's exact range; `nil` for anything else,
  /// which ``scan(_:_:_:)`` then reads the careful way. The value is the one the careful way gives.
  @inline(__always)
  private static func scanShort(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (value: Double, end: Int)? {
    var i = start
    var mantissa: UInt64 = 0
    var digits = 0
    while i < end, bytes[i] &- UInt8(ascii: "0") < 10 {
      mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- UInt8(ascii: "0"))
      digits += 1
      i += 1
    }
    var fractionDigits = 0
    if i < end, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < end, bytes[i] &- UInt8(ascii: "0") < 10 {
        mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- UInt8(ascii: "0"))
        fractionDigits += 1
        i += 1
      }
    }
    digits += fractionDigits
    guard digits > 0, digits <= 19, mantissa <= 1 << 53, fractionDigits <= 22,
      i == end || (bytes[i] != UInt8(ascii: "e") && bytes[i] != UInt8(ascii: "E"))
    else { return nil }
    let m = Double(mantissa)
    return (fractionDigits == 0 ? m : m / powersOfTen[fractionDigits], i)
  }

  /// Exact powers of ten representable as `Double`.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  @inline(__always)
  private static func digit(_ b: UInt8) -> UInt64? {
    b &- UInt8(ascii: "0") < 10 ? UInt64(b &- UInt8(ascii: "0")) : nil
  }

  /// Adds one digit to the mantissa, keeping at most 19 significant digits.
  @inline(__always)
  private static func accumulate(
    _ d: UInt64, _ mantissa: inout UInt64, _ significantDigits: inout Int, _ droppedDigits: inout Bool,
    _ decimalExponent: inout Int, isFraction: Bool
  ) {
    if significantDigits < 19 {
      mantissa = mantissa * 10 + d
      if mantissa > 0 { significantDigits += 1 }
      if isFraction { decimalExponent -= 1 }
    } else {
      if d != 0 { droppedDigits = true }
      if !isFraction { decimalExponent += 1 }
    }
  }

  /// Whether `text` is a number written with a decimal comma (`12,5`, `-0,75`), as spreadsheets in many locales export it.
  static func hasDecimalComma(_ text: String) -> Bool {
    let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
    let parts = body.split(separator: ",", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
  }

  /// Whether `bytes[start..<end]` (trimmed) is written as a decimal number but lies beyond ±1.8e308, the largest double.
  ///
  /// Why: such a cell ("5.1e400") is not a number the reader can hold; it is
  /// reported as an overflow where it stands instead of silently making its
  /// column categorical. Underflow ("1e-400") is not an error: it reads as 0.
  static func overflows(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
    guard start < end, bytes[start..<end].contains(where: { digit($0) != nil }),
      bytes[start..<end].allSatisfy({ digit($0) != nil || "+-.eE".utf8.contains($0) })
    else { return false }
    return Double(String(decoding: bytes[start..<end], as: UTF8.self))?.isInfinite ?? false
  }

  /// The careful path for long mantissas and large exponents, outlined because it is rare.
  @inline(never)
  private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }
}
