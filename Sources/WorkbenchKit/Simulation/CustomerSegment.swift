/// The latent customer segments of ``CustomerSimulator``, with their mixing proportions.
public enum CustomerSegment: String, Sendable, CaseIterable, Equatable {
  /// Frequent, recent, big baskets, long tenure, few discounts (15 %).
  case loyalHighSpender = "loyal-high-spender"
  /// Fairly frequent, small baskets, mostly on discount, answers campaigns, shops online (25 %).
  case discountSeeker = "discount-seeker"
  /// Used to buy, now silent for months (20 %).
  case atRisk = "at-risk"
  /// Joined in the last months, one or two purchases (15 %).
  case newCustomer = "new-customer"
  /// Buys now and then, middle of the road on everything (25 %).
  case occasional

  /// Share of customers in this segment; the shares sum to 1.
  public var proportion: Double {
    switch self {
    case .loyalHighSpender: 0.15
    case .discountSeeker: 0.25
    case .atRisk: 0.20
    case .newCustomer: 0.15
    case .occasional: 0.25
    }
  }
}
