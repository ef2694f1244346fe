/// The expanded grid: every trial of an experiment, in a fixed order.
///
/// Order: pipelines as listed, each pipeline's step grids, then algorithms
/// as listed and each algorithm's grid, the last parameter varying fastest.
/// The order only numbers trials; seeds and hashes do not depend on it.
public struct TrialPlan: Sendable {
  /// The most trials one experiment may expand to.
  public static let maximumTrials = 100_000

  /// The experiment expanded.
  public var experiment: Experiment
  /// Every distinct pipeline variant, in order of first use.
  public var pipelines: [PipelineVariant]
  /// Every trial, in grid order.
  public var trials: [TrialConfig]
  /// The metrics each trial computes, resolved.
  public var metrics: [ResolvedPlugin]

  /// Expands `experiment`; fails when two trials would be identical or the grid is too large.
  public static func expand(_ experiment: Experiment, registry: PluginRegistry) -> Result<TrialPlan, SpecError> {
    var problems: [Problem] = []
    func resolve(_ use: PluginUse, _ type: any PluginDescriptor) -> [ResolvedPlugin] {
      use.gridPoints.compactMap { point in
        guard case .success(let p) = type.resolve(point, at: use.location) else { return nil }
        return ResolvedPlugin(name: use.name, parameters: p, fingerprint: type.origin?.fingerprint)
      }
    }
    // Count before building anything: a few long step grids multiply into more variants than memory holds.
    let variantCount = GridCount.sum(experiment.pipelines.map { GridCount.product($0.steps.map(\.gridPointCount)) })
    let total = GridCount.product([variantCount, GridCount.sum(experiment.algorithms.map(\.gridPointCount))])
    guard total <= maximumTrials else {
      return .failure(
        SpecError(
          Location(file: experiment.specFile), "the grid expands to \(GridCount.text(total)) trials, more than \(maximumTrials).",
          fix: "narrow the grids or split the experiment."))
    }
    var variants: [PipelineVariant] = []
    for pipeline in experiment.pipelines {
      let stepChoices = pipeline.steps.map { resolve($0, registry.preprocessor(named: $0.name)!) }
      let combos = stepChoices.reduce([[ResolvedPlugin]]([[]])) { acc, choices in acc.flatMap { prefix in choices.map { prefix + [$0] } } }
      for steps in combos {
        let hash = TrialSeed.configHash(.array(steps.map(\.json)))
        variants.append(PipelineVariant(name: pipeline.name, steps: steps, hash: hash))
      }
    }
    let algorithmSettings = experiment.algorithms.map { use in (use, resolve(use, registry.algorithm(named: use.name)!)) }
    let metrics = experiment.metrics.flatMap { resolve($0, registry.metric(named: $0.name)!) }
    var trials: [TrialConfig] = []
    var firstUse: [String: (PipelineVariant, Location)] = [:]
    for variant in variants {
      for (use, settings) in algorithmSettings {
        for setting in settings {
          var trial = TrialConfig(
            index: trials.count, pipeline: variant, algorithm: setting, configHash: "", seed: 0, externalMetrics: metrics.filter { $0.fingerprint != nil })
          trial.configHash = TrialSeed.configHash(trial.configuration)
          trial.seed = TrialSeed.seed(experimentSeed: experiment.seed, configHash: trial.configHash)
          if let (other, otherLocation) = firstUse[trial.configHash] {
            problems.append(
              Problem(
                use.location, "this produces a trial identical to one from \(otherLocation.jsonPath ?? "") (pipeline '\(other.name)', \(setting.name) \(setting.compactDescription(declared: registry.algorithm(named: setting.name)!.parameters))).",
                fix: "remove the repeated value, algorithm or pipeline."))
            continue
          }
          firstUse[trial.configHash] = (variant, use.location)
          trials.append(trial)
        }
      }
    }
    problems += categoricalProblems(experiment, registry: registry)
    var seenVariant: Set<String> = []
    let distinct = variants.filter { seenVariant.insert($0.hash).inserted }
    guard problems.isEmpty else { return .failure(SpecError(problems)) }
    return .success(TrialPlan(experiment: experiment, pipelines: distinct, trials: trials, metrics: metrics))
  }

  /// Numeric-only algorithms that would receive the spec's categorical columns unencoded, found before any data is read.
  static func categoricalProblems(_ experiment: Experiment, registry: PluginRegistry) -> [Problem] {
    let categorical = experiment.data.categorical
    guard !categorical.isEmpty else { return [] }
    let unencoded = experiment.pipelines.filter { pipeline in
      pipeline.steps.allSatisfy { registry.preprocessor(named: $0.name)?.categoricalEffect == .keeps }
    }
    guard !unencoded.isEmpty else { return [] }
    let accepting = registry.algorithms.filter { $0.capabilities.acceptsCategorical }.map { $0.name }
    return experiment.algorithms.compactMap { use in
      guard let type = registry.algorithm(named: use.name), !type.capabilities.acceptsCategorical else { return nil }
      let names = unencoded.map { "'\($0.name)'" }
      let pipelines = names.count == 1 ? "pipeline \(names[0]) passes" : "pipelines \(MessageText.list(Array(names.dropLast()))) and \(names.last!) pass"
      return Problem(
        use.location,
        "\(use.name) needs numeric features, but \(pipelines) the categorical column\(categorical.count == 1 ? "" : "s") \(categorical.joined(separator: ", ")) (data.categorical) through unencoded.",
        fix: "add a \"one-hot\" step to \(names.count == 1 ? "the pipeline" : "each of them"), or use an algorithm for mixed data (\(accepting.joined(separator: ", "))).")
    }
  }
}

extension TrialPlan {
  /// Trial `index`'s algorithm parameters as `k=3 n_init=10`: the cluster count and every non-default value, in declaration order.
  public func parameterText(of index: Int, registry: PluginRegistry) -> String {
    let algorithm = trials[index].algorithm
    return algorithm.compactDescription(declared: registry.algorithm(named: algorithm.name)?.parameters ?? [])
  }
}
