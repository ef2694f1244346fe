extension JSONValue {
  /// The path of the first infinite or NaN number in the value (`centers[2][0]`, `diagnostics.inertia`), or `nil` when all are finite.
  ///
  /// Why: JSON has no form for non-finite numbers. Results are checked with
  /// this before they are recorded, so a value that overflowed is reported
  /// where it is, never written as a silent `null`. Object keys are visited
  /// in sorted order, so the path found never depends on hashing.
  /// - Complexity: O(size of the value).
  public func firstNonFinitePath(under path: String = "") -> String? {
    switch self {
    case .double(let d): return d.isFinite ? nil : path
    case .null, .bool, .int, .string: return nil
    case .array(let items):
      for (i, item) in items.enumerated() {
        if let found = item.firstNonFinitePath(under: "\(path)[\(i)]") { return found }
      }
      return nil
    case .object(let members):
      for key in members.keys.sorted() {
        if let found = members[key]!.firstNonFinitePath(under: path.isEmpty ? key : "\(path).\(key)") { return found }
      }
      return nil
    }
  }
}
