import WorkbenchNumerics

/// Which features the segmentation rests on: random-forest permutation importance and a readable surrogate tree.
///
/// The forest learns to predict each included row's segment (noise is a
/// class of its own) from the clustered features in original units (see
/// ``FeatureMatrix`` for missing values and categories). Above
/// ``InsightOptions/forestSampleLimit`` rows it learns from a
/// ``StratifiedSample`` of about that many. Importance is
/// ``PermutationImportance`` on the out-of-bag rows, overall and per
/// segment; the ``SurrogateTree`` is fitted on the same rows and measured
/// on all included rows. A requested feature that is not a column of the
/// data is mapped back when it is a one-hot column (`region=north` →
/// `region`) and otherwise listed in ``missingFeatures`` (a column a
/// pipeline step made, such as a principal component). Seeds for the
/// sample, the forest, the permutations and the surrogate are drawn in
/// that order from one generator seeded with `seed`.
public struct FeatureImportance: Sendable, Equatable {
  /// The importance of one feature: mean and standard deviation over the permutation repeats.
  public struct Feature: Sendable, Equatable {
    /// The feature's column.
    public var column: String
    /// Mean drop in (balanced) accuracy when the feature is shuffled.
    public var mean: Double
    /// Its standard deviation over the repeats.
    public var standardDeviation: Double
  }

  /// The columns the forest used, in the order given.
  public var features: [String]
  /// Requested features that are not columns of the data.
  public var missingFeatures: [String]
  /// Rows the forest and surrogate learnt from (all included rows, or the stratified sample).
  public var fitRows: Int
  /// Included rows.
  public var includedRows: Int
  /// Trees in the forest.
  public var trees: Int
  /// Permutation repeats.
  public var repeats: Int
  /// Out-of-bag accuracy of the forest (before any shuffle).
  public var outOfBagAccuracy: Double
  /// Rows scored out of bag.
  public var scoredRows: Int
  /// Overall importance, most important first (ties: feature order).
  public var overall: [Feature]
  /// One-vs-rest importance of each segment (in ``SegmentRows/ids`` order), most important first.
  public var perSegment: [[Feature]]
  /// Share of included rows the surrogate tree assigns to their own segment.
  public var surrogateFidelity: Double
  /// Depth of the surrogate tree.
  public var surrogateDepth: Int
  /// The surrogate tree's rules for each segment (in ``SegmentRows/ids`` order), best coverage first.
  public var rules: [[SegmentRule]]

  /// The importance of `features` for the segmentation `rows` of `table`, or why there is none.
  static func compute(table: DataTable, rows: SegmentRows, features requested: [String], options: InsightOptions, seed: UInt64)
    -> Result<FeatureImportance, StatisticUndefined>
  {
    var features: [String] = [], missing: [String] = []
    for name in requested {
      let column = table.column(named: name) != nil ? name : name.split(separator: "=", maxSplits: 1).first.map(String.init)
      if let column, table.column(named: column) != nil {
        if !features.contains(column) { features.append(column) }
      } else {
        missing.append(name)
      }
    }
    guard !features.isEmpty else { return .failure(StatisticUndefined("none of the clustered features is a column of the data")) }
    guard rows.count >= 2 else { return .failure(StatisticUndefined("needs at least two segments")) }
    let included = rows.includedRowIndices
    let classes = rows.includedGroups
    let matrix = FeatureMatrix(table: table, names: features, rows: included)
    var seeds = SeededGenerator(seed: seed)
    let sample = StratifiedSample.rows(classes: classes, classCount: rows.count, limit: options.forestSampleLimit, seed: seeds.next())
    let fitMatrix = matrix.selecting(rows: sample)
    let fitClasses = sample.map { classes[$0] }
    let forest = RandomForest(matrix: fitMatrix, classes: fitClasses, classCount: rows.count, treeCount: options.trees, seed: seeds.next())
    let permutation = PermutationImportance(
      forest: forest, matrix: fitMatrix, classes: fitClasses, repeats: options.permutationRepeats, seed: seeds.next())
    guard permutation.scoredRows > 0 else { return .failure(StatisticUndefined("too few rows: no row is out of bag for any tree")) }
    let surrogate = SurrogateTree(
      fit: fitMatrix, fitClasses: fitClasses, matrix: matrix, classes: classes, classCount: rows.count, seed: seeds.next())
    func ranked(_ spreads: [PermutationImportance.Spread]) -> [Feature] {
      spreads.indices.sorted { spreads[$0].mean != spreads[$1].mean ? spreads[$0].mean > spreads[$1].mean : $0 < $1 }
        .map { Feature(column: features[$0], mean: spreads[$0].mean, standardDeviation: spreads[$0].standardDeviation) }
    }
    return .success(
      FeatureImportance(
        features: features, missingFeatures: missing, fitRows: sample.count, includedRows: included.count, trees: options.trees,
        repeats: options.permutationRepeats, outOfBagAccuracy: permutation.baseAccuracy, scoredRows: permutation.scoredRows,
        overall: ranked(permutation.overall), perSegment: permutation.perClass.map(ranked), surrogateFidelity: surrogate.fidelity,
        surrogateDepth: surrogate.tree.depth, rules: surrogate.rules))
  }
}
