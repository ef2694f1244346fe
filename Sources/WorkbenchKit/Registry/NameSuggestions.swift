/// Finds the known names closest to a misspelt one, for "did you mean" hints.
public enum NameSuggestions {
  /// Up to `limit` names from `candidates` within a small edit distance of `name`, nearest first.
  public static func nearest(to name: String, in candidates: [String], limit: Int = 3) -> [String] {
    let target = Array(name.lowercased())
    let scored = candidates.map { candidate -> (String, Int) in
      let c = Array(candidate.lowercased())
      let distance = editDistance(target, c)
      let containment = candidate.lowercased().contains(name.lowercased()) || name.lowercased().contains(candidate.lowercased())
      return (candidate, containment ? min(distance, 1) : distance)
    }
    let threshold = max(2, target.count / 2)
    return scored.filter { $0.1 <= threshold }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
  }

  /// " Did you mean 'a' or 'b'?" for the names nearest to `name`, or "" when none is near: the one wording of the hint.
  public static func hint(for name: String, in candidates: [String]) -> String {
    let near = nearest(to: name, in: candidates).map { "'\($0)'" }
    guard let last = near.last else { return "" }
    let list = near.count == 1 ? last : near.dropLast().joined(separator: ", ") + " or " + last
    return " Did you mean \(list)?"
  }

  /// Levenshtein distance (insertions, deletions, substitutions each cost 1).
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

extension StringProtocol {
  /// The text with its first letter in lower case ("Did you mean …?" inside parentheses).
  var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
