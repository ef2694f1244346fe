/// The numbers of one chunk of rows, column after column, in memory the reader manages itself.
///
/// Why: a chunk's columns are written through one pointer while the row
/// count is still unknown (at most `capacity`), then copied once into the
/// table's columns; a `[Double]` per column could not be filled that way.
/// Immutable once ``rows`` is set, which makes sharing it across chunks safe.
final class CSVNumericBlock: @unchecked Sendable {
  /// Rows of room per column; column `c` starts at `values + c * capacity`.
  let capacity: Int
  /// The cells, `capacity × columns`, column-major.
  let values: UnsafeMutablePointer<Double>
  /// Rows written.
  var rows = 0

  /// Room for `capacity` rows of `columns` numbers (uninitialised).
  init(capacity: Int, columns: Int) {
    self.capacity = capacity
    values = .allocate(capacity: max(capacity * columns, 1))
  }

  deinit { values.deallocate() }
}
