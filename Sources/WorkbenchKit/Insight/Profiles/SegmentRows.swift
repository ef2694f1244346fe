/// The rows of a segmentation grouped by segment: the shape every insight piece starts from.
///
/// Segments are the distinct labels in increasing order, so noise (−1), when
/// present, is the first group; rows whose label is `nil` (excluded by a
/// pipeline step) belong to no group and are only counted. Groups are
/// numbered `0..<count` in that order; ``groupOfRow`` maps each row to its
/// group (−1 = excluded).
/// - Complexity: O(rows) to build, plus O(segments · log) to sort the labels.
public struct SegmentRows: Sendable, Equatable {
  /// The segment ids (labels) in increasing order; −1 is noise.
  public let ids: [Int]
  /// Each segment's row indices, ascending.
  public let rows: [[Int]]
  /// For each input row, its group index into ``ids``, or −1 when the row was excluded.
  public let groupOfRow: [Int]
  /// Rows in the input, excluded ones included.
  public let totalRows: Int
  /// Rows with a label (noise included).
  public let includedRows: Int

  /// The grouping of `labels` (one per row; −1 = noise, `nil` = excluded). Labels below −1 are a programmer error.
  public init(labels: [Int?]) {
    precondition(labels.allSatisfy { ($0 ?? 0) >= -1 }, "segment labels are −1 (noise) or from 0 upward")
    // Segment ids are small (below the row count, as a clustering's are): an array indexed by id + 1 finds each row's
    // group; larger ids, from a labels file, go through a dictionary.
    let largest = labels.reduce(-1) { max($0, $1 ?? -1) }
    let ids: [Int]
    let group: (Int) -> Int
    if largest <= max(labels.count, 1_024) {
      var present = [Bool](repeating: false, count: largest + 2)
      for label in labels { if let label { present[label + 1] = true } }
      ids = present.indices.filter { present[$0] }.map { $0 - 1 }
      var indexOfId = [Int](repeating: -1, count: largest + 2)
      for (i, id) in ids.enumerated() { indexOfId[id + 1] = i }
      group = { indexOfId[$0 + 1] }
    } else {
      ids = Array(Set(labels.compactMap { $0 })).sorted()
      let indexOfId = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
      group = { indexOfId[$0]! }
    }
    var rows = Array(repeating: [Int](), count: ids.count)
    var groupOfRow = Array(repeating: -1, count: labels.count)
    for (row, label) in labels.enumerated() {
      guard let label else { continue }
      let g = group(label)
      groupOfRow[row] = g
      rows[g].append(row)
    }
    self.ids = ids
    self.rows = rows
    self.groupOfRow = groupOfRow
    totalRows = labels.count
    includedRows = rows.reduce(0) { $0 + $1.count }
  }

  /// Number of segments (noise counts as one).
  public var count: Int { ids.count }

  /// Rows excluded by a pipeline step (label `nil`).
  public var excludedRows: Int { totalRows - includedRows }

  /// Rows in each segment, in ``ids`` order.
  public var sizes: [Int] { rows.map(\.count) }

  /// The group index of noise, when present.
  public var noiseGroup: Int? { ids.first == -1 ? 0 : nil }

  /// The groups that are real segments (noise left out), in order.
  public var segmentGroups: [Int] { ids.indices.filter { ids[$0] >= 0 } }

  /// `labels` as group indices for the included rows only, in row order (the classes a classifier learns).
  public var includedGroups: [Int] { groupOfRow.filter { $0 >= 0 } }

  /// The included row indices, ascending.
  public var includedRowIndices: [Int] { groupOfRow.indices.filter { groupOfRow[$0] >= 0 } }
}
