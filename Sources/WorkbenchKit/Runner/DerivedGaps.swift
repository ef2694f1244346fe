/// Derived columns a pipeline's `derive` steps left with empty cells, and why, to explain a later "missing values" failure.
///
/// Why: a `derive` expression that overflows, divides by zero or takes the
/// log of a number ≤ 0 gives a missing cell on purpose (an `impute` step
/// can fill it). When nothing does, the trial fails where the missing
/// cells are found, in a later step or at the algorithm's input; that
/// message alone ("the column 'p' has 3 missing values") hides that the
/// data had none and which expression made them.
struct DerivedGaps {
  /// Column → "derive 'p' gave no value at line 7 (an overflow (…)), 3 cells in all".
  private var notes: [String: String] = [:]

  /// Records the gaps `fitted` (when it is a derive step) leaves on `table`, the table it is about to transform.
  ///
  /// A column derived again without gaps loses its earlier note.
  mutating func record(_ fitted: any FittedPreprocessor, on table: DataTable) {
    guard let derive = fitted as? FittedDerive else { return }
    // Finding the first gap evaluates the expressions again, so only when the fit counted any.
    let gaps = derive.invalidCells.contains { $0 > 0 } ? derive.firstGaps(on: table) : [:]
    for (name, count) in zip(derive.columnNames, derive.invalidCells) {
      guard let gap = gaps[name], count > 0 else {
        notes[name] = nil
        continue
      }
      notes[name] =
        "derive '\(name)' gave no value at \(table.place(ofRow: gap.row)), \(gap.cause)"
        + (count == 1 ? "" : ", and in \(count - 1) other cell\(count == 2 ? "" : "s")")
        + "; add an \"impute\" step after it, or change the expression"
    }
  }

  /// The note for the first derived column (by name) that still holds a missing cell in `table`, or `nil`.
  func note(for table: DataTable) -> String? {
    notes.keys.sorted().first { table.column(named: $0)?.numbers?.contains(where: \.isNaN) == true }.map { notes[$0]! }
  }
}
