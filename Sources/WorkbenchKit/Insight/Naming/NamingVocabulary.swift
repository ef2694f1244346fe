/// The customer-vocabulary labels of the naming rule, each with the signal that earns it, in priority order.
///
/// A label is a candidate for a segment when its strength is at least
/// ``threshold`` (a quarter of a population standard deviation):
///
/// | label | strength | also requires |
/// |---|---|---|
/// | High spenders | z(monetary) | |
/// | Loyal customers | z(frequency) | z(recency) ≤ 0 and z(tenure) ≥ 0, where those roles exist |
/// | Discount seekers | z(discount) | |
/// | At risk | z(recency) | |
/// | New customers | −z(tenure) | |
/// | Infrequent shoppers | −z(frequency) | |
/// | Campaign responders | mean z(campaign columns) | |
/// | Digital enthusiasts | digital channel share, standardised (``RoleSignals``) | |
///
/// The order breaks ties between equally strong labels.
enum NamingVocabulary {
  /// One label and how strongly a segment earns it (`nil` when the signal is missing or fails a requirement).
  struct Entry: Sendable {
    let label: String
    let strength: @Sendable (RoleSignals) -> RoleSignals.Signal?
  }

  /// Smallest strength (in population standard deviations) that makes a label a candidate.
  static let threshold = 0.25

  /// The labels, in priority order.
  static let entries: [Entry] = [
    Entry(label: "High spenders") { $0.monetary },
    Entry(label: "Loyal customers") { s in
      guard let f = s.frequency, (s.recency?.z ?? 0) <= 0, (s.tenure?.z ?? 0) >= 0 else { return nil }
      return (f.z, f.evidence + (s.recency?.evidence ?? []) + (s.tenure?.evidence ?? []))
    },
    Entry(label: "Discount seekers") { $0.discount },
    Entry(label: "At risk") { $0.recency },
    Entry(label: "New customers") { s in s.tenure.map { (-$0.z, $0.evidence) } },
    Entry(label: "Infrequent shoppers") { s in s.frequency.map { (-$0.z, $0.evidence) } },
    Entry(label: "Campaign responders") { $0.campaign },
    Entry(label: "Digital enthusiasts") { $0.digital },
  ]
}
