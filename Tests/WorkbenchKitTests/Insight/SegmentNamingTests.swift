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

  /// The vocabulary labels that recognisably name each latent segment of the simulator.
  static let recognisable: [CustomerSegment: Set<String>] = [
    .loyalHighSpender: ["High spenders", "Loyal customers"],
    .discountSeeker: ["Discount seekers"],
    .atRisk: ["At risk"],
    .newCustomer: ["New customers"],
    .occasional: ["Infrequent shoppers"],
  ]

  /// The shipped customers (`workbench simulate --rows 5000 --seed 2026`).
  static let customers: DataTable = CustomerSimulator(rows: 5_000, seed: 2026).table()

  /// For each segment of `insight`, the latent segment most of its rows come from, and whether its name recognisably matches it.
  private func matches(_ insight: SegmentInsight, labels: [Int?], truth: [String?]) -> [(name: String, latent: CustomerSegment, matched: Bool)] {
    insight.segments.map { segment in
      var counts: [String: Int] = [:]
      for (row, label) in labels.enumerated() where label == segment.id { counts[truth[row]!, default: 0] += 1 }
      let majority = counts.keys.sorted().max { counts[$0]! < counts[$1]! }!
      let latent = CustomerSegment(rawValue: majority)!
      let label = segment.name.name.components(separatedBy: " · ")[0]
      return (segment.name.name, latent, Self.recognisable[latent]!.contains(label))
    }
  }

  @Test("labelled by the true segment, the shipped customers' segments get their recognisable names (all five)")
  func trueSegments() throws {
    let truth = try #require(Self.customers.column(named: "segment")?.labels)
    let order = CustomerSegment.allCases.map(\.rawValue)
    let labels: [Int?] = truth.map { order.firstIndex(of: $0!) }
    let insight = try SegmentInsight.compute(
      table: Self.customers, labels: labels, features: Self.features, roles: InsightRoles(), seed: 1, options: InsightOptions(trees: 2, permutationRepeats: 1))
    let found = matches(insight, labels: labels, truth: truth)
    #expect(found.count { $0.matched } >= 4, "\(found)")
    #expect(found.map(\.name) == ["High spenders", "Discount seekers", "At risk", "New customers", "Infrequent shoppers"], "\(found)")
    #expect(Set(found.map(\.name)).count == found.count)
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
    #expect(found.count { $0.matched } >= 4, "\(found)")
    #expect(Set(found.map(\.name)).count == found.count)
  }
}
