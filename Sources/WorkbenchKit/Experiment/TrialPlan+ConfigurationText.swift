extension TrialPlan {
  /// A trial's configuration as people read it: "scaled · kmeans k=5 n_init=10" (pipeline · algorithm parameters).
  ///
  /// The one spelling gates, comparisons, merge errors and run listings use,
  /// whether they start from a plan or from a record and its parameter text.
  public static func configurationText(pipeline: String, algorithm: String, parameters: String) -> String {
    "\(pipeline) · \(algorithm)" + (parameters.isEmpty ? "" : " " + parameters)
  }

  /// Trial `index`'s configuration as people read it (see ``configurationText(pipeline:algorithm:parameters:)``).
  public func configurationText(of index: Int, registry: PluginRegistry) -> String {
    Self.configurationText(pipeline: trials[index].pipeline.name, algorithm: trials[index].algorithm.name, parameters: parameterText(of: index, registry: registry))
  }
}
