import Foundation
import WorkbenchNumerics

extension CSVReader {
  /// The file at `path` as an algorithm's input: the same value and errors as `read(path:relativeTo:).clusteringInput()`, in far less memory when every cell is a number.
  ///
  /// Why: reading a table and then converting it keeps the file's bytes,
  /// the parsed columns and the row-major matrix alive together, about
  /// three times the matrix (1,000,000 × 16 numbers: 98 MB of text plus
  /// 2 × 122 MiB). When the file is a regular file of at least two chunks
  /// (``chunkBytes``), holds no `"`, no column is listed in ``textColumns``
  /// and every cell is a finite number, it is instead read a chunk at a
  /// time, twice: once to count each chunk's rows, once to parse the chunks
  /// concurrently straight into their rows of the pre-sized matrix (the
  /// first record is tried first, so a file with text costs one line). Peak
  /// memory is then the matrix plus one chunk per core. Anything else (a
  /// missing or non-numeric cell, a row with another field count, quotes,
  /// a small file) is read through the table, whose errors give the file,
  /// line and column, and whose missing values are reported as
  /// ``FitError/degenerate(_:)`` naming the column.
  /// - Complexity: O(bytes), spread over the available cores.
  public func clusteringInput(path: String, relativeTo directory: String? = nil) throws -> ClusteringInput {
    let resolved = directory.map { path.hasPrefix("/") ? path : URL(fileURLWithPath: $0).appendingPathComponent(path).path } ?? path
    if let input = numericInput(at: resolved) { return input }
    return try read(path: path, relativeTo: directory).clusteringInput()
  }

  /// The matrix read chunk by chunk, or `nil` when the file must go through the table.
  func numericInput(at path: String) -> ClusteringInput? {
    guard let file = CSVFileChunks(path: path, reader: self), firstRecordTextColumns(file)?.contains(true) == false,
      let census = file.census()
    else { return nil }
    let rowCounts = census.map(\.records)
    var starts = [0]
    for count in rowCounts { starts.append(starts[starts.count - 1] + count) }
    let firstRows = starts
    let rows = firstRows[file.count]
    let columns = file.names.count
    guard rows > 0 else { return nil }
    let parser = CSVNumericRows(delimiter: file.delimiter.rawValue, columns: columns, allowsMissing: false)
    let storage = [Double](unsafeUninitializedCapacity: rows * columns) { buffer, initialized in
      let matrix = CSVStridedDestination(base: buffer.baseAddress!, rowStride: columns, columnStride: 1)
      let complete = Parallel.map(count: file.count) { k -> Bool in
        guard let bytes = file.bytes(ofChunk: k) else { return false }
        let rows = CSVStridedDestination(base: matrix.base + firstRows[k] * columns, rowStride: columns, columnStride: 1)
        let outcome = bytes.withUnsafeBufferPointer { chunk in
          parser.parse(chunk, 0..<chunk.count, into: rows, capacity: rowCounts[k])
        }
        return outcome?.rows == rowCounts[k]
      }
      initialized = complete.allSatisfy { $0 } ? rows * columns : 0
    }
    guard storage.count == rows * columns else { return nil }
    return ClusteringInput(numeric: Matrix(rows: rows, columns: columns, storage: storage), numericNames: file.names)
  }
}
