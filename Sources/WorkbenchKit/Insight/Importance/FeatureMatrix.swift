import WorkbenchNumerics

/// The features a tree learns from: original units, missing values filled, categories as codes.
///
/// A numeric column's missing values become its median over the rows the
/// matrix is built for (the forest's imputation: trees need a value, and
/// the median keeps a skewed column's scale). A categorical column becomes
/// the index of each label in the sorted distinct labels, so a split "code
/// ≤ t" separates the categories sorted before and after a point (an
/// ordinal encoding; fine for ranking features, coarse for unordered
/// categories with many levels); a missing label becomes the most frequent
/// one (ties: the first in sorted order). Stored column by column.
struct FeatureMatrix: Sendable {
  /// The feature names, in order.
  let names: [String]
  /// One array per feature, one value per row.
  let columns: [[Double]]
  /// The sorted categories of each categorical feature (`nil` for numeric ones).
  let categories: [[String]?]
  /// Values filled in per feature: the median, or the most frequent code.
  let fillValues: [Double]

  /// Number of rows.
  var rowCount: Int { columns.first?.count ?? 0 }

  /// The features `names` of `table` at the table rows `rows`, filled and encoded from those rows.
  /// - Complexity: O(features · rows log rows).
  init(table: DataTable, names: [String], rows: [Int]) {
    var columns: [[Double]] = [], categories: [[String]?] = [], fills: [Double] = []
    for name in names {
      let column = table.column(named: name)!
      if let numbers = column.numbers {
        let values = rows.map { numbers[$0] }
        let fill = Quantile.linear(values, 0.5) ?? 0
        columns.append(values.map { $0.isNaN ? fill : $0 })
        categories.append(nil)
        fills.append(fill)
      } else {
        let labels = rows.map { column.labels![$0] }
        let levels = Array(Set(labels.compactMap { $0 })).sorted()
        var code: [String: Int] = [:]
        for (i, level) in levels.enumerated() { code[level] = i }
        var counts = Array(repeating: 0, count: levels.count)
        for label in labels { if let label { counts[code[label]!] += 1 } }
        let mode = counts.indices.max { (counts[$0], $1) < (counts[$1], $0) } ?? 0
        columns.append(labels.map { Double($0.map { code[$0]! } ?? mode) })
        categories.append(levels)
        fills.append(Double(mode))
      }
    }
    self.names = names
    self.columns = columns
    self.categories = categories
    fillValues = fills
  }

  /// The rows at `indices` (positions in this matrix), in that order.
  func selecting(rows indices: [Int]) -> FeatureMatrix {
    FeatureMatrix(names: names, columns: columns.map { c in indices.map { c[$0] } }, categories: categories, fillValues: fillValues)
  }

  private init(names: [String], columns: [[Double]], categories: [[String]?], fillValues: [Double]) {
    self.names = names
    self.columns = columns
    self.categories = categories
    self.fillValues = fillValues
  }
}
