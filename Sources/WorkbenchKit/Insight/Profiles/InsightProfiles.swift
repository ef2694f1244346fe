/// Every column of the data described per segment: numeric summaries, category shares, and what was left out and why.
///
/// Identifier columns (declared or recognised, see
/// ``InsightRoles/resolved(for:rolesPath:)``) and categorical columns that
/// look like identifiers (more than 50 distinct values and more than half
/// as many as rows) are not profiled: a share per customer id says nothing.
/// They are listed in ``skipped`` with the reason.
public struct InsightProfiles: Sendable, Equatable {
  /// The numeric columns, in table order.
  public var numeric: [NumericColumnProfile]
  /// The categorical columns, in table order.
  public var categorical: [CategoricalColumnProfile]
  /// Columns left out, in table order.
  public var skipped: [SkippedColumn]

  /// The profile of the numeric column `name`, if it was profiled.
  public func numeric(named name: String) -> NumericColumnProfile? { numeric.first { $0.column == name } }

  /// The profile of the categorical column `name`, if it was profiled.
  public func categorical(named name: String) -> CategoricalColumnProfile? { categorical.first { $0.column == name } }

  /// Distinct values above which, and above half the rows, a categorical column counts as an identifier.
  static let identifierDistinctValues = 50

  /// Why the column should not be profiled, or `nil` when it should.
  static func skipReason(_ column: Column, identifiers: [String], rows: SegmentRows) -> String? {
    if identifiers.contains(column.name) { return "identifier column" }
    guard let labels = column.labels else { return nil }
    var distinct = Set<String>()
    for (row, group) in rows.groupOfRow.enumerated() where group >= 0 {
      if let label = labels[row] { distinct.insert(label) }
    }
    guard distinct.count > identifierDistinctValues && 2 * distinct.count > rows.includedRows else { return nil }
    return "\(distinct.count) distinct values in \(rows.includedRows) rows: looks like an identifier"
  }
}
