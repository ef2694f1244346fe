extension InsightRoles {
  /// The roles of a spec's `"insight": {"roles": {…}}` object, found at `path` (e.g. `insight.roles`).
  ///
  /// `monetary`, `recency`, `frequency`, `discount` and `tenure` take a column
  /// name; `campaign`, `channels`, `categories` and `identifiers` a name or a
  /// list of names. Every problem (an unknown key, a wrong type) is reported
  /// at once, located by its JSON path.
  public init(json: JSONValue, path: String) throws(SpecError) {
    self.init()
    guard let members = json.object else {
      throw SpecError(Location(jsonPath: path), "must be an object of column roles; got \(json.typeDescription)",
        fix: #"write e.g. {"monetary": "spend", "recency": "recency_days"}"#)
    }
    var problems: [Problem] = []
    let known = Self.singleRoleKeys + Self.listRoleKeys
    for key in members.keys.sorted() {
      let value = members[key]!
      let location = Location(jsonPath: "\(path).\(key)")
      if Self.singleRoleKeys.contains(key) {
        guard let name = value.string else {
          problems.append(Problem(location, "must be a column name; got \(value.typeDescription)"))
          continue
        }
        self[single: key] = name
      } else if Self.listRoleKeys.contains(key) {
        let names = value.string.map { [$0] } ?? value.array?.compactMap(\.string)
        guard let names, names.count == (value.array?.count ?? 1) else {
          problems.append(Problem(location, "must be a column name or a list of column names; got \(value.typeDescription)"))
          continue
        }
        self[list: key] = names
      } else {
        problems.append(
          Problem(location, "unknown role '\(key)'.\(NameSuggestions.hint(for: key, in: known))", fix: "use one of: \(known.joined(separator: ", "))."))
      }
    }
    if !problems.isEmpty { throw SpecError(problems) }
  }
}
