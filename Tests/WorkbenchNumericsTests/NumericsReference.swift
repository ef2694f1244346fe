import Foundation
import WorkbenchKit
import WorkbenchTestSupport

/// `Fixtures/numerics-reference.json`, written by `Fixtures/generate_numerics_fixtures.py` (numpy 2.4.6, SciPy 1.17.1).
enum NumericsReference {
  /// The parsed fixture, loaded once.
  static let shared: Result<JSONValue, any Error> = Result {
    guard let url = Bundle.module.url(forResource: "numerics-reference", withExtension: "json", subdirectory: "Fixtures") else {
      throw FixtureError("no fixture numerics-reference.json in the test bundle")
    }
    return try FixtureLoader.load(url)
  }

  /// The value at `path` (object keys) in the fixture.
  static func value(_ path: String...) throws -> JSONValue {
    try path.reduce(try shared.get()) { try FixtureLoader.field($0, $1) }
  }

  /// The number at `path`.
  static func number(_ path: String...) throws -> Double {
    let found = try path.reduce(try shared.get()) { try FixtureLoader.field($0, $1) }
    guard let number = found.number else { throw FixtureError("'\(path.joined(separator: "."))' is not a number") }
    return number
  }

  /// Numbers at `path`, with null read as NaN.
  static func numbers(_ path: String...) throws -> [Double] {
    let found = try path.reduce(try shared.get()) { try FixtureLoader.field($0, $1) }
    guard let items = found.array else { throw FixtureError("'\(path.joined(separator: "."))' is not a list") }
    return items.map { $0 == .null ? .nan : ($0.number ?? .nan) }
  }
}
