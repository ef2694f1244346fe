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

  /// The roles that name one column: JSON key and property, in a fixed order.
  static var singleRoles: [(key: String, path: WritableKeyPath<InsightRoles, String?>)] {
    [("monetary", \.monetary), ("recency", \.recency), ("frequency", \.frequency), ("discount", \.discount), ("tenure", \.tenure)]
  }

  /// The roles that name a list of columns: JSON key and property, in a fixed order.
  static var listRoles: [(key: String, path: WritableKeyPath<InsightRoles, [String]>)] {
    [("campaign", \.campaign), ("channels", \.channels), ("categories", \.categories), ("identifiers", \.identifiers)]
  }

  /// The JSON keys of the single-column roles, in order.
  static var singleRoleKeys: [String] { singleRoles.map(\.key) }

  /// The JSON keys of the list roles, in order.
  static var listRoleKeys: [String] { listRoles.map(\.key) }

  /// The single-column role called `key` (one of ``singleRoleKeys``).
  subscript(single key: String) -> String? {
    get { self[keyPath: Self.singleRoles.first { $0.key == key }!.path] }
    set { self[keyPath: Self.singleRoles.first { $0.key == key }!.path] = newValue }
  }

  /// The list role called `key` (one of ``listRoleKeys``).
  subscript(list key: String) -> [String] {
    get { self[keyPath: Self.listRoles.first { $0.key == key }!.path] }
    set { self[keyPath: Self.listRoles.first { $0.key == key }!.path] = newValue }
  }
}
