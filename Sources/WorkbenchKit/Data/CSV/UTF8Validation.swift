/// Checks that bytes are well-formed UTF-8 before they become a `String`.
///
/// `String(decoding:as:)` silently repairs bad bytes; a data file with them
/// is usually in another encoding (Latin-1, UTF-16), which the user should
/// be told about rather than have categories quietly renamed.
enum UTF8Validation {
  /// Whether `bytes[start..<end]` is valid UTF-8 (pure ASCII takes a fast path).
  static func isValid(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
    var i = start
    while i < end, bytes[i] < 0x80 { i += 1 }
    if i == end { return true }
    var iterator = bytes[i..<end].makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }
}
