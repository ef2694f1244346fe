extension FittedPreprocessor {
  /// ``transform(_:)``, refusing an output that holds an infinite number, with the step, column and row.
  ///
  /// Why: a step that overflows (a PCA score, a power transform of huge
  /// values, a scaled value of new data far outside the fit range) would
  /// otherwise hand ∞ to the next step, where it turns into NaN and is
  /// reported as a "missing value", or reach a result file as `null`.
  /// Missing cells (NaN) are allowed: they are what steps such as `derive`
  /// produce on purpose, and later checks name them.
  /// - Complexity: O(output cells) on top of the transform.
  public func checkedTransform(_ table: DataTable, step: String) throws -> DataTable {
    let out = try transform(table)
    for column in out.columns {
      guard let numbers = column.numbers, let r = numbers.firstIndex(where: \.isInfinite) else { continue }
      throw DataError(
        Location(file: out.sourceName, line: out.line(ofRow: r), columnName: column.name),
        "\(step) produced an infinite value (an overflow) in column '\(column.name)'.",
        fix: "put a \"standard-scaler\" step before \(step), or rescale the input columns.")
    }
    return out
  }
}

extension Preprocessor {
  /// ``fit(_:context:)``, refusing fitted state that holds a number that is not finite, with the step and where.
  ///
  /// Why: what a step learned is recorded in the trial and saved to label
  /// new rows; JSON has no form for ∞ or NaN (a PCA of constant columns
  /// once gave NaN variance ratios), so such a value would be written as a
  /// silent `null` and the saved pipeline could not be read back.
  /// - Complexity: the fit, plus the size of the summary and the state.
  public func checkedFit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let fitted = try fit(table, context: context)
    let place = fitted.summary?.firstNonFinitePath(under: "summary") ?? fitted.state.firstNonFinitePath(under: "state")
    guard let place else { return fitted }
    throw DataError(
      Location(file: table.sourceName), "\(Self.name) learned a value that is not a finite number (\(place)).",
      fix: "check the step's input columns: scale them (a \"standard-scaler\" step before it), or leave constant or empty columns out.")
  }
}
