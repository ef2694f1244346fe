/// What the naming vocabulary reads about one segment: the z-scores of its role columns.
///
/// Each signal is the segment's standardised mean difference from the
/// population in that role's column (``NumericColumnProfile/zScores``),
/// `nil` when the role has no column or the z-score is undefined.
/// `campaign` averages the z-scores of the numeric campaign columns;
/// `digital` is the segment's share of purchases in digital channels (a
/// channel column or category whose name holds web, online, app, mobile,
/// digital, internet, email, ecommerce or social) minus the population's,
/// over the population share's binomial standard deviation √(s(1 − s)).
struct RoleSignals {
  typealias Signal = (z: Double, evidence: [SegmentName.Evidence])

  var monetary: Signal?
  var frequency: Signal?
  var recency: Signal?
  var tenure: Signal?
  var discount: Signal?
  var campaign: Signal?
  var digital: Signal?

  /// Words that mark a channel as digital.
  static let digitalWords = ["web", "online", "app", "mobile", "digital", "internet", "email", "ecommerce", "social"]

  /// The signals of the segment in group `group`.
  init(group: Int, roles: InsightRoles, profiles: InsightProfiles) {
    func single(_ column: String?) -> Signal? {
      guard let column, let z = profiles.numeric(named: column)?.z(group) else { return nil }
      return (z, [SegmentName.Evidence(column: column, z: z)])
    }
    monetary = single(roles.monetary)
    frequency = single(roles.frequency)
    recency = single(roles.recency)
    tenure = single(roles.tenure)
    discount = single(roles.discount)
    let campaigns = roles.campaign.compactMap { single($0) }
    if !campaigns.isEmpty {
      campaign = (campaigns.reduce(0) { $0 + $1.z } / Double(campaigns.count), campaigns.flatMap(\.evidence))
    }
    digital = Self.digital(group: group, channels: roles.channels, profiles: profiles)
  }

  /// The digital-share signal from numeric channel columns or one categorical channel column.
  private static func digital(group: Int, channels: [String], profiles: InsightProfiles) -> Signal? {
    func isDigital(_ name: String) -> Bool {
      let n = InsightRoles.normalised(name).filter { $0 != "_" }
      return digitalWords.contains { n.contains($0) }
    }
    let segmentShare: Double, populationShare: Double, label: String
    if channels.count == 1, let categorical = profiles.categorical(named: channels[0]) {
      let digital = categorical.categories.indices.filter { isDigital(categorical.categories[$0]) }
      guard !digital.isEmpty, let segment = categorical.segments[group].shares, let population = categorical.population.shares else { return nil }
      segmentShare = digital.reduce(0) { $0 + segment[$1] }
      populationShare = digital.reduce(0) { $0 + population[$1] }
      label = channels[0]
    } else {
      let numeric = channels.compactMap { profiles.numeric(named: $0) }
      let digital = numeric.filter { isDigital($0.column) }
      guard !digital.isEmpty else { return nil }
      func share(_ mean: (NumericColumnProfile) -> Double?) -> Double? {
        let all = numeric.compactMap(mean).reduce(0, +), part = digital.compactMap(mean).reduce(0, +)
        return all > 0 ? part / all : nil
      }
      guard let s = share({ $0.segments[group].mean.value }), let p = share({ $0.population.mean.value }) else { return nil }
      segmentShare = s
      populationShare = p
      label = digital.map(\.column).joined(separator: " + ")
    }
    guard populationShare > 0 && populationShare < 1 else { return nil }
    let z = (segmentShare - populationShare) / (populationShare * (1 - populationShare)).squareRoot()
    return (z, [SegmentName.Evidence(column: label, z: z)])
  }
}
