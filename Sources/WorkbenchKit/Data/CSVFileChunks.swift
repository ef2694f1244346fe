import Foundation

/// A large quote-free CSV file seen as its header and chunks of whole records, each read only when asked for.
///
/// Why: holding a whole file's bytes while its numbers are parsed costs as
/// much memory as the text, and reading it before parsing leaves the other
/// cores idle. Chunks are cut just after a line feed at or beyond every
/// `chunkBytes` after the header (the cuts ``CSVReader`` uses in memory), and
/// each is read with `pread` when a worker needs it, so several can be read
/// and parsed at once and none is kept. Only files the fast readers can
/// take are opened: a regular file whose header holds no `"`, ends in a line
/// feed within its first MiB and has valid, unique names, followed by at
/// least two chunks; anything else gives `nil`, and the caller reads the
/// file the general way, which reports what is wrong. A `"` inside a chunk
/// is found by the caller (``containsQuote(_:)``) when it reads it.
final class CSVFileChunks: Sendable {
  /// Header names, trimmed.
  let names: [String]
  /// The separator, given or detected from the header line.
  let delimiter: CSVDelimiter
  /// The 1-based line of the first byte after the header.
  let firstDataLine: Int
  /// Chunk `k` is `bounds[k]..<bounds[k + 1]`; the first starts after the header, the last ends at the file's end.
  let bounds: [Int]
  private let descriptor: Int32

  /// The file at `path` split for `reader`, or `nil` when it must be read the general way.
  init?(path: String, reader: CSVReader) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      let head = readFileBytes(descriptor, offset: 0, count: min(Int(info.st_size), 1 << 20)), !Self.containsQuote(head)
    else {
      close(descriptor)
      return nil
    }
    let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let separator = reader.delimiter ?? CSVDelimiter.detect(in: head, from: start)
    var scanner = CSVScanner(head, delimiter: separator, position: start, line: 1)
    var fields: [CSVField] = []
    guard let record = try? scanner.nextRecord(into: &fields), scanner.position < head.count,
      head[scanner.position - 1] == CSVByte.newline,
      let names = try? reader.headerNames(fields, line: record.line, bytes: head, file: Location()),
      Int(info.st_size) - scanner.position >= 2 * reader.chunkBytes
    else {
      close(descriptor)
      return nil
    }
    let bounds = Self.bounds(descriptor, from: scanner.position, size: Int(info.st_size), chunkBytes: reader.chunkBytes)
    guard bounds.count > 2 else {
      close(descriptor)
      return nil
    }
    self.descriptor = descriptor
    self.names = names
    self.delimiter = separator
    self.firstDataLine = scanner.line
    self.bounds = bounds
  }

  deinit { close(descriptor) }

  /// Number of chunks (at least two).
  var count: Int { bounds.count - 1 }

  /// The bytes of chunk `k`, or `nil` when they cannot be read.
  func bytes(ofChunk k: Int) -> [UInt8]? {
    readFileBytes(descriptor, offset: bounds[k], count: bounds[k + 1] - bounds[k])
  }

  /// Whether `bytes` hold a `"`.
  static func containsQuote(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, Int32(CSVByte.quote), raw.count) != nil } ?? false }
  }

  /// The records in quote-free `bytes` that start after a line break: non-empty runs between LF or CR bytes.
  static func recordCount(_ chunk: UnsafeBufferPointer<UInt8>) -> Int {
    guard let first = chunk.first else { return 0 }
    var count = first == CSVByte.newline || first == CSVByte.carriageReturn ? 0 : 1
    for i in 1..<chunk.count {
      let isBreak = chunk[i] == CSVByte.newline || chunk[i] == CSVByte.carriageReturn
      let afterBreak = chunk[i - 1] == CSVByte.newline || chunk[i - 1] == CSVByte.carriageReturn
      count &+= !isBreak && afterBreak ? 1 : 0
    }
    return count
  }

  /// Chunk starts from `start`, cut just after a line feed at or beyond every `chunkBytes`, then `size`.
  private static func bounds(_ descriptor: Int32, from start: Int, size: Int, chunkBytes: Int) -> [Int] {
    var bounds = [start]
    var cut = start + chunkBytes
    while cut < size, let next = lineStart(descriptor, atOrAfter: cut, size: size), next < size {
      bounds.append(next)
      cut = next + chunkBytes
    }
    bounds.append(size)
    return bounds
  }

  /// The first offset at or after `cut` that follows a line feed, or `nil` when none does.
  private static func lineStart(_ descriptor: Int32, atOrAfter cut: Int, size: Int) -> Int? {
    let window = 1 << 16
    var offset = cut - 1
    while offset < size {
      guard let bytes = readFileBytes(descriptor, offset: offset, count: min(window, size - offset)) else { return nil }
      if let i = bytes.firstIndex(of: CSVByte.newline) { return offset + i + 1 }
      offset += bytes.count
    }
    return nil
  }
}

/// `count` bytes of the open file from `offset`, or `nil` when they cannot all be read.
func readFileBytes(_ descriptor: Int32, offset: Int, count: Int) -> [UInt8]? {
  var complete = true
  let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, read in
    guard let base = buffer.baseAddress else { return }
    while read < count {
      let got = pread(descriptor, base + read, count - read, off_t(offset + read))
      guard got > 0 else {
        complete = false
        return
      }
      read += got
    }
  }
  return complete ? bytes : nil
}
