/// CSV text built field by field as UTF-8 bytes, quoted as ``CSVWriter`` documents.
///
/// Why bytes: a labels file of a million rows built by appending to a
/// `String` row by row (each row an array of strings) cost a quarter of a
/// second; appending bytes to one buffer costs a few milliseconds.
struct CSVLines {
  /// The text so far.
  private(set) var bytes: [UInt8] = []
  private let delimiter: UInt8
  private var atLineStart = true

  /// An empty text whose fields are separated by `delimiter`.
  init(delimiter: CSVDelimiter = .comma) {
    self.delimiter = delimiter.rawValue
  }

  /// The text as a string.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends `fields` as one line.
  mutating func appendRow(_ fields: [String]) {
    for field in fields { append(field) }
    endLine()
  }

  /// Appends one field, quoted when it contains the delimiter, a quote, a line break, or spaces or tabs at an end.
  mutating func append(_ field: String) {
    separate()
    guard needsQuotes(field) else {
      bytes.append(contentsOf: field.utf8)
      return
    }
    bytes.append(CSVByte.quote)
    for byte in field.utf8 {
      if byte == CSVByte.quote { bytes.append(CSVByte.quote) }
      bytes.append(byte)
    }
    bytes.append(CSVByte.quote)
  }

  /// Appends a whole number as a field, in decimal.
  mutating func append(_ number: Int) {
    separate()
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    var digits = 1
    var rest = number.magnitude
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    rest = number.magnitude
    for i in stride(from: start + digits - 1, through: start, by: -1) {
      bytes[i] += UInt8(rest % 10)
      rest /= 10
    }
  }

  /// Appends an empty field.
  mutating func appendEmpty() {
    separate()
  }

  /// Ends the current line.
  mutating func endLine() {
    bytes.append(CSVByte.newline)
    atLineStart = true
  }

  private mutating func separate() {
    if !atLineStart { bytes.append(delimiter) }
    atLineStart = false
  }

  private func needsQuotes(_ field: String) -> Bool {
    let utf8 = field.utf8
    if let first = utf8.first, let last = utf8.last, CSVByte.isBlank(first) || CSVByte.isBlank(last) { return true }
    return utf8.contains { $0 == delimiter || $0 == CSVByte.quote || $0 == CSVByte.newline || $0 == CSVByte.carriageReturn }
  }
}
