extension TrialPlan {
  /// The algorithm parameters a spec sets (grid axes first, in grid order, then fixed values by name), each once
  /// across algorithms: the per-parameter columns of `leaderboard.csv`, so pandas users filter on `k` without parsing.
  public var parameterColumns: [String] {
    var names: [String] = []
    for use in experiment.algorithms {
      for name in use.grid.map(\.parameter) + use.fixed.keys.sorted() where !names.contains(name) { names.append(name) }
    }
    return names
  }

  /// Trial `index`'s value of algorithm parameter `name` (its default when the spec leaves it), or nil when its
  /// algorithm has no such parameter.
  public func parameterValue(of index: Int, _ name: String) -> JSONValue? {
    trials[index].algorithm.parameters.values[name]
  }
}
