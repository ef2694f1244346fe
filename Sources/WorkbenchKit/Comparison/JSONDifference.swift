/// Where two JSON documents differ, as JSON paths (`algorithms[0].grid.k`) with the value on each side.
///
/// Objects are compared key by key (keys sorted, a key missing on one side
/// is a change), arrays of equal length element by element, anything else as
/// a whole. Used to say how two specs differ (`compare`, `merge`, `verify --spec`).
/// - Complexity: O(size of the documents).
public enum JSONDifference {
  /// One difference.
  public struct Change: Sendable, Equatable {
    /// The JSON path; empty for the documents themselves.
    public var path: String
    /// The value in the first document, nil when absent there.
    public var first: JSONValue?
    /// The value in the second document, nil when absent there.
    public var second: JSONValue?

    /// "algorithms[0].grid.k: {"from":2,"to":8} → [3,4]", values cut to 60 characters.
    public var text: String {
      func shown(_ value: JSONValue?) -> String {
        guard let value else { return "(absent)" }
        let text = value.canonicalText
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
      }
      return "\(path.isEmpty ? "(whole document)" : path): \(shown(first)) → \(shown(second))"
    }
  }

  /// Every difference between `first` and `second`, in document order (keys sorted).
  public static func changes(_ first: JSONValue, _ second: JSONValue, path: String = "") -> [Change] {
    if let a = first.object, let b = second.object {
      return Set(a.keys).union(b.keys).sorted().flatMap { key -> [Change] in
        let child = path.isEmpty ? key : "\(path).\(key)"
        switch (a[key], b[key]) {
        case (let x?, let y?): return changes(x, y, path: child)
        case (let x, let y): return [Change(path: child, first: x, second: y)]
        }
      }
    }
    if let a = first.array, let b = second.array, a.count == b.count {
      return zip(a, b).enumerated().flatMap { i, pair in changes(pair.0, pair.1, path: "\(path)[\(i)]") }
    }
    return first == second ? [] : [Change(path: path, first: first, second: second)]
  }

  /// The differences between two specs, leaving out the top-level keys in `ignoring` (by default `$schema`, which only helps editors).
  public static func specChanges(_ first: JSONValue, _ second: JSONValue, ignoring: [String] = ["$schema"]) -> [Change] {
    func stripped(_ spec: JSONValue) -> JSONValue {
      guard var members = spec.object else { return spec }
      for key in ignoring { members[key] = nil }
      return .object(members)
    }
    return changes(stripped(first), stripped(second))
  }
}
