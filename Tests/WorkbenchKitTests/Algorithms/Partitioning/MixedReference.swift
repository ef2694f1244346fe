import Foundation
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// Reads the fixtures written by `Fixtures/generate_mixed_fixtures.py` (kmedoids 0.5.5, kmodes 0.12.2, numpy 2.4.6).
enum MixedReference {
  /// The parsed fixture `name`.json.
  static func load(_ name: String) throws -> JSONValue {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
      throw FixtureError("no fixture \(name).json in the test bundle")
    }
    return try FixtureLoader.load(url)
  }

  /// A mixed table stored as `numeric` rows plus `categorical` features (name, levels, codes).
  static func input(_ json: JSONValue, numeric: String = "numeric", categorical: String = "categorical") throws -> ClusteringInput {
    let x = try FixtureLoader.matrix(FixtureLoader.field(json, numeric), numeric)
    let features = try (FixtureLoader.field(json, categorical).array ?? []).map { f in
      CategoricalFeature(
        name: try text(f, "name"), levels: try (FixtureLoader.field(f, "levels").array ?? []).compactMap(\.string),
        codes: try FixtureLoader.ints(FixtureLoader.field(f, "codes"), "codes"))
    }
    return ClusteringInput(numeric: x, categorical: features)
  }

  static func text(_ json: JSONValue, _ key: String) throws -> String {
    guard let s = try FixtureLoader.field(json, key).string else { throw FixtureError("'\(key)' is not a string") }
    return s
  }

  static func number(_ json: JSONValue, _ key: String) throws -> Double {
    guard let d = try FixtureLoader.field(json, key).number else { throw FixtureError("'\(key)' is not a number") }
    return d
  }

  static func int(_ json: JSONValue, _ key: String) throws -> Int {
    guard let i = try FixtureLoader.field(json, key).integer else { throw FixtureError("'\(key)' is not an integer") }
    return i
  }

  static func ints(_ json: JSONValue, _ key: String) throws -> [Int] { try FixtureLoader.ints(FixtureLoader.field(json, key), key) }

  static func list(_ json: JSONValue, _ key: String) throws -> [JSONValue] { try FixtureLoader.field(json, key).array ?? [] }
}

/// A saved model as it comes back from disk: written as canonical JSON text and parsed again.
func reparsed(_ model: JSONValue) throws -> JSONValue { try JSONParser.parse(model.canonicalText) }
