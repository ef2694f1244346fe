/// One colour per segment id, the same in every chart of every report: a palette colour-blind readers can tell apart.
///
/// Segment ids are the run-wide aligned ids (`segment_ids`), so a colour
/// follows the same customers across k values, pipelines, algorithms and
/// re-runs. The first seven colours are Okabe & Ito's palette for colour
/// vision deficiencies (its black left out: it reads as text); the next
/// nine are Paul Tol's "muted" scheme, also designed for it. Ids beyond
/// sixteen start over. Noise (−1) is grey.
/// - SeeAlso: Okabe & Ito, "Color Universal Design", 2008; Tol, "Colour schemes", SRON/EPS/TN/09-002, 2021.
public enum SegmentPalette {
  /// The colours, in the order segment ids 0, 1, 2, … take them.
  public static let colours = [
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
  ]
  /// The colour of noise rows.
  public static let noise = "#9A9A9A"

  /// The colour of segment `id`.
  public static func colour(_ id: Int) -> String {
    id < 0 ? noise : colours[id % colours.count]
  }
}
