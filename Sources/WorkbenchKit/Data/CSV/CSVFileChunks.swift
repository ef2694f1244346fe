import Foundation
import WorkbenchNumerics

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
    let descriptor = openForReading(path)
    guard descriptor >= 0 else { return nil }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > 2 * reader.chunkBytes,
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

  /// What a chunk holds: its records and line breaks (LF, CRLF or lone CR, each counted once).
  struct Census: Sendable {
    var records: Int
    var lineBreaks: Int
  }

  /// Every chunk's census, read concurrently, or `nil` when a chunk holds a `"` or cannot be read.
  func census() -> [Census]? {
    let counts: [Census?] = Parallel.map(count: count) { k in
      guard let bytes = self.bytes(ofChunk: k), !Self.containsQuote(bytes) else { return nil }
      return bytes.withUnsafeBufferPointer(Self.census)
    }
    let all = counts.compactMap { $0 }
    return all.count == count ? all : nil
  }

  /// Whether `bytes` hold a `"`.
  static func containsQuote(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, Int32(CSVByte.quote), raw.count) != nil } ?? false }
  }

  /// The records and line breaks of quote-free `chunk`, which starts after a line feed.
  ///
  /// A record starts at each byte other than LF or CR that follows one (or
  /// starts the chunk); a line break is an LF, or a CR not followed by LF
  /// (line breaks = LFs + CRs − LFs preceded by CR). Why: this pass sizes
  /// the table before any number is parsed, so it must cost little next to
  /// parsing; 8 bytes are classified at a time with exact zero-byte tests
  /// on a 64-bit word, each byte's answer in its high bit, and counted in
  /// per-byte lanes emptied before they can overflow.
  /// - Complexity: O(bytes).
  static func census(_ chunk: UnsafeBufferPointer<UInt8>) -> Census {
    let n = chunk.count
    guard let base = chunk.baseAddress else { return Census(records: 0, lineBreaks: 0) }
    let low: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    /// The high bit of each byte of `word` that equals `byte`.
    @inline(__always) func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
      let t = word ^ (low &* UInt64(byte))
      return ~(((t & ~high) &+ ~high) | t) & high
    }
    /// The sum of the eight byte lanes of `lanes`.
    @inline(__always) func laneSum(_ lanes: UInt64) -> Int {
      let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
      return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }
    var records = 0
    var lineBreaks = 0
    var previousBreak: UInt64 = 0x80
    var previousCR: UInt64 = 0
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= n {
      var recordLanes: UInt64 = 0
      var breakLanes: UInt64 = 0
      var steps = 0
      while steps < 127, i + 8 <= n {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        let lf = equal(word, CSVByte.newline)
        let cr = equal(word, CSVByte.carriageReturn)
        let isBreak = lf | cr
        let afterBreak = (isBreak << 8) | previousBreak
        let afterCR = (cr << 8) | previousCR
        recordLanes &+= (~isBreak & afterBreak & high) >> 7
        breakLanes &+= (lf >> 7) &+ (cr >> 7) &- ((lf & afterCR) >> 7)
        previousBreak = isBreak >> 56
        previousCR = cr >> 56
        i += 8
        steps += 1
      }
      records += laneSum(recordLanes)
      lineBreaks += laneSum(breakLanes)
    }
    var afterBreak = previousBreak != 0
    var afterCR = previousCR != 0
    while i < n {
      let b = base[i]
      let isBreak = b == CSVByte.newline || b == CSVByte.carriageReturn
      records += !isBreak && afterBreak ? 1 : 0
      lineBreaks += (b == CSVByte.newline && !afterCR) || b == CSVByte.carriageReturn ? 1 : 0
      afterBreak = isBreak
      afterCR = b == CSVByte.carriageReturn
      i += 1
    }
    return Census(records: records, lineBreaks: lineBreaks)
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

/// Opens `path` for reading (a descriptor, or -1 with `errno` set) without waiting for a writer.
///
/// A plain `open` of a named pipe no process writes to blocks forever, so a
/// data path naming one would hang the tool. Opening with `O_NONBLOCK`
/// returns at once; the flag is then cleared, so reads block as usual: a pipe
/// with a writer (`<(zcat data.csv.gz)`) is read to its end, one without
/// reads as empty and the reader reports an empty file.
func openForReading(_ path: String) -> Int32 {
  let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
  guard descriptor >= 0 else { return descriptor }
  let flags = fcntl(descriptor, F_GETFL)
  if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
  return descriptor
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
