import Foundation
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// `Fixtures/density2-reference.json`, written by `Fixtures/generate_density2_fixtures.py` from scikit-learn 1.9.1:
/// mean-shift, affinity-propagation and spectral cases on blobs and on iris and wine standardized.
struct Density2Reference {
  /// The data sets, in the fixture's order.
  static let names = ["blobs", "iris-standardized", "wine-standardized"]

  var x: Matrix
  /// The cases of each algorithm, by the fixture's key ("mean_shift", …), as scikit-learn's parameters and answers.
  var cases: [String: [JSONValue]]

  static func load(_ name: String) throws -> Density2Reference {
    guard let url = Bundle.module.url(forResource: "density2-reference", withExtension: "json", subdirectory: "Fixtures") else {
      throw FixtureError("no fixture density2-reference.json in the test bundle")
    }
    let dataset = try FixtureLoader.field(FixtureLoader.field(FixtureLoader.load(url), "datasets"), name)
    let x = try dataset.object?["data"].map { try FixtureLoader.matrix($0, "data") } ?? ReferenceDataset.load(name).x
    return Density2Reference(x: x, cases: (dataset.object ?? [:]).compactMapValues(\.array))
  }
}

extension JSONValue {
  /// The member `key` of a fixture case as a number, integer, flag, integer list or matrix; a fixture error when absent or mistyped.
  func number(_ key: String) throws -> Double {
    guard let value = try FixtureLoader.field(self, key).number else { throw FixtureError("'\(key)' is not a number") }
    return value
  }

  func integer(_ key: String) throws -> Int {
    guard let value = try FixtureLoader.field(self, key).integer else { throw FixtureError("'\(key)' is not an integer") }
    return value
  }

  func flag(_ key: String) throws -> Bool {
    guard let value = try FixtureLoader.field(self, key).bool else { throw FixtureError("'\(key)' is not a boolean") }
    return value
  }

  func integers(_ key: String) throws -> [Int] { try FixtureLoader.ints(FixtureLoader.field(self, key), key) }

  func matrix(_ key: String) throws -> Matrix { try FixtureLoader.matrix(FixtureLoader.field(self, key), key) }
}
