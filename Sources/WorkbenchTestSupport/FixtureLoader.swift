import Foundation
import WorkbenchKit
import WorkbenchNumerics

/// Reads reference-value fixtures (JSON written by a committed generator script) into workbench types.
///
/// `Bundle.module` belongs to each test target, so callers resolve the URL
/// and pass it in. Conversions throw ``FixtureError`` naming the field, so a
/// malformed or regenerated fixture fails with a readable message.
public enum FixtureLoader {
  /// The parsed JSON document at `url`.
  public static func load(_ url: URL) throws -> JSONValue {
    try JSONParser.parse([UInt8](Data(contentsOf: url)))
  }

  /// The member `key` of an object.
  public static func field(_ value: JSONValue, _ key: String) throws(FixtureError) -> JSONValue {
    guard let member = value.object?[key] else { throw FixtureError("missing field '\(key)'") }
    return member
  }

  /// A list of numbers.
  public static func doubles(_ value: JSONValue, _ what: String) throws(FixtureError) -> [Double] {
    guard let items = value.array else { throw FixtureError("'\(what)' is not a list") }
    var out: [Double] = []
    out.reserveCapacity(items.count)
    for item in items {
      guard let d = item.number else { throw FixtureError("'\(what)' holds a non-number") }
      out.append(d)
    }
    return out
  }

  /// A list of integers.
  public static func ints(_ value: JSONValue, _ what: String) throws(FixtureError) -> [Int] {
    guard let items = value.array else { throw FixtureError("'\(what)' is not a list") }
    var out: [Int] = []
    out.reserveCapacity(items.count)
    for item in items {
      guard let i = item.integer else { throw FixtureError("'\(what)' holds a non-integer") }
      out.append(i)
    }
    return out
  }

  /// A list of equally long rows of numbers.
  public static func matrix(_ value: JSONValue, _ what: String) throws(FixtureError) -> Matrix {
    guard let rows = value.array, !rows.isEmpty else { throw FixtureError("'\(what)' is not a non-empty list of rows") }
    var storage: [Double] = []
    var columns: Int?
    for row in rows {
      let numbers = try doubles(row, what)
      if columns == nil { columns = numbers.count }
      guard numbers.count == columns else { throw FixtureError("'\(what)' has rows of unequal length") }
      storage.append(contentsOf: numbers)
    }
    return Matrix(rows: rows.count, columns: columns ?? 0, storage: storage)
  }
}

/// A fixture file that does not have the expected shape.
public struct FixtureError: Error, CustomStringConvertible {
  /// What is wrong.
  public var description: String

  public init(_ description: String) { self.description = description }
}
