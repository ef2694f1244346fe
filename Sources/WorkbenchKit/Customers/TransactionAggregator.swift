import Foundation

/// Turns a transactions file (one row per purchase line) into a customer table (one row per customer).
///
/// Real customer data usually arrives as transactions; clustering and the
/// behavioural scores need one row per customer. Columns are named by the
/// caller; the date column holds ISO 8601 dates or timestamps (see
/// ``TransactionDate``). Rows of one customer on the same calendar day form
/// one *purchase*: their amounts are added up (the `lifetimes` convention,
/// `summary_data_from_transaction_data(freq="D")`, so an order split into
/// several lines is not counted as several purchases).
///
/// Output columns, in this order, one row per customer sorted by id as text
/// (Swift string order: "C10" before "C9"; ids keep their spelling):
/// | column | meaning |
/// |---|---|
/// | `customer_id` (the id column's name) | the id, as written |
/// | `recency_days` | days from the last purchase to the as-of date |
/// | `frequency` | number of purchases (purchase days) |
/// | `repeat_purchases` | frequency − 1 (BG/NBD's x) |
/// | `monetary_total` | sum of all amounts |
/// | `monetary_mean` | monetary_total / frequency |
/// | `repeat_monetary_mean` | mean purchase value after the first purchase (Gamma–Gamma's m̄, as `lifetimes`); NaN with one purchase |
/// | `tenure_days` | days from the first purchase to the as-of date (BG/NBD's T) |
/// | `t_days` | days from the first to the last purchase (BG/NBD's t_x) |
/// | `mean_interpurchase_days` | t_days / repeat_purchases; NaN with one purchase |
/// | `interpurchase_cv` | coefficient of variation (population sd / mean) of the gaps between purchases; NaN with fewer than two gaps or a zero mean |
/// | `discount_share` | share of transaction rows flagged as discounted (only with a discount column) |
/// | `campaign_responses` | number of rows flagged as a campaign response (only with a campaign column) |
/// | `channel=<value>` … | share of rows per channel, one column per channel value in sorted order (only with a channel column) |
/// | `category=<value>` … | share of rows per product category, likewise |
/// | `r_score`, `f_score`, `m_score` | quintile scores 1–5 (``RFMScores``), on recency_days (reversed), frequency and monetary_total |
/// | `rfm_score` | the three digits as text, e.g. "545" |
/// | `rfm_segment` | the R×F segment name (``RFMScores/segment(recency:frequency:)``) |
///
/// Flags (discount, campaign) accept true/false, 1/0, yes/no (any case);
/// a missing flag counts as false. Missing channel or category cells count
/// toward no share (the shares of a customer then sum to less than 1).
///
/// Edge cases: an unparseable date, a missing or non-numeric amount, a missing
/// id or an unknown flag word is a ``DataError`` naming file, line and column
/// with a fix; a purchase after the as-of date is an error too. Negative
/// amounts (returns) are added like any other amount.
/// - Complexity: O(rows log rows) (sorting by customer and day).
public struct TransactionAggregator: Sendable, Equatable {
  /// Customer id column.
  public var idColumn: String
  /// Date or timestamp column.
  public var dateColumn: String
  /// Amount column (numbers).
  public var amountColumn: String
  /// Optional discount flag column.
  public var discountColumn: String?
  /// Optional sales channel column (text).
  public var channelColumn: String?
  /// Optional product category column (text).
  public var categoryColumn: String?
  /// Optional campaign-response flag column.
  public var campaignColumn: String?
  /// The day the observation ends; `nil` = the day after the last transaction.
  public var asOf: TransactionDate?

  /// An aggregator reading these columns.
  public init(
    idColumn: String = "customer_id", dateColumn: String = "date", amountColumn: String = "amount",
    discountColumn: String? = nil, channelColumn: String? = nil, categoryColumn: String? = nil,
    campaignColumn: String? = nil, asOf: TransactionDate? = nil
  ) {
    self.idColumn = idColumn
    self.dateColumn = dateColumn
    self.amountColumn = amountColumn
    self.discountColumn = discountColumn
    self.channelColumn = channelColumn
    self.categoryColumn = categoryColumn
    self.campaignColumn = campaignColumn
    self.asOf = asOf
  }

  /// The columns read as text whatever they hold.
  var textColumns: [String] {
    [idColumn, dateColumn] + [discountColumn, channelColumn, categoryColumn, campaignColumn].compactMap { $0 }
  }

  /// Reads the transactions CSV at `path` (relative paths against `directory`) and aggregates it.
  public func aggregate(path: String, relativeTo directory: String? = nil) throws(DataError) -> DataTable {
    let transactions = try CSVReader(textColumns: Set(textColumns)).read(path: path, relativeTo: directory)
    return try aggregate(transactions)
  }

  /// Aggregates a transactions table whose id, date and flag/text columns were read as text.
  public func aggregate(_ transactions: DataTable) throws(DataError) -> DataTable {
    let rows = try TransactionRows(transactions, aggregator: self)
    return try CustomerSummary(rows: rows, aggregator: self).table()
  }
}
