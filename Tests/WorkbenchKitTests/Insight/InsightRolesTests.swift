import Testing
@testable import WorkbenchKit

/// Roles: recognised by name on the simulated data and on transaction aggregates, read from a spec, checked against the data.
@Suite("Insight roles")
struct InsightRolesTests {
  @Test("on the simulated customers every role is recognised by name")
  func simulatedCustomers() throws {
    let resolved = try InsightRoles().resolved(for: CustomerSimulator(rows: 20, seed: 1).table())
    let r = resolved.roles
    #expect(r.monetary == "monetary" && r.recency == "recency_days" && r.frequency == "frequency")
    #expect(r.discount == "discount_share" && r.tenure == "tenure_days")
    #expect(r.campaign == ["campaign_responses"] && r.channels == ["web_purchases", "store_purchases", "catalog_purchases"])
    #expect(r.identifiers == ["customer_id"] && r.categories.isEmpty)
    #expect(resolved.recognised == ["campaign", "channels", "discount", "frequency", "identifiers", "monetary", "recency", "tenure"])
  }

  @Test("on aggregated transactions the aggregator's columns are recognised, and repeat purchases are not a channel")
  func aggregatedTransactions() throws {
    let simulator = CustomerSimulator(rows: 30, seed: 2)
    let table = try TransactionAggregator(
      discountColumn: "discount", channelColumn: "channel", categoryColumn: "category", campaignColumn: "campaign_response"
    ).aggregate(simulator.transactions())
    let r = try InsightRoles().resolved(for: table).roles
    #expect(r.monetary == "monetary_total" && r.frequency == "frequency" && r.recency == "recency_days" && r.tenure == "tenure_days")
    #expect(r.channels == ["channel=catalog", "channel=store", "channel=web"])
    #expect(r.categories == CustomerSimulator.transactionCategories.map { "category=\($0)" })
    #expect(r.campaign == ["campaign_responses"])
  }

  @Test("names from other data sets: camel case channels, deal purchases as discount, yes/no campaign flags")
  func otherNames() throws {
    let table = DataTable(columns: [
      .numeric("ID", [1, 2]), .numeric("MntWines", [3, 4]), .numeric("NumDealsPurchases", [1, 0]), .numeric("NumWebPurchases", [2, 3]),
      .numeric("NumStorePurchases", [1, 1]), .categorical("AcceptedCmp1", ["yes", "no"]), .numeric("Recency", [10, 20]),
      .numeric("CustomerID", [7, 8]),
    ])
    let r = try InsightRoles().resolved(for: table).roles
    #expect(r.discount == "NumDealsPurchases" && r.recency == "Recency" && r.monetary == nil)
    #expect(r.channels == ["NumWebPurchases", "NumStorePurchases"] && r.categories == ["MntWines"] && r.campaign == ["AcceptedCmp1"])
    #expect(r.identifiers == ["ID", "CustomerID"])
  }

  @Test("declared roles win over recognition and are checked: missing or categorical columns are located errors, all at once")
  func declared() throws {
    let table = CustomerSimulator(rows: 10, seed: 1).table()
    let resolved = try InsightRoles(monetary: "avg_basket").resolved(for: table)
    #expect(resolved.roles.monetary == "avg_basket" && !resolved.isRecognised("monetary"))
    #expect {
      try InsightRoles(recency: "gender", campaign: ["segment"], channels: ["webb_purchases"]).resolved(for: table)
    } throws: { error in
      guard let spec = error as? SpecError else { return false }
      let paths = spec.problems.compactMap(\.location.jsonPath)
      return paths == ["insight.roles.recency", "insight.roles.campaign", "insight.roles.channels"]
        && spec.description.contains("did you mean web_purchases")
    }
  }

  @Test("the spec's roles object is read with names or lists, and unknown keys or wrong types are reported with their path")
  func json() throws {
    let roles = try InsightRoles(json: ["monetary": "spend", "campaign": "cmp1", "channels": ["web", "store"]], path: "insight.roles")
    #expect(roles == InsightRoles(monetary: "spend", campaign: ["cmp1"], channels: ["web", "store"]))
    #expect {
      try InsightRoles(json: ["monetry": "spend", "recency": 3, "channels": ["web", 2]], path: "insight.roles")
    } throws: { error in
      guard let spec = error as? SpecError else { return false }
      return spec.problems.compactMap(\.location.jsonPath) == ["insight.roles.channels", "insight.roles.monetry", "insight.roles.recency"]
        && spec.description.contains("unknown role 'monetry'. Did you mean 'monetary'?")
    }
  }
}
