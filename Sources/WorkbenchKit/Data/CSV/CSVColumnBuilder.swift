/// Accumulates one CSV column while its type is being inferred.
///
/// A column stays numeric while every non-missing cell parses as a number,
/// storing only `Double`s (no `String` per cell). At the first cell that does
/// not, it becomes categorical; the text of the earlier numeric cells is
/// recovered afterwards by re-reading those rows (``CSVReader`` does this
/// once for all such columns), because a number's original spelling
/// (`"007"`, `"1.50"`) cannot be rebuilt from its value.
struct CSVColumnBuilder {
  /// The cells so far while the column is numeric.
  private(set) var numbers: [Double] = []
  /// The cells once the column is categorical; rows before ``convertedAtRow`` are filled in later.
  private(set) var labels: [String?] = []
  /// Whether every non-missing cell so far is a number.
  private(set) var isNumeric = true
  /// The row whose cell made the column categorical.
  private(set) var convertedAtRow = 0

  /// A builder inferring the type, or keeping text as is when `text` (ids, codes such as "007").
  init(text: Bool = false) {
    isNumeric = !text
  }

  /// What can be wrong with one cell.
  enum CellProblem: Equatable {
    /// The text is not UTF-8.
    case invalidUTF8
    /// A number beyond the largest double, in a column of numbers.
    case overflow
  }

  /// Adds the cell `field` of `row`; returns what is wrong with it, or `nil`.
  mutating func append(_ field: CSVField, row: Int, in bytes: [UInt8]) -> CellProblem? {
    if field.isMissing(in: bytes) {
      if isNumeric { numbers.append(.nan) } else { labels.append(nil) }
      return nil
    }
    if isNumeric {
      if let value = field.number(in: bytes) {
        numbers.append(value)
        return nil
      }
      if field.overflows(in: bytes) { return .overflow }
      isNumeric = false
      convertedAtRow = row
      labels = Array(repeating: nil, count: row)
      numbers = []
    }
    guard let text = field.text(in: bytes) else { return .invalidUTF8 }
    labels.append(text)
    return nil
  }

  /// Reserves room for `rows` cells, so a column read in one go grows without copies.
  mutating func reserve(_ rows: Int) {
    if isNumeric { numbers.reserveCapacity(rows) } else { labels.reserveCapacity(rows) }
  }

  /// Makes a numeric column categorical with every row so far awaiting backfill (a later chunk held text).
  mutating func becomeCategorical() {
    guard isNumeric else { return }
    isNumeric = false
    convertedAtRow = numbers.count
    labels = Array(repeating: nil, count: numbers.count)
    numbers = []
  }

  /// Sets the text of an earlier `row` that was read while the column was numeric.
  mutating func backfill(row: Int, with text: String?) {
    precondition(!isNumeric && row < convertedAtRow, "backfill outside the converted prefix")
    labels[row] = text
  }

  /// Whether rows before ``convertedAtRow`` need their text recovered.
  var needsBackfill: Bool { !isNumeric && convertedAtRow > 0 }

  /// The finished column.
  func column(named name: String) -> Column {
    isNumeric ? .numeric(name, numbers) : .categorical(name, labels)
  }
}
