import Testing
@testable import WorkbenchKit

/// The naming rule on the simulated customers (whose latent segments are known) and on data without customer roles.
@Suite("Segment names")
struct SegmentNamingTests {
  /// The clustered columns of the default experiment (`experiments/customer-segments.json`).
  static let features = [
    "age", "income", "recency_days", "frequency", "monetary", "avg_basket", "discount_share", "campaign_responses", "web_purchases",
    "store_purchases", "catalog_purchases", "tenure_days",
  ]

  /// The shipped customers (`workbench simulate --rows 5000 --seed 2026`).
  static let customers: DataTable = CustomerSimulator(rows: 5_000, seed: 2026).table()

  /// The latent segments the names of `insight` identify (``LatentSegmentMatching``).
  private func matches(_ insight: SegmentInsight, labels: [Int?], truth: [String?]) -> [LatentSegmentMatching.Match] {
    LatentSegmentMatching.matches(names: Dictionary(uniqueKeysWithValues: insight.segments.map { ($0.id, $0.name.name) }), labels: labels, truth: truth)
  }

  @Test("labelled by the true segment, the shipped customers' segments get their recognisable names (all five)")
  func trueSegments() throws {
    let truth = try #require(Self.customers.column(named: "segment")?.labels)
    let order = CustomerSegment.allCases.map(\.rawValue)
    let labels: [Int?] = truth.map { order.firstIndex(of: $0!) }
    let insight = try SegmentInsight.compute(
      table: Self.customers, labels: labels, features: Self.features, roles: InsightRoles(), seed: 1, options: InsightOptions(trees: 2, permutationRepeats: 1))
    let found = matches(insight, labels: labels, truth: truth)
    #expect(found.allSatisfy { $0.identified }, "\(found)")
    #expect(found.map(\.name) == ["High spenders", "Discount seekers", "At risk", "New customers", "Infrequent shoppers"], "\(found)")
    #expect(Set(insight.segments.map(\.name.name)).count == insight.segments.count)
  }

  @Test("a k-means k = 5 on the standardised features names at least four latent segments recognisably")
  func kMeansSegments() throws {
    let truth = try #require(Self.customers.column(named: "segment")?.labels)
    let selected = Self.customers.selecting(columns: Self.features)
    let imputed = try Impute(strategy: .median).fitImputer(selected).transform(selected)
    let scaled = try StandardScaler().fitScaler(imputed).transform(imputed)
    let kmeans = try makePlugin(KMeans.self, ["k": 5, "n_init": 10])
    let clustering = try kmeans.fit(try scaled.clusteringInput(), context: FitContext(seed: 42)).canonicallyOrdered().clustering
    let labels = clustering.labels.map { Optional($0) }
    let insight = try SegmentInsight.compute(
      table: Self.customers, labels: labels, features: Self.features, roles: InsightRoles(), seed: 1, options: InsightOptions(trees: 2, permutationRepeats: 1))
    let found = matches(insight, labels: labels, truth: truth)
    #expect(found.count(where: \.identified) >= 4, "\(found)")
    #expect(Set(insight.segments.map(\.name.name)).count == insight.segments.count)
  }
}
