import Foundation
import WorkbenchKit
import WorkbenchTestSupport

/// The reference values of `Fixtures/generate_insight_fixtures.py`.
enum InsightFixtures {
  /// `insight-tests.json`: scipy's tests on Iris, Wine and the customers, Spearman, Wilson, lifetimes on the transactions.
  static let tests: JSONValue? = {
    guard let url = Bundle.module.url(forResource: "insight-tests", withExtension: "json", subdirectory: "Fixtures") else { return nil }
    return try? FixtureLoader.load(url)
  }()
}
