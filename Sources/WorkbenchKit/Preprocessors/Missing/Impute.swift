/// Fills missing cells with a per-column statistic learned from the fit data.
///
/// Numeric columns (sklearn `SimpleImputer`, same statistics over the
/// non-missing cells): `mean`; `median` (the mean of the two middle values
/// for an even count); `most_frequent` (ties go to the smallest value);
/// `constant` (`fill_value`).
///
/// Categorical columns: `most_frequent` (ties go to the smallest label, as
/// sklearn) for the `mean`, `median` and `most_frequent` strategies, since a
/// mean of labels does not exist and a pipeline usually imputes numeric and
/// categorical features in one step; `constant` fills `"missing_value"`,
/// sklearn's default fill for text (`fill_value` is a number and only
/// applies to numeric columns).
///
/// Edge cases: a column with no values under a strategy that needs a
/// statistic is a ``DataError`` naming it (sklearn silently drops such a
/// column, which would shift every later column); under `constant` it is filled.
/// Means and medians never overflow, even for values near ±1e308 (``ColumnMoments``).
/// - Complexity: O(rows · columns), O(rows log rows) per column for `median` and `most_frequent`.
public struct Impute: Preprocessor {
  /// How a column's fill value is chosen.
  public enum Strategy: String, Sendable, CaseIterable {
    case mean
    case median
    case mostFrequent = "most_frequent"
    case constant
  }

  public static let name = "impute"
  public static let summary = "Fill missing cells with the column mean, median, most frequent value or a constant (sklearn SimpleImputer)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec(
      "strategy", .choice(Strategy.allCases.map(\.rawValue)), default: "mean",
      "How to choose each column's fill value; categorical columns use most_frequent unless constant."),
    ParameterSpec("fill_value", .real(minimum: -1e12, maximum: 1e12), default: 0.0, "The value for numeric columns under strategy \"constant\"."),
  ]

  /// The label written into categorical columns under ``Strategy/constant``.
  public static let constantLabel = "missing_value"

  /// How fill values are chosen.
  public var strategy: Strategy
  /// The numeric fill under ``Strategy/constant``.
  public var fillValue: Double

  /// An imputer with these settings.
  public init(strategy: Strategy = .mean, fillValue: Double = 0) {
    self.strategy = strategy
    self.fillValue = fillValue
  }

  public init(validated: Parameters) {
    self.init(strategy: validated.choice("strategy"), fillValue: validated.real("fill_value"))
  }

  /// Columns keep their place and kind; a constant fill may add the label "missing_value" to categorical columns.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    guard strategy == .constant else { return input }
    var out = input
    for i in out.columns.indices where !out.columns[i].isNumeric { out.columns[i].levels = nil }
    return out
  }

  /// Learns one fill value per column from its non-missing cells.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    try fitImputer(table)
  }

  /// Rebuilds the fill values saved by ``FittedImpute/state``.
  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "impute step")
    let fills = try saved.value("fills").array ?? []
    let columns = try saved.texts("columns")
    guard fills.count == columns.count else { throw SavedStateError(owner: "impute step", detail: "'fills' does not match 'columns'") }
    return FittedImpute(
      columnNames: columns, fills: try fills.map { fill throws(SavedStateError) in
        if let v = fill.number { return .number(v) }
        if let s = fill.string { return .label(s) }
        throw SavedStateError(owner: "impute step", detail: "a fill value is neither a number nor a label")
      }, filledCells: try saved.int("filled_cells"))
  }

  /// ``fit(_:context:)`` with its concrete result, for callers that inspect the fill values.
  public func fitImputer(_ table: DataTable) throws(DataError) -> FittedImpute {
    var fills: [FittedImpute.Fill] = []
    for column in table.columns {
      let fill: FittedImpute.Fill?
      switch column.values {
      case .numeric(let x):
        fill = numericFill(x.filter { !$0.isNaN }).map(FittedImpute.Fill.number)
      case .categorical(let x):
        fill = strategy == .constant ? .label(Self.constantLabel) : Self.mostFrequent(x.compactMap { $0 }).map(FittedImpute.Fill.label)
      }
      guard let fill else {
        throw FeatureColumns.allMissing(
          column.name, in: table, for: "impute (\(strategy.rawValue))",
          fix: "drop it from data.features, or use strategy \"constant\".")
      }
      fills.append(fill)
    }
    let missing = table.columns.reduce(0) { $0 + $1.missingCount }
    return FittedImpute(columnNames: table.columnNames, fills: fills, filledCells: missing)
  }

  private func numericFill(_ present: [Double]) -> Double? {
    if strategy == .constant { return fillValue }
    guard !present.isEmpty else { return nil }
    switch strategy {
    case .mean: return ColumnMoments(present)?.mean
    case .median:
      let sorted = present.sorted()
      let mid = sorted.count / 2
      guard sorted.count % 2 == 0 else { return sorted[mid] }
      let sum = sorted[mid - 1] + sorted[mid]
      return sum.isFinite ? sum / 2 : sorted[mid - 1] * 0.5 + sorted[mid] * 0.5
    case .mostFrequent, .constant: return Self.mostFrequent(present)
    }
  }

  /// The most common value, the smallest among ties, or `nil` when there are none.
  static func mostFrequent<T: Comparable>(_ values: [T]) -> T? {
    let sorted = values.sorted()
    var best: (value: T, count: Int)?
    var i = 0
    while i < sorted.count {
      var j = i + 1
      while j < sorted.count, sorted[j] == sorted[i] { j += 1 }
      if j - i > (best?.count ?? 0) { best = (sorted[i], j - i) }
      i = j
    }
    return best?.value
  }
}
