/// Settings of the insight step's feature importance; the defaults are what the workbench uses.
public struct InsightOptions: Sendable, Equatable {
  /// Trees in the random forest (scikit-learn's `n_estimators` default, 100).
  public var trees: Int
  /// Shuffles per feature for permutation importance (scikit-learn's `n_repeats` default, 5).
  public var permutationRepeats: Int
  /// Rows above which the forest and the surrogate tree learn from a stratified sample of about this many.
  public var forestSampleLimit: Int

  public init(trees: Int = 100, permutationRepeats: Int = 5, forestSampleLimit: Int = 20_000) {
    precondition(trees >= 1 && permutationRepeats >= 1 && forestSampleLimit >= 1, "insight options must be positive")
    self.trees = trees
    self.permutationRepeats = permutationRepeats
    self.forestSampleLimit = forestSampleLimit
  }
}
