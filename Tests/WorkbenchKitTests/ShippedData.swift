import Foundation
import WorkbenchKit

/// The data sets shipped in `experiments/data/`, read from the source tree.
enum ShippedData {
  /// The repository's root folder, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `experiments/data/<name>` as a table.
  static func table(_ name: String) throws -> DataTable {
    try CSVReader().read(path: root.appendingPathComponent("experiments/data/\(name)").path)
  }

  /// Each row's index into the sorted distinct values of the categorical column `truth` (missing → nil).
  static func labels(_ table: DataTable, truth: String) -> (labels: [Int?], groups: [String]) {
    let values = table.column(named: truth)?.labels ?? []
    let groups = Array(Set(values.compactMap { $0 })).sorted()
    return (values.map { $0.flatMap { groups.firstIndex(of: $0) } }, groups)
  }
}
