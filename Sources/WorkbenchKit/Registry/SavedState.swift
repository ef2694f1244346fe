import WorkbenchNumerics

/// Reads fields of a saved model or fitted-step state, failing with a clear error when the file was altered.
///
/// States are written by the plugins themselves (`FittedPreprocessor.state`,
/// `Clustering.model`) and read back when new rows are labelled.
public struct SavedState: Sendable {
  /// The state object.
  public let fields: [String: JSONValue]
  /// Who wrote it, for messages ("kmeans model").
  public let owner: String

  /// Wraps `state`, which must be a JSON object.
  public init(_ state: JSONValue, owner: String) throws(SavedStateError) {
    guard let fields = state.object else { throw SavedStateError(owner: owner, detail: "expected an object") }
    self.fields = fields
    self.owner = owner
  }

  private func field(_ key: String) throws(SavedStateError) -> JSONValue {
    guard let value = fields[key] else { throw SavedStateError(owner: owner, detail: "'\(key)' is missing") }
    return value
  }

  /// An integer field.
  public func int(_ key: String) throws(SavedStateError) -> Int {
    guard let v = try field(key).integer else { throw SavedStateError(owner: owner, detail: "'\(key)' is not an integer") }
    return v
  }

  /// A number field.
  public func real(_ key: String) throws(SavedStateError) -> Double {
    guard let v = try field(key).number else { throw SavedStateError(owner: owner, detail: "'\(key)' is not a number") }
    return v
  }

  /// A Boolean field.
  public func bool(_ key: String) throws(SavedStateError) -> Bool {
    guard let v = try field(key).bool else { throw SavedStateError(owner: owner, detail: "'\(key)' is not true or false") }
    return v
  }

  /// A string field.
  public func text(_ key: String) throws(SavedStateError) -> String {
    guard let v = try field(key).string else { throw SavedStateError(owner: owner, detail: "'\(key)' is not a string") }
    return v
  }

  /// A list of strings.
  public func texts(_ key: String) throws(SavedStateError) -> [String] {
    guard let items = try field(key).array, let strings = Optional(items.compactMap(\.string)), strings.count == items.count else {
      throw SavedStateError(owner: owner, detail: "'\(key)' is not a list of strings")
    }
    return strings
  }

  /// A list of numbers.
  public func reals(_ key: String) throws(SavedStateError) -> [Double] {
    guard let items = try field(key).array, let numbers = Optional(items.compactMap(\.number)), numbers.count == items.count else {
      throw SavedStateError(owner: owner, detail: "'\(key)' is not a list of numbers")
    }
    return numbers
  }

  /// A list of integers.
  public func ints(_ key: String) throws(SavedStateError) -> [Int] {
    guard let items = try field(key).array, let numbers = Optional(items.compactMap(\.integer)), numbers.count == items.count else {
      throw SavedStateError(owner: owner, detail: "'\(key)' is not a list of integers")
    }
    return numbers
  }

  /// A matrix saved with ``SavedState/encode(_:)``.
  public func matrix(_ key: String) throws(SavedStateError) -> Matrix {
    guard let rows = try field(key).array else { throw SavedStateError(owner: owner, detail: "'\(key)' is not a list of rows") }
    var values: [[Double]] = []
    for row in rows {
      guard let cells = row.array, let numbers = Optional(cells.compactMap(\.number)), numbers.count == cells.count,
        numbers.count == (values.first?.count ?? numbers.count)
      else { throw SavedStateError(owner: owner, detail: "'\(key)' is not a matrix of numbers") }
      values.append(numbers)
    }
    return values.isEmpty ? Matrix(rows: 0, columns: 0) : Matrix(values)
  }

  /// A nested value.
  public func value(_ key: String) throws(SavedStateError) -> JSONValue { try field(key) }

  /// A matrix as a list of rows of numbers.
  public static func encode(_ matrix: Matrix) -> JSONValue {
    .array((0..<matrix.rows).map { r in .array(matrix.row(r).map(JSONValue.double)) })
  }

  /// Numbers as a JSON list.
  public static func encode(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.double)) }

  /// Integers as a JSON list.
  public static func encode(_ values: [Int]) -> JSONValue { .array(values.map(JSONValue.int)) }

  /// Strings as a JSON list.
  public static func encode(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}

/// A saved model or step state that cannot be read back.
public struct SavedStateError: WorkbenchError, Equatable {
  /// What the state belongs to.
  public var owner: String
  /// What is wrong with it.
  public var detail: String

  public init(owner: String, detail: String) {
    self.owner = owner
    self.detail = detail
  }

  public var kind: ErrorKind { .results }
  public var description: String {
    "the saved \(owner) cannot be read: \(detail).\n  Fix: run the experiment again from scratch to save it again; do not edit files in a run folder."
  }
}
