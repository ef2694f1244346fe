extension EvaluationSpec {
  /// Where the ranking metric was measured, in one sentence for leaderboards (see ``EvaluationSpec``).
  public var sentence: String {
    switch space {
    case .standardized:
      """
      Quality is measured in one space shared by every trial, **standardized**: the spec's features with missing \
      values imputed (median, most frequent), numeric columns standardised and categorical columns one-hot encoded \
      at weight \(Leaderboard.rounded(categoricalWeight)), so trials of different pipelines compare fairly.
      """
    case .pipeline:
      """
      Quality is measured in each trial's own pipeline output (`"evaluation": {"space": "pipeline"}`): scores of \
      trials from different pipelines are not comparable.
      """
    case .named(let pipeline):
      "Quality is measured in one space shared by every trial: the output of pipeline **\(pipeline)**, fitted once."
    }
  }
}
