extension TrialPlan {
  /// The name of the cluster-count parameter, the same in every algorithm that takes one.
  public static let clusterCountParameter = "k"

  /// Rejects grids asking for more clusters than the data has rows, naming each offending spec entry.
  public func checkClusterCounts(rows: Int, registry: PluginRegistry) throws(SpecError) {
    var problems: [Problem] = []
    let key = Self.clusterCountParameter
    for use in experiment.algorithms {
      guard let type = registry.algorithm(named: use.name), type.capabilities.requiresClusterCount else { continue }
      let section = use.grid.contains { $0.parameter == key } ? "grid" : "params"
      let largest = use.gridPoints.compactMap { $0[key]?.integer }.max()
        ?? type.parameters.first { $0.name == key }?.defaultValue?.integer
      guard let largest, largest > rows else { continue }
      problems.append(
        Problem(
          use.location.appending(section).appending(key), "\(use.name) asks for k = \(largest) clusters but the data has only \(rows) rows.",
          fix: "use values of k up to \(rows) (usually far fewer)."))
    }
    if !problems.isEmpty { throw SpecError(problems) }
  }
}
