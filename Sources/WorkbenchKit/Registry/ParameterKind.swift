/// The type and allowed values of one plugin parameter.
///
/// Each kind knows how to check a JSON value, describe itself in words
/// ("an integer ≥ 1"), suggest a fix, and render a JSON Schema fragment, so a
/// parameter declared once is validated, documented and exported identically.
public indirect enum ParameterKind: Sendable, Equatable {
  /// A whole number, optionally bounded (inclusive).
  case integer(minimum: Int? = nil, maximum: Int? = nil)
  /// A real number, optionally bounded; bounds may be open.
  case real(minimum: Double? = nil, maximum: Double? = nil, openMinimum: Bool = false, openMaximum: Bool = false)
  /// One of a fixed set of strings.
  case choice([String])
  /// `true` or `false`.
  case boolean
  /// Free text (a column name, an expression).
  case text
  /// A list of strings (column names); may be empty.
  case textList
  /// An object mapping names to strings (new column name → expression); may be empty.
  case textMap
  /// A non-empty list of equal-length lists of numbers (explicit initial centers), each at most
  /// ``FeatureMagnitude/largest`` in magnitude (as features reaching an algorithm are).
  case realMatrix
  /// Any JSON object, passed on as it is (keyword arguments an external plugin hands to its library).
  case object
  /// Any one of several kinds, tried in order.
  case oneOf([ParameterKind])
}

extension ParameterKind {
  /// The value in canonical form if it fits this kind, else `nil`.
  ///
  /// Canonical form makes equal settings hash equally: an integer given for a
  /// real parameter becomes a real, `3.0` for an integer parameter becomes `3`.
  public func normalize(_ value: JSONValue) -> JSONValue? {
    switch self {
    case .integer(let minimum, let maximum):
      guard let i = value.integer, value.number != nil else { return nil }
      if let minimum, i < minimum { return nil }
      if let maximum, i > maximum { return nil }
      return .int(i)
    case .real(let minimum, let maximum, let openMinimum, let openMaximum):
      guard let d = value.number, d.isFinite else { return nil }
      if let minimum, openMinimum ? d <= minimum : d < minimum { return nil }
      if let maximum, openMaximum ? d >= maximum : d > maximum { return nil }
      return .double(d)
    case .choice(let options):
      guard let s = value.string, options.contains(s) else { return nil }
      return value
    case .boolean:
      return value.bool == nil ? nil : value
    case .text:
      return value.string == nil ? nil : value
    case .textList:
      guard let items = value.array, items.allSatisfy({ $0.string != nil }) else { return nil }
      return value
    case .textMap:
      guard let members = value.object, members.values.allSatisfy({ $0.string != nil }) else { return nil }
      return value
    case .realMatrix:
      guard let rows = value.array, let first = rows.first?.array, !first.isEmpty else { return nil }
      var out: [JSONValue] = []
      for row in rows {
        guard let cells = row.array, cells.count == first.count else { return nil }
        let numbers = cells.compactMap { $0.number }.filter { abs($0) <= FeatureMagnitude.largest }
        guard numbers.count == cells.count else { return nil }
        out.append(.array(numbers.map(JSONValue.double)))
      }
      return .array(out)
    case .object:
      return value.object == nil ? nil : value
    case .oneOf(let kinds):
      for kind in kinds { if let v = kind.normalize(value) { return v } }
      return nil
    }
  }

  /// The kind in words, for messages and help: "an integer ≥ 1", "one of \"lloyd\", \"elkan\"".
  public var phrase: String {
    switch self {
    case .integer(let minimum, let maximum):
      switch (minimum, maximum) {
      case let (lo?, hi?): return "an integer in [\(lo), \(hi)]"
      case let (lo?, nil): return "an integer ≥ \(lo)"
      case let (nil, hi?): return "an integer ≤ \(hi)"
      case (nil, nil): return "an integer"
      }
    case .real(let minimum, let maximum, let openMinimum, let openMaximum):
      let lo = minimum.map(JSONNumber.plain), hi = maximum.map(JSONNumber.plain)
      switch (lo, hi) {
      case let (lo?, hi?): return "a real number in \(openMinimum ? "(" : "[")\(lo), \(hi)\(openMaximum ? ")" : "]")"
      case let (lo?, nil): return "a real number \(openMinimum ? ">" : "≥") \(lo)"
      case let (nil, hi?): return "a real number \(openMaximum ? "<" : "≤") \(hi)"
      case (nil, nil): return "a real number"
      }
    case .choice(let options): return "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
    case .boolean: return "true or false"
    case .text: return "a string"
    case .textList: return "a list of strings"
    case .textMap: return "an object of names to strings"
    case .realMatrix: return "a list of rows of numbers (each within ±\(JSONNumber.format(FeatureMagnitude.largest))), all rows the same length"
    case .object: return "an object"
    case .oneOf(let kinds): return kinds.map(\.phrase).joined(separator: " or ")
    }
  }

  /// A suggested fix for a value that does not fit.
  public var fix: String {
    switch self {
    case .integer(let minimum, let maximum):
      switch (minimum, maximum) {
      case let (lo?, hi?): return "use a whole number from \(lo) to \(hi)."
      case let (lo?, nil): return "use a whole number from \(lo) upward."
      case let (nil, hi?): return "use a whole number up to \(hi)."
      case (nil, nil): return "use a whole number such as 3."
      }
    case .real: return "use \(phrase)."
    case .choice(let options): return "use one of: " + options.joined(separator: ", ") + "."
    case .boolean: return "write true or false, without quotes."
    case .text: return "write the value in double quotes."
    case .textList: return "write a list such as [\"a\", \"b\"]."
    case .textMap: return "write an object such as {\"total\": \"a + b\"}."
    case .realMatrix: return "write one list of numbers per row, e.g. [[0, 1], [2, 3]]."
    case .object: return "write an object such as {\"affinity\": \"nearest_neighbors\", \"n_neighbors\": 10}."
    case .oneOf: return "use \(phrase)."
    }
  }

  /// Why this kind is not finitely bounded, or `nil` when it is.
  ///
  /// Every number a spec may give needs both bounds, so no value can make a
  /// fit run for ever (`n_init` 10¹²) or overflow (`reg_covar` 1e300): the
  /// registry refuses a plugin that declares an unbounded number.
  public var unboundedReason: String? {
    switch self {
    case .integer(let minimum, let maximum):
      minimum == nil || maximum == nil ? "an integer needs both a minimum and a maximum" : nil
    case .real(let minimum, let maximum, _, _):
      (minimum?.isFinite ?? false) && (maximum?.isFinite ?? false) ? nil : "a real number needs finite minimum and maximum"
    case .oneOf(let kinds): kinds.lazy.compactMap(\.unboundedReason).first
    // An object is passed through to an external plugin, which checks its own values.
    case .choice, .boolean, .text, .textList, .textMap, .realMatrix, .object: nil
    }
  }

  /// A JSON Schema fragment describing the allowed values.
  public var schema: JSONValue {
    switch self {
    case .integer(let minimum, let maximum):
      var s: [String: JSONValue] = ["type": "integer"]
      if let minimum { s["minimum"] = .int(minimum) }
      if let maximum { s["maximum"] = .int(maximum) }
      return .object(s)
    case .real(let minimum, let maximum, let openMinimum, let openMaximum):
      var s: [String: JSONValue] = ["type": "number"]
      if let minimum { s[openMinimum ? "exclusiveMinimum" : "minimum"] = .double(minimum) }
      if let maximum { s[openMaximum ? "exclusiveMaximum" : "maximum"] = .double(maximum) }
      return .object(s)
    case .choice(let options): return ["enum": .array(options.map(JSONValue.string))]
    case .boolean: return ["type": "boolean"]
    case .text: return ["type": "string"]
    case .textList: return ["type": "array", "items": ["type": "string"]]
    case .textMap: return ["type": "object", "additionalProperties": ["type": "string"]]
    case .realMatrix:
      let cell: JSONValue = ["type": "number", "minimum": .double(-FeatureMagnitude.largest), "maximum": .double(FeatureMagnitude.largest)]
      return ["type": "array", "minItems": 1, "items": ["type": "array", "minItems": 1, "items": cell]]
    case .object: return ["type": "object"]
    case .oneOf(let kinds): return ["anyOf": .array(kinds.map(\.schema))]
    }
  }
}
