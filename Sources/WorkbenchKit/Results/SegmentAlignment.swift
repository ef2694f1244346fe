import WorkbenchNumerics

/// Matches one clustering's segments to a reference clustering's by maximum overlap (Hungarian matching).
///
/// So that "segment 2" means the same customers in every trial of a run,
/// each trial's segments take the id of the reference segment they overlap
/// most under a one-to-one matching; segments left unmatched (a trial with
/// more segments than the reference) take the next free ids, larger first.
/// The reference's own ids are its size order (0 = largest). The result
/// depends only on the two partitions, not on how either is numbered, so
/// aligning again changes nothing.
public enum SegmentAlignment {
  /// Segment ids ordered by decreasing size, ties to the segment whose first row comes first: id → rank.
  public static func sizeOrder(_ labels: [Int?]) -> [Int: Int] {
    var size: [Int: Int] = [:]
    var first: [Int: Int] = [:]
    for (row, label) in labels.enumerated() {
      guard let label, label >= 0 else { continue }
      size[label, default: 0] += 1
      if first[label] == nil { first[label] = row }
    }
    let ordered = size.keys.sorted { a, b in size[a]! != size[b]! ? size[a]! > size[b]! : first[a]! < first[b]! }
    var rank: [Int: Int] = [:]
    for (r, id) in ordered.enumerated() { rank[id] = r }
    return rank
  }

  /// For each segment id in `labels`, its aligned id against `reference` (rows excluded in either, and noise, are ignored).
  public static func mapping(_ labels: [Int?], reference: [Int?]) -> [Int: Int] {
    let own = sizeOrder(labels)
    let theirs = sizeOrder(reference)
    var overlap = Array(repeating: Array(repeating: 0.0, count: theirs.count), count: own.count)
    for (a, b) in zip(labels, reference) {
      guard let a, let b, let i = own[a], let j = theirs[b] else { continue }
      overlap[i][j] += 1
    }
    let matched = Hungarian.maximumWeightMatching(overlap)
    var next = theirs.count
    var aligned = Array(repeating: 0, count: own.count)
    for i in 0..<own.count {
      if let j = matched[i], overlap[i][j] > 0 {
        aligned[i] = j
      } else {
        aligned[i] = next
        next += 1
      }
    }
    return own.mapValues { aligned[$0] }
  }
}
