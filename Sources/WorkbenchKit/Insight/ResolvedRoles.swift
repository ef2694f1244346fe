/// The customer roles matched to the columns of one table: declared ones checked, the others recognised by name.
///
/// Produced by ``InsightRoles/resolved(for:rolesPath:)``; the naming rule
/// and the behaviour sections read it. ``recognised`` lists the role keys
/// that were found by name rather than declared, so the output can say so.
public struct ResolvedRoles: Sendable, Equatable {
  /// The matched columns (single roles set only when a column plays them).
  public var roles: InsightRoles
  /// Keys of the roles recognised by name (the others were declared), sorted.
  public var recognised: [String]

  /// Whether the role `key` was recognised by name.
  public func isRecognised(_ key: String) -> Bool { recognised.contains(key) }

  /// The roles as JSON: `{"monetary": {"columns": ["spend"], "source": "declared"}, …}` for every role that has columns.
  public var json: JSONValue {
    var out: [String: JSONValue] = [:]
    for key in InsightRoles.singleRoleKeys {
      if let column = roles[single: key] { out[key] = entry([column], key) }
    }
    for key in InsightRoles.listRoleKeys where !roles[list: key].isEmpty { out[key] = entry(roles[list: key], key) }
    return .object(out)
  }

  private func entry(_ columns: [String], _ key: String) -> JSONValue {
    ["columns": .array(columns.map(JSONValue.string)), "source": .string(isRecognised(key) ? "recognised by name" : "declared")]
  }
}
