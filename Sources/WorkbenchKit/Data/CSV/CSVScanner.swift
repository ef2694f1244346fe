/// Splits CSV bytes into records of fields (RFC 4180), tracking 1-based line numbers.
///
/// A record ends at LF, CRLF or a lone CR outside quotes; inside quotes,
/// delimiters and line breaks are content, and `""` is a literal quote.
/// Empty lines between records are skipped (as pandas does). Spaces around
/// a quoted field are allowed; other text after a closing quote is an error,
/// because it almost always means the quoting is broken.
struct CSVScanner {
  /// Why the bytes are not valid CSV.
  enum Failure: Error, Equatable {
    /// A quoted field opened on `line` is never closed; `field` is 1-based.
    case unterminatedQuote(line: Int, field: Int)
    /// Text follows a closing quote on `line` before the next delimiter.
    case textAfterClosingQuote(line: Int, field: Int)
  }

  private let bytes: [UInt8]
  private let delimiter: UInt8
  /// One past the last byte this scanner reads (the end of `bytes`, or of a chunk ending after a line feed).
  private let end: Int
  /// Offset of the next unread byte.
  private(set) var position: Int
  /// 1-based line of the next unread byte.
  private(set) var line: Int

  /// A scanner over `bytes[..<end]` (all of them when `end` is `nil`) starting at `position`, which lies on `line`.
  init(_ bytes: [UInt8], delimiter: CSVDelimiter, position: Int, line: Int, end: Int? = nil) {
    self.bytes = bytes
    self.end = end ?? bytes.count
    self.delimiter = delimiter.rawValue
    self.position = position
    self.line = line
  }

  /// Reads the next record's fields into `fields`; returns its first line and byte offset, or `nil` at the end.
  mutating func nextRecord(into fields: inout [CSVField]) throws(Failure) -> (line: Int, offset: Int)? {
    let n = end
    while position < n, bytes[position] == CSVByte.newline || bytes[position] == CSVByte.carriageReturn {
      consumeLineBreak()
    }
    guard position < n else { return nil }
    let record = (line: line, offset: position)
    fields.removeAll(keepingCapacity: true)
    while true {
      let field = try scanField(number: fields.count + 1)
      fields.append(field)
      guard position < n else { return record }
      if bytes[position] == delimiter {
        position += 1
        continue
      }
      consumeLineBreak()
      return record
    }
  }

  /// Scans one field and leaves `position` on the delimiter, line break or end that follows it.
  private mutating func scanField(number: Int) throws(Failure) -> CSVField {
    let n = end
    var p = position
    while p < n, bytes[p] == CSVByte.space { p += 1 }
    guard p < n, bytes[p] == CSVByte.quote else {
      p = position
      while p < n {
        let b = bytes[p]
        if b == delimiter || b == CSVByte.newline || b == CSVByte.carriageReturn { break }
        p += 1
      }
      let field = CSVField.unquoted(bytes, position, p)
      position = p
      return field
    }
    let startLine = line
    p += 1
    let contentStart = p
    var escaped = false
    while true {
      guard p < n else { throw .unterminatedQuote(line: startLine, field: number) }
      let b = bytes[p]
      if b == CSVByte.quote {
        if p + 1 < n, bytes[p + 1] == CSVByte.quote {
          escaped = true
          p += 2
          continue
        }
        break
      }
      if b == CSVByte.newline {
        line += 1
      } else if b == CSVByte.carriageReturn, p + 1 >= n || bytes[p + 1] != CSVByte.newline {
        line += 1
      }
      p += 1
    }
    let field = CSVField(start: contentStart, end: p, isQuoted: true, hasEscapedQuotes: escaped)
    p += 1
    while p < n, bytes[p] == CSVByte.space { p += 1 }
    if p < n, bytes[p] != delimiter, bytes[p] != CSVByte.newline, bytes[p] != CSVByte.carriageReturn {
      throw .textAfterClosingQuote(line: line, field: number)
    }
    position = p
    return field
  }

  /// Steps over one LF, CRLF or lone CR and counts the line.
  private mutating func consumeLineBreak() {
    if bytes[position] == CSVByte.carriageReturn, position + 1 < end, bytes[position + 1] == CSVByte.newline {
      position += 1
    }
    position += 1
    line += 1
  }
}
