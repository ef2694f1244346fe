import Foundation
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// `Fixtures/gap-prediction-strength.json`, written by `Fixtures/generate_r_fixtures.R`
/// (R 4.2.2, cluster 2.1.4 `clusGap`, fpc 2.2-10 `prediction.strength`).
enum RReference {
  /// The parsed fixture, loaded once.
  static let shared: Result<JSONValue, any Error> = Result {
    guard let url = Bundle.module.url(forResource: "gap-prediction-strength", withExtension: "json", subdirectory: "Fixtures") else {
      throw FixtureError("no fixture gap-prediction-strength.json in the test bundle")
    }
    return try FixtureLoader.load(url)
  }

  /// The member at `path` (object keys).
  static func value(_ path: String...) throws -> JSONValue { try value(at: path) }

  static func value(at path: [String]) throws -> JSONValue { try path.reduce(try shared.get()) { try FixtureLoader.field($0, $1) } }

  /// The data set both R functions ran on (90 rows, 2 columns).
  static func data() throws -> Matrix { try FixtureLoader.matrix(value("data"), "data") }

  static func numbers(_ path: String...) throws -> [Double] { try FixtureLoader.doubles(value(at: path), path.joined(separator: ".")) }

  static func number(_ json: JSONValue, _ key: String) throws -> Double {
    guard let number = try FixtureLoader.field(json, key).number else { throw FixtureError("'\(key)' is not a number") }
    return number
  }

  /// Lists of integer lists, such as one label list per k.
  static func intLists(_ json: JSONValue, _ key: String) throws -> [[Int]] {
    try (FixtureLoader.field(json, key).array ?? []).map { try FixtureLoader.ints($0, key) }
  }
}
