/// The field separator of a CSV file: comma, semicolon or tab.
public enum CSVDelimiter: UInt8, Sendable, CaseIterable, Equatable {
  /// `,`, the RFC 4180 separator.
  case comma = 0x2C
  /// `;`, common where the comma is the decimal separator.
  case semicolon = 0x3B
  /// A tab (TSV files).
  case tab = 0x09

  /// The separator as written in messages: `','`, `';'` or `tab`.
  public var displayName: String {
    switch self {
    case .comma: "','"
    case .semicolon: "';'"
    case .tab: "tab"
    }
  }

  /// The separator that occurs most often outside quotes in the first line starting at `start`.
  ///
  /// Ties and a line with no separator at all (a single column) resolve to
  /// comma, then semicolon, so detection never guesses an unusual separator
  /// without evidence.
  static func detect(in bytes: [UInt8], from start: Int) -> CSVDelimiter {
    var counts = [0, 0, 0]
    var inQuotes = false
    var i = start
    while i < bytes.count {
      let b = bytes[i]
      if b == CSVByte.quote {
        inQuotes.toggle()
      } else if !inQuotes {
        if b == CSVByte.newline || b == CSVByte.carriageReturn { break }
        if let k = allCases.firstIndex(where: { $0.rawValue == b }) { counts[k] += 1 }
      }
      i += 1
    }
    var best = 0
    for k in 1..<counts.count where counts[k] > counts[best] { best = k }
    return allCases[best]
  }
}
