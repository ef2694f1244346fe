import Foundation

/// Reads a CSV file into a ``DataTable``, inferring each column's type.
///
/// Format: RFC 4180 quoting (`""` escapes; delimiters and line breaks inside
/// quotes), LF, CRLF or CR line ends, an optional UTF-8 byte-order mark, and
/// a required header row. The delimiter (`,` `;` or tab) is detected from
/// the header line unless given. Empty lines are skipped.
///
/// Cells: unquoted cells are trimmed of spaces and tabs. Empty cells and
/// `NA`, `NaN`, `N/A`, `null` (any case, trimmed, quoted or not) are missing.
/// A column is numeric when every non-missing cell is a plain decimal number
/// (see ``CSVNumber``), otherwise categorical; an all-missing column is numeric
/// (all NaN). Each row keeps the 1-based line it starts on (header = line 1).
///
/// Errors are ``DataError``s located by file, line and field number: missing
/// or unreadable file, empty file, header only, empty or duplicate header
/// names, a one-column header holding another separator (`|`), a row with
/// the wrong number of fields, an unterminated quote (at the line where the
/// field opened), text after a closing quote, invalid UTF-8 (naming the
/// byte), a number beyond ±1.8e308 in a numeric column.
/// - Complexity: O(bytes); numeric cells are parsed from bytes without a `String` each.
public struct CSVReader: Sendable {
  /// The separator, or `nil` to detect it from the header line.
  public var delimiter: CSVDelimiter?
  /// Columns read as text whatever they hold, so ids such as `007` keep their spelling.
  public var textColumns: Set<String>
  /// Bytes per chunk when rows are parsed concurrently (see ``readInChunks``); a constant, so the split never depends on the machine.
  var chunkBytes = 4 << 20

  /// A reader using `delimiter` (detected when `nil`) that keeps `textColumns` as text.
  public init(delimiter: CSVDelimiter? = nil, textColumns: Set<String> = []) {
    self.delimiter = delimiter
    self.textColumns = textColumns
  }

  /// Reads the file at `path`; relative paths are resolved against `directory` when given.
  ///
  /// The table's ``DataTable/sourceName`` and error locations use `path` as given.
  /// A large numbers-only file is read a chunk at a time straight into its
  /// columns, never holding all its bytes (see ``readFileInChunks(_:sourceName:)``);
  /// any other file is read whole. The table is the same either way.
  public func read(path: String, relativeTo directory: String? = nil) throws(DataError) -> DataTable {
    let resolved = directory.map { path.hasPrefix("/") ? path : URL(fileURLWithPath: $0).appendingPathComponent(path).path } ?? path
    if let file = CSVFileChunks(path: resolved, reader: self), let table = readFileInChunks(file, sourceName: path) {
      return table
    }
    return try read(bytes: try Self.contents(of: resolved, shownAs: path), sourceName: path)
  }

  /// Reads CSV `bytes`; `sourceName` names them in errors and in the table.
  public func read(bytes: [UInt8], sourceName: String) throws(DataError) -> DataTable {
    let file = Location(file: sourceName)
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    guard bytes[start...].contains(where: { !CSVByte.isBlank($0) && $0 != CSVByte.newline && $0 != CSVByte.carriageReturn })
    else {
      throw DataError(file, "the file is empty.", fix: "export the data again with a header row and at least one data row.")
    }
    let separator = delimiter ?? CSVDelimiter.detect(in: bytes, from: start)
    var scanner = CSVScanner(bytes, delimiter: separator, position: start, line: 1)
    var fields: [CSVField] = []
    guard let header = try scan(&scanner, into: &fields, names: [], file: file) else {
      throw DataError(file, "the file is empty.", fix: "export the data again with a header row and at least one data row.")
    }
    let names = try headerNames(fields, line: header.line, bytes: bytes, file: file)
    if let table = readInChunks(
      bytes, from: scanner.position, line: scanner.line, names: names, delimiter: separator, sourceName: sourceName)
    {
      return table
    }
    var builders = names.map { CSVColumnBuilder(text: textColumns.contains($0)) }
    var lines: [Int] = []
    var offsets: [Int] = []
    while let record = try scan(&scanner, into: &fields, names: names, file: file) {
      guard fields.count == names.count else {
        throw DataError(
          Location(file: sourceName, line: record.line),
          "expected \(names.count) fields, as in the header, but found \(fields.count).",
          fix: "quote values that contain the delimiter \(separator.displayName) (\"a\(Character(Unicode.Scalar(separator.rawValue)))b\"), "
            + "and give every row exactly \(names.count) fields.")
      }
      let row = lines.count
      for c in 0..<fields.count {
        switch builders[c].append(fields[c], row: row, in: bytes) {
        case nil: continue
        case .invalidUTF8: throw invalidUTF8(fields[c], in: bytes, line: record.line, column: c, names: names, file: sourceName)
        case .overflow:
          let text = String(decoding: bytes[fields[c].start..<fields[c].end], as: UTF8.self)
          throw DataError(
            Location(file: sourceName, line: record.line, column: c + 1, columnName: names[c]),
            "the number '\(MessageText.excerpt(text))' is beyond the largest a double can hold (±1.8e308).",
            fix: "correct the value, or rescale the column in the file (divide it by a power of ten).")
        }
      }
      lines.append(record.line)
      offsets.append(record.offset)
    }
    guard !lines.isEmpty else {
      throw DataError(file, "the file has a header but no data rows.", fix: "check that the right file was exported; it needs at least one data row.")
    }
    try backfill(&builders, offsets: offsets, lines: lines, bytes: bytes, delimiter: separator, names: names, file: file)
    let columns = zip(names, builders).map { name, builder in builder.column(named: name) }
    return DataTable(columns: columns, sourceLines: lines, sourceName: sourceName)
  }

  /// The next record, with scanner failures turned into located errors.
  func scan(
    _ scanner: inout CSVScanner, into fields: inout [CSVField], names: [String], file: Location
  ) throws(DataError) -> (line: Int, offset: Int)? {
    do {
      return try scanner.nextRecord(into: &fields)
    } catch {
      func place(_ line: Int, _ field: Int) -> Location {
        Location(file: file.file, line: line, column: field, columnName: field <= names.count ? names[field - 1] : nil)
      }
      switch error {
      case .unterminatedQuote(let line, let field):
        throw DataError(
          place(line, field), "a quoted field starts here but its closing quote is missing.",
          fix: "close the field with \"; write a quote inside a quoted field as \"\".")
      case .textAfterClosingQuote(let line, let field):
        throw DataError(
          place(line, field), "text follows the closing quote of a quoted field.",
          fix: "put the whole value inside the quotes, and write a quote inside it as \"\".")
      }
    }
  }

  /// Header names, trimmed; empty, duplicate and non-UTF-8 names are errors naming the column.
  func headerNames(_ fields: [CSVField], line: Int, bytes: [UInt8], file: Location) throws(DataError) -> [String] {
    var names: [String] = []
    for (i, field) in fields.enumerated() {
      guard let raw = field.text(in: bytes) else { throw invalidUTF8(field, in: bytes, line: line, column: i, names: [], file: file.file) }
      let name = raw.trimmingCharacters(in: .whitespaces)
      let location = Location(file: file.file, line: line, column: i + 1, columnName: name.isEmpty ? nil : name)
      guard !name.isEmpty else {
        throw DataError(location, "column \(i + 1) has an empty header name.", fix: "give every column a name in the header row.")
      }
      if let first = names.firstIndex(of: name) {
        throw DataError(
          location, "the header name '\(name)' is used by columns \(first + 1) and \(i + 1).",
          fix: "rename one of them so every column name is unique.")
      }
      names.append(name)
    }
    if names.count == 1, let separator = Self.unsupportedSeparators.first(where: { names[0].contains($0) }) {
      throw DataError(
        Location(file: file.file, line: line),
        "the header is a single column, '\(MessageText.excerpt(names[0]))': the file seems to separate its fields with '\(separator)', "
          + "but the reader takes ',', ';' or a tab.",
        fix: "export the file with commas (or semicolons or tabs) between fields, e.g. `tr '\(separator)' ','` when no field contains a comma.")
    }
    return names
  }

  /// Separators people use that the reader does not: a one-column header containing one is reported once, by name.
  static let unsupportedSeparators: [Character] = ["|", ":", "^"]

  /// Recovers the text of cells read before their column turned categorical, in one pass over those rows.
  func backfill(
    _ builders: inout [CSVColumnBuilder], offsets: [Int], lines: [Int], bytes: [UInt8], delimiter: CSVDelimiter,
    names: [String], file: Location
  ) throws(DataError) {
    let pending = builders.indices.filter { builders[$0].needsBackfill }
    guard let lastRow = pending.map({ builders[$0].convertedAtRow }).max() else { return }
    var fields: [CSVField] = []
    for row in 0..<lastRow {
      var scanner = CSVScanner(bytes, delimiter: delimiter, position: offsets[row], line: lines[row])
      _ = try scan(&scanner, into: &fields, names: names, file: file)
      for c in pending where row < builders[c].convertedAtRow {
        let field = fields[c]
        if field.isMissing(in: bytes) { continue }
        guard let text = field.text(in: bytes) else { throw invalidUTF8(field, in: bytes, line: lines[row], column: c, names: names, file: file.file) }
        builders[c].backfill(row: row, with: text)
      }
    }
  }

  /// The error for `field`, whose bytes are not UTF-8, naming the first bad byte in hex.
  private func invalidUTF8(_ field: CSVField, in bytes: [UInt8], line: Int, column: Int, names: [String], file: String?) -> DataError {
    let offset = UTF8Validation.firstInvalidOffset(bytes, field.start, field.end) ?? field.start
    let byte = "0x" + String(bytes[min(offset, bytes.count - 1)], radix: 16, uppercase: true)
    return DataError(
      Location(file: file, line: line, column: column + 1, columnName: column < names.count ? names[column] : nil),
      "the file is not UTF-8: the byte \(byte) cannot start a UTF-8 character (it was probably saved as Latin-1 or Windows-1252).",
      fix: "save the file as UTF-8 (for example 'CSV UTF-8' in a spreadsheet's Save As, or `iconv -f WINDOWS-1252 -t UTF-8`).")
  }

  /// The file's bytes, or a located error saying why they cannot be read.
  private static func contents(of path: String, shownAs name: String) throws(DataError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DataError(Location(file: name), "no such file.", fix: "check the path; it is relative to the spec file.")
    }
    guard !isDirectory.boolValue else {
      throw DataError(Location(file: name), "this is a directory, not a data file.", fix: "name the CSV file inside it.")
    }
    guard let bytes = readFileOrPipe(path) ?? FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
      throw DataError(Location(file: name), "the file cannot be read.", fix: "check that you have permission to read it.")
    }
    return bytes
  }
}

/// A regular file's bytes read straight into an array (no intermediate `Data` copy), or a named pipe's bytes up to its
/// end; `nil` for other files (devices, sockets) or on failure.
private func readFileOrPipe(_ path: String) -> [UInt8]? {
  let descriptor = openForReading(path)
  guard descriptor >= 0 else { return nil }
  defer { close(descriptor) }
  var info = stat()
  guard fstat(descriptor, &info) == 0 else { return nil }
  switch info.st_mode & S_IFMT {
  case S_IFREG: return readFileBytes(descriptor, offset: 0, count: Int(info.st_size))
  case S_IFIFO: return (try? FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd()).map { [UInt8]($0) } ?? []
  default: return nil
  }
}
