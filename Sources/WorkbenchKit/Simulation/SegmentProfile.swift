/// The distributions one ``CustomerSegment`` draws its customers from (see ``CustomerSimulator``).
struct SegmentProfile {
  /// Normal mean and standard deviation of age in years.
  var age: (mean: Double, sd: Double)
  /// Log-normal median and log-scale sigma of yearly income.
  var income: (median: Double, sigma: Double)
  /// Log-normal median and sigma of days since the last purchase.
  var recencyDays: (median: Double, sigma: Double)
  /// Mean number of purchases; frequency is `1 + Poisson(mean - 1)`.
  var frequency: Double
  /// Log-normal median and sigma of the average basket value.
  var basket: (median: Double, sigma: Double)
  /// Mean and sd on the logit scale of the share of purchases made on discount.
  var discountLogit: (mean: Double, sd: Double)
  /// Poisson mean of campaign responses.
  var campaignResponses: Double
  /// Relative weights of web, store and catalog for each purchase.
  var channels: [Double]
  /// Log-normal median and sigma of days since the customer joined.
  var tenureDays: (median: Double, sigma: Double)
  /// Relative weights of north, south, east, west, central.
  var regions: [Double]
  /// Median purchases per year while the customer is active (the transactions' rate; log-normal across customers, sigma 0.5).
  var purchasesPerYear: Double
  /// Probability that the customer lapses (drops out for good) right after each purchase, as BG/NBD assumes.
  var dropout: Double

  /// The profile of `segment`.
  static func of(_ segment: CustomerSegment) -> SegmentProfile {
    switch segment {
    case .loyalHighSpender:
      SegmentProfile(
        age: (46, 10), income: (95_000, 0.35), recencyDays: (12, 0.6), frequency: 28, basket: (120, 0.35),
        discountLogit: (-2.2, 0.6), campaignResponses: 2.0, channels: [0.35, 0.50, 0.15], tenureDays: (2_200, 0.35),
        regions: [0.25, 0.15, 0.20, 0.25, 0.15], purchasesPerYear: 5, dropout: 0.003)
    case .discountSeeker:
      SegmentProfile(
        age: (34, 9), income: (48_000, 0.35), recencyDays: (25, 0.6), frequency: 16, basket: (35, 0.35),
        discountLogit: (0.8, 0.6), campaignResponses: 4.5, channels: [0.70, 0.25, 0.05], tenureDays: (900, 0.5),
        regions: [0.15, 0.25, 0.20, 0.15, 0.25], purchasesPerYear: 7, dropout: 0.02)
    case .atRisk:
      SegmentProfile(
        age: (50, 12), income: (62_000, 0.4), recencyDays: (210, 0.4), frequency: 4, basket: (60, 0.4),
        discountLogit: (-1.2, 0.6), campaignResponses: 0.3, channels: [0.30, 0.45, 0.25], tenureDays: (1_500, 0.4),
        regions: [0.20, 0.25, 0.20, 0.15, 0.20], purchasesPerYear: 6, dropout: 0.25)
    case .newCustomer:
      SegmentProfile(
        age: (29, 8), income: (42_000, 0.4), recencyDays: (14, 0.6), frequency: 2, basket: (50, 0.45),
        discountLogit: (-0.8, 0.6), campaignResponses: 0.6, channels: [0.65, 0.30, 0.05], tenureDays: (60, 0.5),
        regions: [0.20, 0.15, 0.20, 0.30, 0.15], purchasesPerYear: 6, dropout: 0.05)
    case .occasional:
      SegmentProfile(
        age: (41, 13), income: (55_000, 0.4), recencyDays: (95, 0.5), frequency: 6, basket: (45, 0.4),
        discountLogit: (-1.5, 0.6), campaignResponses: 1.0, channels: [0.40, 0.45, 0.15], tenureDays: (1_100, 0.5),
        regions: [0.20, 0.20, 0.20, 0.20, 0.20], purchasesPerYear: 2, dropout: 0.03)
    }
  }
}
