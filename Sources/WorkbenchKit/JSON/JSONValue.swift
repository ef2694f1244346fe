/// A JSON document as a value: what specs, parameters and result records are made of.
///
/// Integers and reals stay distinct (`4` is `.int`, `4.0` is `.double`) so a
/// parameter declared as an integer can reject `4.5` and accept `4`. Objects
/// are unordered here and always written with sorted keys, so the canonical
/// text of a value (its hash input) never depends on how it was built.
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The value as a `Double` when it is a number.
  public var number: Double? {
    switch self {
    case .int(let i): Double(i)
    case .double(let d): d
    default: nil
    }
  }

  /// The value as an `Int` when it is an integer (a real with no fraction counts).
  public var integer: Int? {
    switch self {
    case .int(let i): i
    case .double(let d) where d.rounded() == d && abs(d) < 9.0e15: Int(d)
    default: nil
    }
  }

  /// The string payload, if any.
  public var string: String? { if case .string(let s) = self { s } else { nil } }

  /// The array payload, if any.
  public var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }

  /// The object payload, if any.
  public var object: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }

  /// The Boolean payload, if any.
  public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }

  /// A short description of the value's JSON type, for error messages ("a string", "an array").
  public var typeDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a Boolean"
    case .int: "an integer"
    case .double: "a real number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
