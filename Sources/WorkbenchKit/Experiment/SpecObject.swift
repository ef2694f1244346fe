/// A JSON object from a spec being read, with its location, that records problems as fields are taken.
///
/// Reading a spec this way reports every problem in one pass (wrong types,
/// missing keys, unknown keys with suggestions), each at its JSON path,
/// instead of stopping at the first.
struct SpecObject {
  let members: [String: JSONValue]
  let location: Location
  private(set) var taken: Set<String> = []

  /// Wraps `value` if it is an object; otherwise records a problem and returns nil.
  init?(_ value: JSONValue, at location: Location, problems: inout [Problem], what: String) {
    guard let members = value.object else {
      problems.append(Problem(location, "\(what) must be a JSON object; got \(value.typeDescription).", fix: "write it as { \"key\": value, … }."))
      return nil
    }
    self.members = members
    self.location = location
  }

  /// The value under `key` (marking it known), or nil when absent or null.
  mutating func take(_ key: String) -> JSONValue? {
    taken.insert(key)
    guard let v = members[key], v != .null else { return nil }
    return v
  }

  /// A string under `key`; records a problem if present with another type, or absent when required.
  mutating func string(_ key: String, required: Bool, problems: inout [Problem], fix: String) -> String? {
    guard let v = take(key) else {
      if required { problems.append(Problem(location.appending(key), "'\(key)' is required.", fix: fix)) }
      return nil
    }
    guard let s = v.string, !s.isEmpty else {
      problems.append(Problem(location.appending(key), "'\(key)' must be a non-empty string; got \(v.canonicalText).", fix: fix))
      return nil
    }
    return s
  }

  /// A list of non-empty strings under `key`.
  mutating func strings(_ key: String, problems: inout [Problem], fix: String) -> [String]? {
    guard let v = take(key) else { return nil }
    guard let items = v.array, let strings = Optional(items.compactMap(\.string)), strings.count == items.count,
      strings.allSatisfy({ !$0.isEmpty })
    else {
      problems.append(Problem(location.appending(key), "'\(key)' must be a list of column names; got \(v.canonicalText).", fix: fix))
      return nil
    }
    return strings
  }

  /// Records a problem for every key that was never taken, suggesting the nearest known keys.
  func reportUnknownKeys(known: [String], problems: inout [Problem]) {
    for key in members.keys.sorted() where !taken.contains(key) {
      problems.append(Problem(location.appending(key), "unknown key '\(MessageText.excerpt(key))'.\(NameSuggestions.hint(for: key, in: known))", fix: "use only: \(known.joined(separator: ", ")).") )
    }
  }
}
