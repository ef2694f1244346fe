@testable import WorkbenchKit

/// Which latent segments of the simulated customers a segmentation's names identify.
///
/// A latent segment L (``CustomerSegment``) is identified when
/// 1. its majority segment S (the segment holding most of L's customers,
///    ties to the smaller id) has L as its own majority latent segment too,
///    so no segment identifies two latent segments and a segment that merely
///    absorbs a few of L's customers does not count; and
/// 2. S's name starts with a vocabulary label (the part before " · ") that
///    says one of L's defining traits in ``CustomerSimulator``'s table
///    (``recognisable``).
enum LatentSegmentMatching {
  /// The vocabulary labels that say a defining trait of each latent segment.
  ///
  /// Loyal high spenders: the largest baskets and spend, frequent, recent, long tenure.
  /// Discount seekers: the only segment with most purchases discounted; they
  /// also answer the most campaigns and buy mostly online. At risk: months
  /// since the last purchase. New customers: weeks of tenure. Occasional:
  /// buying now and then.
  static let recognisable: [CustomerSegment: Set<String>] = [
    .loyalHighSpender: ["High spenders", "Loyal customers"],
    .discountSeeker: ["Discount seekers", "Campaign responders", "Digital enthusiasts"],
    .atRisk: ["At risk"],
    .newCustomer: ["New customers"],
    .occasional: ["Infrequent shoppers"],
  ]

  /// One latent segment and the segment that stands for it.
  struct Match: Equatable, CustomStringConvertible {
    var latent: CustomerSegment
    /// Its majority segment's id and name.
    var segment: Int
    var name: String
    /// Whether the segment's own majority is this latent segment.
    var mutual: Bool
    /// Whether the name says one of the latent segment's traits.
    var recognised: Bool

    var identified: Bool { mutual && recognised }
    var description: String { "\(latent.rawValue) → \(segment) '\(name)'\(mutual ? "" : " (not its majority)")\(recognised ? "" : " (name not recognised)")" }
  }

  /// The match of every latent segment, in ``CustomerSegment`` order.
  ///
  /// - Parameters:
  ///   - names: segment id → name (noise, −1, may be among them; it is never a majority segment).
  ///   - labels: each row's segment id (nil when excluded).
  ///   - truth: each row's latent segment (`CustomerSegment` raw values).
  static func matches(names: [Int: String], labels: [Int?], truth: [String?]) -> [Match] {
    let latents = CustomerSegment.allCases
    let ids = names.keys.filter { $0 >= 0 }.sorted()
    var counts = Array(repeating: Array(repeating: 0, count: ids.count), count: latents.count)
    for (row, label) in labels.enumerated() {
      guard let label, let s = ids.firstIndex(of: label), let l = latents.firstIndex(where: { $0.rawValue == truth[row] }) else { continue }
      counts[l][s] += 1
    }
    /// The first index of the largest count.
    func argmax(_ values: [Int]) -> Int { values.indices.max { values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1) }! }
    return latents.indices.map { l in
      let s = argmax(counts[l])
      let name = names[ids[s]]!
      let label = name.components(separatedBy: " · ")[0]
      return Match(
        latent: latents[l], segment: ids[s], name: name, mutual: argmax(latents.indices.map { counts[$0][s] }) == l,
        recognised: recognisable[latents[l]]!.contains(label))
    }
  }
}
