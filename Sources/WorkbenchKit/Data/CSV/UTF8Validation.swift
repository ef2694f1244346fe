/// Checks that bytes are well-formed UTF-8 before they become a `String`.
///
/// `String(decoding:as:)` silently repairs bad bytes; a data file with them
/// is usually in another encoding (Latin-1, UTF-16), which the user should
/// be told about rather than have categories quietly renamed.
enum UTF8Validation {
  /// Whether `bytes[start..<end]` is valid UTF-8 (pure ASCII takes a fast path).
  static func isValid(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
    firstInvalidOffset(bytes, start, end) == nil
  }

  /// The offset of the first byte of `bytes[start..<end]` that does not begin a valid UTF-8 sequence, or `nil` when all is valid.
  static func firstInvalidOffset(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
    var i = start
    while i < end, bytes[i] < 0x80 { i += 1 }
    if i == end { return nil }
    var iterator = bytes[i..<end].makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): i += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return i
      }
    }
  }
}
