/// The columns that play a customer role in the insight step (spend, recency, …), as a spec declares them.
///
/// Every role is optional: a role left unset is recognised by the column's
/// name when the data has a column the vocabulary knows (see
/// ``resolved(for:)``); a role neither declared nor recognised is simply
/// absent, and what needs it (a vocabulary name, a behaviour section) is
/// skipped. Specs built from transactions know them already (the
/// aggregator's column names are recognised).
public struct InsightRoles: Sendable, Equatable {
  /// Total spend per customer (the "value" of high-value customers).
  public var monetary: String?
  /// Days since the last purchase.
  public var recency: String?
  /// Number of purchases.
  public var frequency: String?
  /// Share of purchases made on discount.
  public var discount: String?
  /// Campaign responses: counts or 0/1 (yes/no) columns, one per campaign.
  public var campaign: [String]
  /// Purchases (counts or shares) per channel, one column each; or one categorical column naming the channel.
  public var channels: [String]
  /// Purchases (counts or shares) per product category, one column each.
  public var categories: [String]
  /// Days since the customer's first purchase.
  public var tenure: String?
  /// Identifier columns, left out of profiles and tests.
  public var identifiers: [String]

  public init(
    monetary: String? = nil, recency: String? = nil, frequency: String? = nil, discount: String? = nil, campaign: [String] = [],
    channels: [String] = [], categories: [String] = [], tenure: String? = nil, identifiers: [String] = []
  ) {
    self.monetary = monetary
    self.recency = recency
    self.frequency = frequency
    self.discount = discount
    self.campaign = campaign
    self.channels = channels
    self.categories = categories
    self.tenure = tenure
    self.identifiers = identifiers
  }

  /// The roles that name one column, with their JSON keys, in a fixed order.
  static let singleRoleKeys = ["monetary", "recency", "frequency", "discount", "tenure"]
  /// The roles that name a list of columns, with their JSON keys, in a fixed order.
  static let listRoleKeys = ["campaign", "channels", "categories", "identifiers"]

  /// The single-column role called `key`.
  subscript(single key: String) -> String? {
    get {
      switch key {
      case "monetary": monetary
      case "recency": recency
      case "frequency": frequency
      case "discount": discount
      case "tenure": tenure
      default: preconditionFailure("unknown single role \(key)")
      }
    }
    set {
      switch key {
      case "monetary": monetary = newValue
      case "recency": recency = newValue
      case "frequency": frequency = newValue
      case "discount": discount = newValue
      case "tenure": tenure = newValue
      default: preconditionFailure("unknown single role \(key)")
      }
    }
  }

  /// The list role called `key`.
  subscript(list key: String) -> [String] {
    get {
      switch key {
      case "campaign": campaign
      case "channels": channels
      case "categories": categories
      case "identifiers": identifiers
      default: preconditionFailure("unknown list role \(key)")
      }
    }
    set {
      switch key {
      case "campaign": campaign = newValue
      case "channels": channels = newValue
      case "categories": categories = newValue
      case "identifiers": identifiers = newValue
      default: preconditionFailure("unknown list role \(key)")
      }
    }
  }
}
