import WorkbenchNumerics

/// Generates a seeded table of synthetic retail customers drawn from five latent segments.
///
/// Used for examples, tests and benchmarks: the true segment is known, so a
/// clustering can be scored against it. The segments are separable on the
/// behaviour columns but overlap, as real segments do.
///
/// Generative model. Each row first draws its segment with these
/// proportions, then every column from that segment's distributions
/// (N = normal, LN(m, s) = log-normal with median m and log-scale sigma s,
/// P = Poisson, logistic-N = `1 / (1 + exp(-N))`):
///
/// | segment | share | age N | income LN | recency LN | mean frequency | basket LN | discount logit N | campaigns P | web/store/catalog | tenure LN |
/// |---|---|---|---|---|---|---|---|---|---|---|
/// | loyal-high-spender | 0.15 | 46, 10 | 95 000, 0.35 | 12, 0.6 | 28 | 120, 0.35 | -2.2, 0.6 | 2.0 | .35/.50/.15 | 2 200, 0.35 |
/// | discount-seeker | 0.25 | 34, 9 | 48 000, 0.35 | 25, 0.6 | 16 | 35, 0.35 | 0.8, 0.6 | 4.5 | .70/.25/.05 | 900, 0.5 |
/// | at-risk | 0.20 | 50, 12 | 62 000, 0.4 | 210, 0.4 | 4 | 60, 0.4 | -1.2, 0.6 | 0.3 | .30/.45/.25 | 1 500, 0.4 |
/// | new-customer | 0.15 | 29, 8 | 42 000, 0.4 | 14, 0.6 | 2 | 50, 0.45 | -0.8, 0.6 | 0.6 | .65/.30/.05 | 60, 0.5 |
/// | occasional | 0.25 | 41, 13 | 55 000, 0.4 | 95, 0.5 | 6 | 45, 0.4 | -1.5, 0.6 | 1.0 | .40/.45/.15 | 1 100, 0.5 |
///
/// Columns: `customer_id` (`C00001`, …); `age` (whole years, clipped to
/// 18…90); `gender` (female 0.49, male 0.48, other 0.03 in every segment);
/// `region` (north/south/east/west/central, segment-tilted weights around
/// 0.2 each); `income` (≥ 8 000, 2 decimals); `recency_days` (whole days);
/// `frequency` = 1 + P(mean − 1); `monetary` = basket × frequency
/// (2 decimals, right-skewed); `avg_basket` = monetary / frequency;
/// `discount_share` (logistic-N, 3 decimals); `campaign_responses`;
/// `web_purchases` + `store_purchases` + `catalog_purchases` = `frequency`,
/// each purchase's channel drawn with the segment's weights; `tenure_days`
/// (whole days, at least `recency_days`); `segment` (the true segment).
/// `age` and `income` are each missing (NaN) independently with
/// probability `missingRate`, so imputation matters.
///
/// Determinism: the table depends only on `rows`, `seed` and `missingRate`;
/// every draw comes from one ``SeededGenerator`` in a fixed order per row.
public struct CustomerSimulator: Sendable {
  /// Number of customers.
  public var rows: Int
  /// The generator seed.
  public var seed: UInt64
  /// Probability that an `age` or `income` cell is missing.
  public var missingRate: Double

  /// The columns of the generated table, in order.
  public static let columnNames = [
    "customer_id", "age", "gender", "region", "income", "recency_days", "frequency", "monetary", "avg_basket",
    "discount_share", "campaign_responses", "web_purchases", "store_purchases", "catalog_purchases", "tenure_days", "segment",
  ]
  /// The categorical columns; all others are numeric.
  public static let categoricalColumns = ["customer_id", "gender", "region", "segment"]
  /// The numeric columns, in table order.
  public static let numericColumns = columnNames.filter { !categoricalColumns.contains($0) }

  private static let genders = ["female", "male", "other"]
  private static let genderWeights = [0.49, 0.48, 0.03]
  private static let regions = ["north", "south", "east", "west", "central"]

  /// A simulator for `rows` customers from `seed`, with `missingRate` (0…1) of age and income cells missing.
  public init(rows: Int, seed: UInt64, missingRate: Double = 0.02) {
    precondition(rows >= 0, "negative row count")
    precondition((0...1).contains(missingRate), "missingRate must be in 0...1")
    self.rows = rows
    self.seed = seed
    self.missingRate = missingRate
  }

  /// The generated customers.
  /// - Complexity: O(`rows` · mean frequency) draws.
  public func table() -> DataTable {
    var rng = SeededGenerator(seed: seed)
    let segments = CustomerSegment.allCases
    let profiles = segments.map(SegmentProfile.of)
    let proportions = segments.map(\.proportion)
    let idWidth = max(5, String(rows).count)
    var numeric = Array(repeating: [Double](), count: Self.numericColumns.count)
    for c in numeric.indices { numeric[c].reserveCapacity(rows) }
    var ids: [String?] = [], genders: [String?] = [], regions: [String?] = [], labels: [String?] = []

    for row in 0..<rows {
      let s = rng.nextCategory(weights: proportions)
      let p = profiles[s]
      let id = String(row + 1)
      ids.append("C" + String(repeating: "0", count: max(0, idWidth - id.count)) + id)
      labels.append(segments[s].rawValue)
      genders.append(Self.genders[rng.nextCategory(weights: Self.genderWeights)])
      regions.append(Self.regions[rng.nextCategory(weights: p.regions)])

      let age = min(90, max(18, rng.nextNormal(mean: p.age.mean, sd: p.age.sd).rounded()))
      let income = Self.money(max(8_000, rng.nextLogNormal(median: p.income.median, sigma: p.income.sigma)))
      let recency = max(0, rng.nextLogNormal(median: p.recencyDays.median, sigma: p.recencyDays.sigma).rounded())
      let frequency = 1 + rng.nextPoisson(mean: p.frequency - 1)
      let basket = rng.nextLogNormal(median: p.basket.median, sigma: p.basket.sigma)
      let monetary = Self.money(basket * Double(frequency))
      let discount = rng.nextLogitNormal(mean: p.discountLogit.mean, sd: p.discountLogit.sd)
      let campaigns = rng.nextPoisson(mean: p.campaignResponses)
      var channelCounts = [0, 0, 0]
      for _ in 0..<frequency { channelCounts[rng.nextCategory(weights: p.channels)] += 1 }
      let tenure = max(recency, rng.nextLogNormal(median: p.tenureDays.median, sigma: p.tenureDays.sigma).rounded())
      let ageMissing = rng.nextUnit() < missingRate
      let incomeMissing = rng.nextUnit() < missingRate

      let values = [
        ageMissing ? .nan : age, incomeMissing ? .nan : income, recency, Double(frequency), monetary,
        Self.money(monetary / Double(frequency)), (discount * 1000).rounded() / 1000, Double(campaigns),
        Double(channelCounts[0]), Double(channelCounts[1]), Double(channelCounts[2]), tenure,
      ]
      for (k, value) in values.enumerated() { numeric[k].append(value) }
    }

    let categorical = ["customer_id": ids, "gender": genders, "region": regions, "segment": labels]
    let columns = Self.columnNames.map { name -> Column in
      if let index = Self.numericColumns.firstIndex(of: name) { return .numeric(name, numeric[index]) }
      return .categorical(name, categorical[name]!)
    }
    return DataTable(columns: columns)
  }

  /// Writes ``table()`` to `path` as CSV.
  public func writeCSV(to path: String) throws {
    try CSVWriter().write(table(), to: path)
  }

  /// `value` rounded to cents.
  private static func money(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
