/// How far two segmentations of (partly) the same customers agree: matched by id, then compared row by row.
///
/// Rows are matched by id; a row counts as shared when both segmentations
/// label it (rows a pipeline step excluded are left out; noise, −1, is a
/// segment of its own, as scikit-learn's `adjusted_rand_score` treats it).
/// On the shared rows: the adjusted Rand index and the contingency table.
/// Segments are then matched one to one by overlap (``SegmentAlignment``,
/// Hungarian) and each segment's share of its own run's clustered rows is
/// compared with its match's, an unmatched segment against a share of 0.
/// Symmetric in what it measures (ARI, largest shift); tables are first × second.
/// - Complexity: O(rows · log rows + k³).
public struct SegmentAgreement: Sendable {
  /// One segment matched across the two segmentations, with both shares.
  public struct Shift: Sendable, Equatable {
    /// The segment in the first segmentation, nil when this is a second-only segment.
    public var first: Int?
    /// Its match in the second, nil when unmatched.
    public var second: Int?
    /// Share of the first run's clustered rows (0 when `first` is nil).
    public var firstShare: Double
    /// Share of the second run's clustered rows (0 when `second` is nil).
    public var secondShare: Double
    /// |secondShare − firstShare|.
    public var shift: Double { abs(secondShare - firstShare) }
  }

  /// Rows both segmentations label, matched by id.
  public let sharedRows: Int
  /// Ids only in the first, and only in the second.
  public let onlyFirst: Int
  public let onlySecond: Int
  /// Adjusted Rand index on the shared rows; nil when there are none.
  public let adjustedRandIndex: Double?
  /// The contingency table on the shared rows: first segments × second segments.
  public let table: PartitionComparison
  /// Every segment of either side with its match, first's segments in order, then the second's unmatched ones.
  public let shifts: [Shift]

  /// The largest share shift (0 when there are no segments).
  public var largestShift: Double { shifts.map(\.shift).max() ?? 0 }

  /// Compares `first` with `second`.
  public init(_ first: IdentifiedLabels, _ second: IdentifiedLabels) {
    var secondRow: [String: Int] = [:]
    for (row, id) in second.ids.enumerated() { secondRow[id] = row }
    var a: [Int] = []
    var b: [Int] = []
    var matchedIds = 0
    for (row, id) in first.ids.enumerated() {
      guard let other = secondRow[id] else { continue }
      matchedIds += 1
      guard let x = first.labels[row], let y = second.labels[other] else { continue }
      a.append(x)
      b.append(y)
    }
    sharedRows = a.count
    onlyFirst = first.ids.count - matchedIds
    onlySecond = second.ids.count - matchedIds
    table = PartitionComparison(a, b)
    adjustedRandIndex = a.isEmpty ? nil : table.adjustedRandIndex
    // Alignment ids are the reference's size ranks on the shared rows; a first segment with no shared row has none.
    let mapping = SegmentAlignment.mapping(b.map(Optional.some), reference: a.map(Optional.some))
    let rank = SegmentAlignment.sizeOrder(a.map(Optional.some))
    let firstShares = Self.shares(first.labels)
    let secondShares = Self.shares(second.labels)
    var shifts: [Shift] = []
    for segment in firstShares.keys.sorted() {
      let match = rank[segment].flatMap { r in mapping.keys.sorted().first { mapping[$0] == r } }
      shifts.append(Shift(first: segment, second: match, firstShare: firstShares[segment]!, secondShare: match.flatMap { secondShares[$0] } ?? 0))
    }
    let matched = Set(shifts.compactMap(\.second))
    for segment in secondShares.keys.sorted() where !matched.contains(segment) {
      shifts.append(Shift(first: nil, second: segment, firstShare: 0, secondShare: secondShares[segment]!))
    }
    self.shifts = shifts
  }

  /// Each segment's share of the clustered rows (noise and excluded rows aside), by segment.
  static func shares(_ labels: [Int?]) -> [Int: Double] {
    var counts: [Int: Int] = [:]
    for case let label? in labels where label >= 0 { counts[label, default: 0] += 1 }
    let total = Double(counts.values.reduce(0, +))
    return counts.mapValues { Double($0) / total }
  }
}
