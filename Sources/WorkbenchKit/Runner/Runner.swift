import Foundation

/// Runs every trial of a plan in parallel and records the results.
///
/// Trials run at most `jobs` at a time; one coordinating loop writes every
/// file, so there are no write races. Records, labels and the leaderboard
/// are written in grid order with seeds from config hashes, so they are
/// byte-identical whatever `jobs` is and whatever order trials finish in.
/// A trial that fails is recorded with its reason and the others go on.
public struct Runner: Sendable {
  /// The plugins trials may use.
  public let registry: PluginRegistry

  public init(registry: PluginRegistry) {
    self.registry = registry
  }

  /// Runs `plan` on `dataset`, resuming trials an earlier run of the same spec and data recorded.
  public func run(
    _ plan: TrialPlan, dataset: Dataset, options: RunOptions, observe: @escaping @Sendable (RunEvent) -> Void = { _ in }
  ) async throws -> RunSummary {
    let started = Date()
    let store = ResultStore(root: options.outputRoot, plan: plan, dataFingerprint: dataset.fingerprint)
    let executor = try TrialExecutor(registry: registry, plan: plan, dataset: dataset)
    let earlier = options.fresh ? [:] : store.recordedTrials()
    var records: [Int: TrialRecord] = [:]
    for trial in plan.trials { if let r = earlier[trial.configHash], r.seed == trial.seed { records[trial.index] = r } }
    let resumed = records.count
    var timings = store.readTimings()
    var manifest = RunManifest(
      plan: plan, dataFingerprint: dataset.fingerprint, rows: dataset.table.rowCount, columns: dataset.table.columns.count,
      runKey: URL(fileURLWithPath: store.directory).lastPathComponent, jobs: options.jobs, startedAt: started, status: .running,
      counts: (0, 0, resumed))
    let pending = plan.trials.filter { records[$0.index] == nil }
    // Pipelines are fitted before anything is written: a step that finds the data unusable
    // (a missing or non-numeric column) stops the run with a located error and no results folder.
    let neededPipelines = plan.pipelines.filter { variant in pending.contains { $0.pipeline.hash == variant.hash } }
    let features = await Self.bounded(neededPipelines, jobs: options.jobs) { variant in (variant.hash, executor.prepare(variant)) }
    for (_, result) in features { if case .failure(let failure) = result, let dataError = failure.dataError { throw dataError } }
    let featuresByHash = Dictionary(features, uniquingKeysWith: { first, _ in first })
    try store.create(fresh: options.fresh)
    try store.write(manifest.json.prettyText, named: "manifest.json")
    observe(.started(total: plan.trials.count, resumed: resumed, directory: store.directory))

    var lastWrite = ContinuousClock.now
    try await Self.bounded(pending, jobs: options.jobs, work: { trial -> (TrialOutcome, Double) in
      let clock = ContinuousClock.now
      let outcome = executor.run(trial, features: featuresByHash[trial.pipeline.hash]!)
      let elapsed = ContinuousClock.now - clock
      return (outcome, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }) { outcome, seconds in
      try store.save(outcome, dataset: dataset)
      let record = outcome.record
      records[record.index] = record
      timings[record.configHash] = seconds
      observe(.trialFinished(record, seconds: seconds, done: records.count, total: plan.trials.count))
      if ContinuousClock.now - lastWrite > .seconds(1) {
        try store.writeRecords(Array(records.values))
        lastWrite = ContinuousClock.now
      }
    }

    var ordered = plan.trials.compactMap { records[$0.index] }
    let metric = registry.metric(named: plan.experiment.ranking.metric)!
    let rule = RankingRule(spec: plan.experiment.ranking, direction: metric.direction, bounds: metric.bounds)
    if let reference = Leaderboard(records: ordered, rule: rule).ranked.first?.record {
      ordered = try store.alignSegments(ordered, reference: reference, ids: dataset.ids, idColumn: dataset.idColumn)
    }
    try store.writeRecords(ordered)
    try store.writeTimings(plan.trials.compactMap { t in timings[t.configHash].map { (t.index, t.configHash, $0) } })
    let board = Leaderboard(records: ordered, rule: rule)
    let metricNames = plan.metrics.map(\.name)
    let describe = { (r: TrialRecord) in self.describeParameters(r) }
    try store.write(board.csv(metricNames: metricNames, describe: describe), named: "leaderboard.csv")
    let kSelection = KSelection(records: ordered, metrics: plan.metrics.map { ($0.name, registry.metric(named: $0.name)!.kRule) })
    try store.write(kSelection.json.prettyText, named: "k-selection.json")
    try store.write(
      board.markdown(title: "Leaderboard: \(plan.experiment.name)", metricNames: metricNames, describe: describe) + kSelection.markdown,
      named: "leaderboard.md")
    for trial in plan.trials {
      guard manifest.excludedRows[trial.pipeline.hash] == nil, let record = records[trial.index], record.status == .ok else { continue }
      manifest.excludedRows[trial.pipeline.hash] = (trial.pipeline.name, record.excluded)
    }
    manifest.status = .finished
    manifest.finishedAt = Date()
    let failed = ordered.filter { $0.status == .failed }.count
    manifest.counts = (ordered.count - failed, failed, resumed)
    try store.write(manifest.json.prettyText, named: "manifest.json")
    return RunSummary(directory: store.directory, records: ordered, leaderboard: board, resumed: resumed, metricNames: metricNames)
  }

  /// A trial's algorithm parameters as `k=3 n_init=10`, in declaration order.
  public func describeParameters(_ record: TrialRecord) -> String {
    guard let type = registry.algorithm(named: record.algorithmName),
      case .success(let p) = Parameters.resolve(record.algorithmParameters, for: type, at: Location())
    else { return record.algorithmParameters.keys.sorted().map { "\($0)=\(record.algorithmParameters[$0]!.canonicalText)" }.joined(separator: " ") }
    return ResolvedPlugin(name: type.name, parameters: p).compactDescription(declared: type.parameters)
  }

  /// Runs `work` on every item with at most `jobs` in flight, handing each result to `handle` on this task.
  static func bounded<Item: Sendable, Output: Sendable>(
    _ items: [Item], jobs: Int, work: @escaping @Sendable (Item) -> Output, handle: (Output) throws -> Void
  ) async throws {
    try await withThrowingTaskGroup(of: Output.self) { group in
      var next = 0
      while next < min(jobs, items.count) {
        let item = items[next]
        group.addTask { work(item) }
        next += 1
      }
      while let output = try await group.next() {
        try handle(output)
        if next < items.count {
          let item = items[next]
          group.addTask { work(item) }
          next += 1
        }
      }
    }
  }

  /// Runs `work` on every item with at most `jobs` in flight and returns the outputs in item order.
  static func bounded<Item: Sendable, Output: Sendable>(_ items: [Item], jobs: Int, work: @escaping @Sendable (Item) -> Output) async -> [Output] {
    var outputs: [Int: Output] = [:]
    let indexed = Array(items.enumerated())
    try? await bounded(indexed, jobs: jobs, work: { pair in (pair.offset, work(pair.element)) }) { outputs[$0.0] = $0.1 }
    return (0..<items.count).map { outputs[$0]! }
  }
}
