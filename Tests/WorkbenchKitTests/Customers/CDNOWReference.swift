import Foundation
import WorkbenchKit
import WorkbenchTestSupport

/// The CDNOW summaries shipped by `lifetimes` and that package's answers on them
/// (Fixtures/customers-cdnow.json, written by generate_customers_fixtures.py).
struct CDNOWReference: Sendable {
  /// Repeat purchases, week of the last purchase, weeks observed (2 357 customers).
  var history: PurchaseHistory
  /// Mean spend over the repeat purchases (0 for customers without one).
  var meanSpend: [Double]
  /// lifetimes' BG/NBD fit.
  var bgnbd: BGNBDModel
  /// lifetimes' Gamma–Gamma fit.
  var gammaGamma: GammaGammaModel
  /// lifetimes' mean negative log-likelihood at its fit, on time scaled by `timeScale`.
  var meanNegativeLogLikelihoodScaled: Double
  var timeScale: Double
  var pAlive: [Double]
  var expected39: [Double]
  var expected52: [Double]
  var expectedSpend: [Double]
  var clv12Months: [Double]

  static func load() throws -> CDNOWReference {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw FixtureError("no Fixtures folder") }
    let json = try FixtureLoader.load(folder.appendingPathComponent("customers-cdnow.json"))
    let summary = try CSVReader().read(path: folder.appendingPathComponent("cdnow/cdnow_customers_summary.csv").path)
    let history = try PurchaseHistory(table: summary, x: "frequency", tx: "recency", age: "T")
    let monetary = try CSVReader().read(path: folder.appendingPathComponent("cdnow/cdnow_customers_summary_with_transactions.csv").path)
    let bg = try FixtureLoader.field(json, "bgnbd"), gg = try FixtureLoader.field(json, "gamma_gamma")
    func number(_ object: JSONValue, _ key: String) throws -> Double {
      guard let value = try FixtureLoader.field(object, key).number else { throw FixtureError("'\(key)' is not a number") }
      return value
    }
    func list(_ key: String) throws -> [Double] { try FixtureLoader.doubles(FixtureLoader.field(json, key), key) }
    return CDNOWReference(
      history: history, meanSpend: monetary.column(named: "zbar")?.numbers ?? [],
      bgnbd: BGNBDModel(r: try number(bg, "r"), alpha: try number(bg, "alpha"), a: try number(bg, "a"), b: try number(bg, "b")),
      gammaGamma: GammaGammaModel(p: try number(gg, "p"), q: try number(gg, "q"), v: try number(gg, "v")),
      meanNegativeLogLikelihoodScaled: try number(bg, "mean_negative_log_likelihood_scaled"),
      timeScale: try number(bg, "time_scale"),
      pAlive: try list("p_alive"), expected39: try list("expected_purchases_39"), expected52: try list("expected_purchases_52"),
      expectedSpend: try list("expected_spend"),
      clv12Months: try FixtureLoader.doubles(FixtureLoader.field(FixtureLoader.field(json, "clv_12_months"), "values"), "clv"))
  }

  /// Loaded once for all tests.
  static let shared: Result<CDNOWReference, any Error> = Result { try load() }
}
