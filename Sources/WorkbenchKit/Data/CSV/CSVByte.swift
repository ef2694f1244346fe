/// The ASCII bytes the CSV reader and writer treat specially.
enum CSVByte {
  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")

  /// Whether `b` is trimmed from the ends of unquoted fields (space or tab).
  @inline(__always)
  static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab }
}
