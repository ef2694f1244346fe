import WorkbenchNumerics

/// Where a trial's segments lie in the run's standardized space: a principal-component scatter and the silhouettes.
///
/// The space is the evaluation space every trial is compared in
/// (``EvaluationSpace/standardized(_:categoricalWeight:)``: the spec's
/// features imputed and standardised, categories one-hot and weighted), so
/// pictures of different trials are comparable. The principal axes come
/// from every included row, or from ``axisLimit`` evenly spaced ones when
/// there are more (a picture's axes need no more: their variances agree to
/// about three digits, and the cross-products of a million rows cost more
/// than the rest of the page); the scatter shows a sample of about
/// ``scatterLimit`` rows and the silhouettes are computed on a sample of
/// about ``silhouetteLimit`` rows, both drawn by segment in proportion with
/// at least 30 rows of each (``StratifiedSample``: rounding and those
/// minimums can add a few rows per segment), from generators seeded
/// by the trial's seed, so the page is the same on every run. Noise rows
/// appear in the scatter (grey) and have no silhouette.
struct SegmentGeometry: Sendable {
  /// Rows drawn in the scatter plots when there are more (about: see ``StratifiedSample``).
  static let scatterLimit = 2_000
  /// Rows whose silhouettes are computed and drawn when there are more (about).
  static let silhouetteLimit = 5_000
  /// Rows the principal axes are fitted on when there are more (evenly spaced in data order).
  static let axisLimit = 100_000

  /// One drawn row: its segment id and its coordinates on the first (up to) three axes.
  struct Point: Sendable, Equatable {
    var segment: Int
    var coordinates: [Double]
  }

  /// The silhouettes of the sampled rows by segment (largest first), and their mean.
  struct Silhouettes: Sendable, Equatable {
    /// (segment id, its rows' values sorted from largest to smallest), in segment id order.
    var segments: [(id: Int, values: [Double])]
    var mean: Double
    /// Rows in the sample (noise included) and rows they were drawn from.
    var sampled: Int
    var population: Int

    static func == (a: Silhouettes, b: Silhouettes) -> Bool {
      a.mean == b.mean && a.sampled == b.sampled && a.population == b.population && a.segments.map(\.id) == b.segments.map(\.id)
        && a.segments.map(\.values) == b.segments.map(\.values)
    }
  }

  /// Sampled rows for the scatter plots.
  var points: [Point]
  /// Rows the sample was drawn from (the included rows).
  var population: Int
  /// Rows the principal axes were fitted on (all of ``population`` up to ``axisLimit``).
  var axisRows: Int
  /// Each axis's share of the variance of the space.
  var explainedRatio: [Double]
  /// The silhouettes, or why there are none (a single segment).
  var silhouettes: Result<Silhouettes, SilhouetteUndefined>

  /// The geometry of the segmentation `grouping` (of aligned ids per dataset row; −1 noise) in `space`.
  static func compute(space: EvaluationSpace, grouping: SegmentRows, seed: UInt64) throws -> SegmentGeometry {
    let included = grouping.includedRowIndices.filter { space.rowOfDatasetRow[$0] != nil }
    let classes = included.map { grouping.groupOfRow[$0] }
    let spaceRows = included.map { space.rowOfDatasetRow[$0]! }
    var seeds = SeededGenerator(seed: seed)
    let (scatterSeed, silhouetteSeed) = (seeds.next(), seeds.next())
    let axisRows = spaceRows.count <= axisLimit ? spaceRows : (0..<axisLimit).map { spaceRows[$0 * spaceRows.count / axisLimit] }
    let axes = PrincipalAxes(space.matrix, rows: axisRows, count: 3)
    let drawn = StratifiedSample.rows(classes: classes, classCount: grouping.count, limit: scatterLimit, seed: scatterSeed)
    let points = drawn.map { i in Point(segment: grouping.ids[classes[i]], coordinates: axes.project(space.matrix, row: spaceRows[i])) }
    let measured = StratifiedSample.rows(classes: classes, classCount: grouping.count, limit: silhouetteLimit, seed: silhouetteSeed)
    let labels = measured.map { grouping.ids[classes[$0]] }
    let silhouettes = try SilhouetteSamples.compute(space.matrix.selecting(rows: measured.map { spaceRows[$0] }), labels: labels, context: FitContext(seed: seed))
      .map { samples in
        let ids = Array(Set(labels.filter { $0 >= 0 })).sorted()
        let byId = ids.map { id in (id: id, values: zip(labels, samples.values).compactMap { $0 == id ? $1 : nil }.sorted(by: >)) }
        return Silhouettes(segments: byId, mean: samples.mean, sampled: measured.count, population: included.count)
      }
    return SegmentGeometry(
      points: points, population: included.count, axisRows: axisRows.count, explainedRatio: axes.explainedRatio, silhouettes: silhouettes)
  }
}
