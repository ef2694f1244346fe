/// How well each segment answers campaigns: the response rate per segment with a 95 % Wilson interval.
///
/// A campaign column counts responses (a customer responded when the count
/// is above 0) or flags them (0/1 numbers, or yes/no, true/false, y/n, t/f, 1/0
/// labels). Customers with the cell missing are not counted. Noise is a
/// segment of its own, as in the profiles.
public struct CampaignResponse: Sendable, Equatable {
  /// Responders among the customers with a value, and the rate with its interval.
  public struct Rate: Sendable, Equatable {
    /// Customers with a value.
    public var customers: Int
    /// Customers who responded.
    public var responders: Int
    /// responders / customers with its 95 % Wilson interval; undefined without customers.
    public var rate: Score

    init(customers: Int, responders: Int) {
      self.customers = customers
      self.responders = responders
      rate = customers == 0 ? .undefined("no customers with a value") : WilsonInterval.estimate(successes: responders, trials: customers)
    }
  }

  /// One campaign column.
  public struct Campaign: Sendable, Equatable {
    /// The column's name.
    public var column: String
    /// Over every included row.
    public var population: Rate
    /// Per segment, in ``CampaignResponse/segmentIds`` order.
    public var segments: [Rate]
  }

  /// The segment ids.
  public var segmentIds: [Int]
  /// One entry per campaign column, in role order.
  public var campaigns: [Campaign]

  /// The section for `roles`, or why there is none (no campaign column).
  static func compute(table: DataTable, rows: SegmentRows, roles: InsightRoles) -> Result<CampaignResponse, StatisticUndefined> {
    let campaigns = roles.campaign.compactMap { name -> Campaign? in
      guard let column = table.column(named: name) else { return nil }
      let responded: [Bool?]
      if let numbers = column.numbers {
        responded = numbers.map { $0.isNaN ? nil : $0 > 0 }
      } else if let flags = column.labels.flatMap(Self.flags) {
        responded = flags
      } else {
        return nil
      }
      let segments = rows.rows.map { segmentRows in
        Rate(customers: segmentRows.count { responded[$0] != nil }, responders: segmentRows.count { responded[$0] == true })
      }
      return Campaign(
        column: name,
        population: Rate(customers: segments.reduce(0) { $0 + $1.customers }, responders: segments.reduce(0) { $0 + $1.responders }),
        segments: segments)
    }
    guard !campaigns.isEmpty else { return .failure(StatisticUndefined("no campaign column: name them in insight.roles.campaign")) }
    return .success(CampaignResponse(segmentIds: rows.ids, campaigns: campaigns))
  }

  /// Yes/no labels as flags (missing stays `nil`), or `nil` when some label is not a yes/no word.
  static func flags(_ labels: [String?]) -> [Bool?]? {
    var out: [Bool?] = []
    out.reserveCapacity(labels.count)
    for label in labels {
      guard let label else {
        out.append(nil)
        continue
      }
      switch label.lowercased() {
      case "yes", "y", "true", "t", "1": out.append(true)
      case "no", "n", "false", "f", "0": out.append(false)
      default: return nil
      }
    }
    return out
  }
}
