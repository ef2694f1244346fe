/// Which input rows are still present after each pipeline step, and which step removed the others.
///
/// Steps that drop rows (`drop-missing`, `remove-outliers`) report the
/// surviving rows through ``DataTable/sourceRows``; fitting a pipeline and
/// applying a saved one to new rows both follow them with this one type.
struct PipelineRows: Sendable {
  /// The input rows still present, in order.
  private(set) var rows: [Int]
  /// Input rows removed so far, with the step that removed them (`"2:remove-outliers"`).
  private(set) var excluded: [Int: String] = [:]

  /// All `count` input rows, none removed yet.
  init(count: Int) {
    rows = Array(0..<count)
  }

  /// Takes note of step number `position` (0-based) called `name`, whose output is `table`.
  mutating func record(_ table: DataTable, step position: Int, name: String) {
    let kept = table.sourceRows ?? rows
    guard kept.count < rows.count else { return }
    let survivors = Set(kept)
    for row in rows where !survivors.contains(row) { excluded[row] = "\(position + 1):\(name)" }
    rows = kept
  }
}
