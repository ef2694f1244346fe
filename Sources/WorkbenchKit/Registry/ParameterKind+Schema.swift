extension ParameterKind {
  /// The kind a JSON Schema fragment written by ``schema`` describes; `nil` for a fragment no kind writes.
  ///
  /// The inverse of ``schema``: exported manifests and the manifests of
  /// external plugins declare parameters as these fragments, and reading
  /// them back gives the same kind, so a declaration survives the round trip.
  public init?(schema: JSONValue) {
    guard let s = schema.object else { return nil }
    if let options = s["enum"]?.array {
      let strings = options.compactMap(\.string)
      guard strings.count == options.count, !strings.isEmpty else { return nil }
      self = .choice(strings)
      return
    }
    if let alternatives = s["anyOf"]?.array {
      let kinds = alternatives.compactMap(ParameterKind.init(schema:))
      guard kinds.count == alternatives.count, !kinds.isEmpty else { return nil }
      self = .oneOf(kinds)
      return
    }
    switch s["type"]?.string {
    case "integer":
      guard s["minimum"].map({ $0.integer != nil }) ?? true, s["maximum"].map({ $0.integer != nil }) ?? true else { return nil }
      self = .integer(minimum: s["minimum"]?.integer, maximum: s["maximum"]?.integer)
    case "number":
      let lower = s["exclusiveMinimum"] ?? s["minimum"]
      let upper = s["exclusiveMaximum"] ?? s["maximum"]
      guard lower.map({ $0.number?.isFinite == true }) ?? true, upper.map({ $0.number?.isFinite == true }) ?? true else { return nil }
      self = .real(
        minimum: lower?.number, maximum: upper?.number, openMinimum: s["exclusiveMinimum"] != nil, openMaximum: s["exclusiveMaximum"] != nil)
    case "boolean": self = .boolean
    case "string": self = .text
    case "object":
      switch s["additionalProperties"]?.object?["type"]?.string {
      case "string"?: self = .textMap
      case nil where s["additionalProperties"] == nil: self = .object
      default: return nil
      }
    case "array":
      let items = s["items"]?.object
      if items?["type"]?.string == "string" {
        self = .textList
      } else if items?["type"]?.string == "array", items?["items"]?.object?["type"]?.string == "number" {
        self = .realMatrix
      } else {
        return nil
      }
    default: return nil
    }
  }
}
