import Foundation

/// Reads and statically validates an experiment spec (format version 1).
///
/// Every problem in the spec is reported at once, each at its JSON path with
/// a fix: malformed JSON (line and column), unknown keys and plugins (nearest
/// names suggested), parameter values out of range, cross-parameter rules a
/// plugin rejects. No data is read here; data-dependent checks come later.
public struct ExperimentReader: Sendable {
  /// The plugins specs may name.
  public let registry: PluginRegistry

  public init(registry: PluginRegistry) {
    self.registry = registry
  }

  /// The top-level keys of a spec, in documentation order.
  public static let topLevelKeys = [
    "$schema", "version", "name", "description", "seed", "plugins", "data", "pipelines", "algorithms", "metrics", "ranking", "evaluation",
    "stability", "insight", "gate",
  ]

  /// Reads the spec file at `path`.
  public func read(path: String) throws(SpecError) -> Experiment { try plan(path: path).experiment }

  /// Reads a parsed spec; relative data paths resolve against `baseDirectory`.
  public func read(_ json: JSONValue, file: String, baseDirectory: String) throws(SpecError) -> Experiment {
    try plan(json, file: file, baseDirectory: baseDirectory).experiment
  }

  /// Reads the spec file at `path` and expands its grid: the one expansion a command needs.
  public func plan(path: String) throws(SpecError) -> TrialPlan {
    guard let data = FileManager.default.contents(atPath: path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw SpecError(
        Location(file: path), exists ? "the spec file cannot be read." : "no such spec file.",
        fix: exists ? "check its permissions." : "check the path; specs usually live in experiments/ (try `ls experiments`).")
    }
    let json: JSONValue
    do {
      json = try JSONParser.parse([UInt8](data))
    } catch {
      throw SpecError(
        Location(file: path, jsonPath: error.path, line: error.line, column: error.column), "malformed JSON: \(error.message).",
        fix: "correct the JSON at that position.")
    }
    return try plan(json, file: path, baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
  }

  /// Reads a parsed spec and expands its grid; relative data paths resolve against `baseDirectory`.
  public func plan(_ json: JSONValue, file: String, baseDirectory: String) throws(SpecError) -> TrialPlan {
    var problems: [Problem] = []
    let root = Location(file: file, jsonPath: "")
    guard var top = SpecObject(json, at: root, problems: &problems, what: "the spec") else { throw SpecError(problems) }

    _ = top.take("$schema")
    // The plugins' folders are loaded into the registry before reading (``ExternalPlugins``); here only their form is checked.
    if top.take("plugins") != nil {
      do { _ = try ExternalPlugins.folders(of: json, file: file, baseDirectory: baseDirectory) } catch { problems += error.problems }
    }
    if let version = top.take("version"), version.integer != 1 {
      problems.append(Problem(root.appending("version"), "spec version \(version.canonicalText) is not supported.", fix: "use \"version\": 1 (or leave it out)."))
    }
    let name = top.string("name", required: true, problems: &problems, fix: "name the experiment, e.g. \"name\": \"customer-segments\".")
    if let name, let problem = Self.folderNameProblem(name) {
      problems.append(Problem(root.appending("name"), problem.message, fix: problem.fix))
    }
    let description = top.string("description", required: false, problems: &problems, fix: "write a sentence in double quotes.")
    var seed: UInt64 = 0
    if let value = top.take("seed") {
      if let s = value.integer, s >= 0, value.number != nil { seed = UInt64(s) } else {
        problems.append(Problem(root.appending("seed"), "'seed' must be a whole number ≥ 0; got \(value.canonicalText).", fix: "use e.g. \"seed\": 42."))
      }
    }
    let data = readData(top.take("data"), at: root.appending("data"), baseDirectory: baseDirectory, problems: &problems)
    let pipelines = readPipelines(top.take("pipelines"), at: root.appending("pipelines"), problems: &problems)
    var algorithms: [PluginUse] = []
    if let value = top.take("algorithms") {
      algorithms = readUses(value, kind: .algorithm, at: root.appending("algorithms"), problems: &problems) ?? []
    } else {
      problems.append(Problem(root.appending("algorithms"), "'algorithms' is required.", fix: "list at least one, e.g. [{\"use\": \"kmeans\", \"grid\": {\"k\": {\"from\": 2, \"to\": 6}}}]."))
    }
    var available: MetricNeeds = top.members["data"]?.object?["truth"] != nil ? .truth : []
    if algorithms.contains(where: { registry.algorithm(named: $0.name)?.capabilities.reportsLikelihood == true }) { available.insert(.likelihood) }
    var metrics = registry.metrics.filter { $0.computedByDefault && available.isSuperset(of: $0.needs) }
      .map { PluginUse(name: $0.name, location: root.appending("metrics")) }
    let beforeMetrics = problems.count
    if let value = top.take("metrics") { metrics = readUses(value, kind: .metric, at: root.appending("metrics"), problems: &problems) ?? [] }
    // With a misspelt metric the list is incomplete: checking the ranking metric against it would add a bogus problem.
    let metricsComplete = problems.count == beforeMetrics
    let ranking = readRanking(
      top.take("ranking"), metrics: metrics, metricsComplete: metricsComplete, at: root.appending("ranking"), problems: &problems)
    let stability = readStability(top.take("stability"), at: root.appending("stability"), problems: &problems)
    let evaluation = readEvaluation(top.take("evaluation"), pipelines: pipelines, at: root.appending("evaluation"), problems: &problems)
    let insight = readInsight(top.take("insight"), at: root.appending("insight"), problems: &problems)
    let gate = top.take("gate").flatMap { GateSpec.read($0, metrics: metrics.map(\.name), at: root.appending("gate"), problems: &problems) }
    top.reportUnknownKeys(known: Self.topLevelKeys, problems: &problems)

    guard problems.isEmpty, let name, let data, let ranking else { throw SpecError(problems.isEmpty ? [Problem(root, "the spec is incomplete.")] : problems) }
    let experiment = Experiment(
      name: name, description: description, seed: seed, data: data, pipelines: pipelines, algorithms: algorithms,
      metrics: metrics, ranking: ranking, evaluation: evaluation, insight: insight, stability: stability, gate: gate, source: json, specFile: file)
    return try TrialPlan.expand(experiment, registry: registry).get()
  }

  /// The longest experiment name, in UTF-8 bytes: it becomes a folder name, and file systems refuse names over 255 bytes.
  public static let maximumNameBytes = 100

  /// Why `name` cannot be the experiment's results folder, with a fix; `nil` when it can.
  static func folderNameProblem(_ name: String) -> (message: String, fix: String)? {
    let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    guard !allowed || name.hasPrefix(".") || name.utf8.count > maximumNameBytes else { return nil }
    let cleaned = String(name.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }.prefix(40))
    let fix = "rename it, e.g. \"\(cleaned.isEmpty ? "my-experiment" : cleaned)\"."
    let shown = MessageText.excerpt(name)
    if allowed, !name.hasPrefix(".") {
      return ("the name '\(shown)' is \(name.utf8.count) bytes long; it becomes a folder name, so at most \(maximumNameBytes) are allowed.", fix)
    }
    return ("the name '\(shown)' is used as a folder name and may hold only letters, digits, '-', '_' and '.', and may not start with '.'.", fix)
  }

  private func readData(_ value: JSONValue?, at location: Location, baseDirectory: String, problems: inout [Problem]) -> DataSpec? {
    guard let value else {
      problems.append(Problem(location, "'data' is required.", fix: "add \"data\": {\"path\": \"data/customers.csv\", \"id\": \"customer_id\"}."))
      return nil
    }
    guard var object = SpecObject(value, at: location, problems: &problems, what: "'data'") else { return nil }
    let columnsFix = "list column names from the CSV header, e.g. [\"income\", \"age\"]."
    let transactions = object.take("transactions").flatMap { readTransactions($0, at: location.appending("transactions"), problems: &problems) }
    let path = transactions?.path ?? object.string("path", required: true, problems: &problems, fix: "give the CSV path relative to the spec file, e.g. \"data/customers.csv\", or a \"transactions\" section.")
    if transactions != nil, object.take("path") != nil {
      problems.append(Problem(location.appending("path"), "give either 'path' (one row per customer) or 'transactions', not both.", fix: "remove one of them."))
    }
    let id = object.string("id", required: false, problems: &problems, fix: "name the id column, e.g. \"customer_id\".") ?? transactions?.aggregator.idColumn
    let features = object.strings("features", problems: &problems, fix: columnsFix)
    let categorical = object.strings("categorical", problems: &problems, fix: columnsFix) ?? []
    let truth = object.string("truth", required: false, problems: &problems, fix: "name the ground-truth column, e.g. \"segment\".")
    object.reportUnknownKeys(known: ["path", "transactions", "id", "features", "categorical", "truth"], problems: &problems)
    if let features, features.isEmpty {
      problems.append(Problem(location.appending("features"), "'features' must not be empty.", fix: "list the columns to cluster on, or leave 'features' out to use every numeric column."))
    }
    for (role, column) in [("id", id), ("truth", truth)] {
      guard let column else { continue }
      if features?.contains(column) == true || categorical.contains(column) {
        problems.append(Problem(location.appending(role), "the \(role) column '\(column)' is also listed as a feature.", fix: "remove it from 'features'/'categorical': it must not influence the clustering."))
      }
    }
    if let id, truth == id {
      problems.append(Problem(location.appending("truth"), "the truth column '\(id)' is the id column.", fix: "name the column that holds the known segments."))
    }
    for (i, column) in categorical.enumerated() where features?.contains(column) == true {
      problems.append(Problem(location.appending("categorical").appending(index: i), "'\(column)' is listed in both 'features' and 'categorical'.", fix: "keep numeric columns in 'features' and text columns in 'categorical'."))
    }
    for (key, list) in [("features", features ?? []), ("categorical", categorical)] {
      var seen: Set<String> = []
      for (i, column) in list.enumerated() where !seen.insert(column).inserted {
        problems.append(Problem(location.appending(key).appending(index: i), "'\(column)' is listed twice.", fix: "remove the repeat."))
      }
    }
    guard let path else { return nil }
    return DataSpec(
      path: path, resolvedPath: DataSpec.resolve(path, against: baseDirectory), id: id, features: features, categorical: categorical, truth: truth,
      transactions: transactions?.aggregator)
  }

  /// The keys of `data.transactions`: the file and the names of its columns.
  static let transactionKeys = ["path", "customer", "date", "amount", "discount", "channel", "category", "campaign", "as_of"]

  private func readTransactions(_ value: JSONValue, at location: Location, problems: inout [Problem]) -> (path: String, aggregator: TransactionAggregator)? {
    guard var object = SpecObject(value, at: location, problems: &problems, what: "'data.transactions'") else { return nil }
    let fix = "name the column of the transactions file."
    let path = object.string("path", required: true, problems: &problems, fix: "give the transactions CSV path relative to the spec file.")
    let customer = object.string("customer", required: false, problems: &problems, fix: fix) ?? "customer_id"
    let date = object.string("date", required: false, problems: &problems, fix: fix) ?? "date"
    let amount = object.string("amount", required: false, problems: &problems, fix: fix) ?? "amount"
    let optional = ["discount", "channel", "category", "campaign"].map { object.string($0, required: false, problems: &problems, fix: fix) }
    var asOf: TransactionDate?
    if let text = object.string("as_of", required: false, problems: &problems, fix: "write the date as \"YYYY-MM-DD\".") {
      asOf = TransactionDate(text)
      if asOf == nil {
        problems.append(Problem(location.appending("as_of"), "'\(text)' is not a date.", fix: "write the as-of date as \"YYYY-MM-DD\", e.g. \"2026-06-30\"."))
      }
    }
    object.reportUnknownKeys(known: Self.transactionKeys, problems: &problems)
    guard let path else { return nil }
    return (
      path,
      TransactionAggregator(
        idColumn: customer, dateColumn: date, amountColumn: amount, discountColumn: optional[0], channelColumn: optional[1],
        categoryColumn: optional[2], campaignColumn: optional[3], asOf: asOf)
    )
  }

  private func readPipelines(_ value: JSONValue?, at location: Location, problems: inout [Problem]) -> [PipelineSpec] {
    guard let value else { return [PipelineSpec(name: "raw", steps: [], location: location)] }
    guard let items = value.array, !items.isEmpty else {
      problems.append(Problem(location, "'pipelines' must be a non-empty list.", fix: "write [{\"name\": \"scaled\", \"steps\": [\"standard-scaler\"]}], or leave it out to cluster the raw features."))
      return []
    }
    var pipelines: [PipelineSpec] = []
    var names: Set<String> = []
    for (i, item) in items.enumerated() {
      let here = location.appending(index: i)
      guard var object = SpecObject(item, at: here, problems: &problems, what: "a pipeline") else { continue }
      let name = object.string("name", required: true, problems: &problems, fix: "name the pipeline, e.g. \"scaled\".") ?? "pipeline-\(i)"
      if !names.insert(name).inserted {
        problems.append(Problem(here.appending("name"), "two pipelines are called '\(name)'.", fix: "give each pipeline its own name."))
      }
      let steps = object.take("steps").flatMap { readUses($0, kind: .preprocessor, at: here.appending("steps"), problems: &problems, allowEmpty: true) } ?? []
      object.reportUnknownKeys(known: ["name", "steps"], problems: &problems)
      pipelines.append(PipelineSpec(name: name, steps: steps, location: here))
    }
    return pipelines
  }

  private func readUses(_ value: JSONValue, kind: PluginKind, at location: Location, problems: inout [Problem], allowEmpty: Bool = false) -> [PluginUse]? {
    guard let items = value.array, allowEmpty || !items.isEmpty else {
      problems.append(Problem(location, "'\(location.jsonPath ?? "")' must be a\(allowEmpty ? "" : " non-empty") list of \(kind.plural).", fix: "write e.g. [\"\(registry.names(of: kind).first ?? "name")\"]."))
      return nil
    }
    return items.enumerated().compactMap { i, item in readUse(item, kind: kind, at: location.appending(index: i), problems: &problems) }
  }

  private func readUse(_ value: JSONValue, kind: PluginKind, at location: Location, problems: inout [Problem]) -> PluginUse? {
    var name: String?
    var fixed: [String: JSONValue] = [:]
    var rawGrid: [String: JSONValue] = [:]
    if let s = value.string {
      name = s
    } else if var object = SpecObject(value, at: location, problems: &problems, what: "a \(kind.rawValue)") {
      name = object.string("use", required: true, problems: &problems, fix: "name the plugin, e.g. \"use\": \"\(registry.names(of: kind).first ?? "name")\".")
      for key in ["params", "grid"] {
        guard let v = object.take(key) else { continue }
        guard let members = v.object else {
          problems.append(Problem(location.appending(key), "'\(key)' must be an object of parameter values; got \(v.typeDescription).", fix: "write e.g. {\"k\": 4}."))
          continue
        }
        if key == "params" { fixed = members } else { rawGrid = members }
      }
      object.reportUnknownKeys(known: ["use", "params", "grid"], problems: &problems)
    }
    guard let name else { return nil }
    let type: (any PluginDescriptor)? =
      switch kind {
      case .preprocessor: registry.preprocessor(named: name)
      case .algorithm: registry.algorithm(named: name)
      case .metric: registry.metric(named: name)
      }
    guard let type else {
      problems.append(registry.unknown(kind, named: name, at: value.string == nil ? location.appending("use") : location))
      return nil
    }
    return checkedUse(type, fixed: fixed, rawGrid: rawGrid, at: location, problems: &problems)
  }

  private func checkedUse(
    _ type: any PluginDescriptor, fixed: [String: JSONValue], rawGrid: [String: JSONValue], at location: Location, problems: inout [Problem]
  ) -> PluginUse? {
    let before = problems.count
    let declared = type.parameters
    var normalizedFixed: [String: JSONValue] = [:]
    for (section, members) in [("params", fixed), ("grid", rawGrid)] {
      problems += Parameters.unknownKeys(members, declared: declared, owner: type.name) { location.appending(section).appending($0) }
    }
    var grid: [(parameter: String, values: [JSONValue])] = []
    for spec in declared {
      if let raw = fixed[spec.name] {
        if rawGrid[spec.name] != nil {
          problems.append(Problem(location.appending("grid").appending(spec.name), "'\(spec.name)' is set in both \"params\" and \"grid\".", fix: "keep it in one place."))
        }
        if let v = spec.kind.normalize(raw) { normalizedFixed[spec.name] = v } else {
          problems.append(invalid(spec, of: type, raw, at: location.appending("params").appending(spec.name)))
        }
      }
      guard let rawAxis = rawGrid[spec.name] else { continue }
      let axisLocation = location.appending("grid").appending(spec.name)
      let check = { (value: JSONValue, at: Location) in spec.kind.normalize(value) == nil ? invalid(spec, of: type, value, at: at) : nil }
      guard let candidates = GridAxis.values(rawAxis, at: axisLocation, problems: &problems, check: check) else { continue }
      var values: [JSONValue] = []
      for (i, candidate) in candidates.enumerated() {
        if let v = spec.kind.normalize(candidate) { values.append(v) } else {
          problems.append(invalid(spec, of: type, candidate, at: rawAxis.array == nil ? axisLocation : axisLocation.appending(index: i)))
          // A range is one entry: its first value out of bounds says what to change.
          if rawAxis.array == nil { break }
        }
      }
      grid.append((spec.name, values))
    }
    let combinations = grid.reduce((count: 1, overflow: false)) { total, axis in
      let (product, overflow) = total.count.multipliedReportingOverflow(by: axis.values.count)
      return (product, total.overflow || overflow)
    }
    if combinations.overflow || combinations.count > TrialPlan.maximumTrials {
      problems.append(
        Problem(
          location.appending("grid"), "this grid has more than \(TrialPlan.maximumTrials) combinations of values.",
          fix: "narrow the grids or split the experiment."))
    }
    guard problems.count == before else { return nil }
    let use = PluginUse(name: type.name, fixed: normalizedFixed, grid: grid, location: location)
    guard use.gridPointCount <= TrialPlan.maximumTrials else {
      problems.append(
        Problem(
          location.appending("grid"), "this grid expands to \(GridCount.text(use.gridPointCount)) settings, more than \(TrialPlan.maximumTrials) trials.",
          fix: "narrow the grid or split the experiment."))
      return nil
    }
    var reported: Set<String> = []
    for point in use.gridPoints {
      switch type.resolve(point, at: location.appending("params")) {
      case .failure(let error):
        for problem in error.problems where reported.insert(problem.description).inserted { problems.append(problem) }
      case .success(let parameters):
        do {
          try type.check(parameters)
        } catch let error as ParameterError {
          let section = use.grid.contains { $0.parameter == error.parameter } ? "grid" : "params"
          let problem = Problem(location.appending(section).appending(error.parameter), error.message, fix: error.fix)
          if reported.insert(problem.description).inserted { problems.append(problem) }
        } catch {
          problems.append(Problem(location, "\(type.name) rejected its parameters: \(error)."))
        }
      }
    }
    return problems.count == before ? use : nil
  }

  private func invalid(_ spec: ParameterSpec, of type: any PluginDescriptor, _ value: JSONValue, at location: Location) -> Problem {
    Problem(location, "the '\(spec.name)' parameter of \(type.name) must be \(spec.kind.phrase); got \(value.canonicalText).", fix: spec.kind.fix)
  }

  /// The stability section: absent or `true` gives ``StabilitySpec/default``, `false` none.
  private func readStability(_ value: JSONValue?, at location: Location, problems: inout [Problem]) -> StabilitySpec? {
    guard let value else { return .default }
    if let enabled = value.bool { return enabled ? .default : nil }
    guard let object = SpecObject(value, at: location, problems: &problems, what: "'stability' (an object, or true/false)") else { return nil }
    switch Parameters.resolve(object.members, declared: StabilitySpec.parameters, owner: "stability", at: location) {
    case .failure(let error):
      problems += error.problems
      return nil
    case .success(let p):
      return StabilitySpec(
        method: p.choice("method"), resamples: p.int("resamples"), fraction: p.real("fraction"), scale: p.real("scale"), seeds: p.int("seeds"))
    }
  }

  private func readEvaluation(_ value: JSONValue?, pipelines: [PipelineSpec], at location: Location, problems: inout [Problem]) -> EvaluationSpec {
    guard let value else { return EvaluationSpec() }
    guard let object = SpecObject(value, at: location, problems: &problems, what: "'evaluation'") else { return EvaluationSpec() }
    switch Parameters.resolve(object.members, declared: EvaluationSpec.parameters, owner: "evaluation", at: location) {
    case .failure(let error):
      problems += error.problems
      return EvaluationSpec()
    case .success(let p):
      let name = p.text("space")
      let names = pipelines.map(\.name)
      let space: EvaluationSpec.Space
      switch name {
      case "standardized": space = .standardized
      case "pipeline": space = .pipeline
      default:
        space = .named(name)
        if !names.contains(name) {
          problems.append(
            Problem(
              location.appending("space"), "'\(name)' is neither \"standardized\", \"pipeline\" nor a pipeline of this spec.\(NameSuggestions.hint(for: name, in: ["standardized", "pipeline"] + names))",
              fix: "use \"standardized\" (the default), \"pipeline\", or one of: \(names.joined(separator: ", "))."))
        }
      }
      return EvaluationSpec(space: space, categoricalWeight: p.real("categorical_weight"))
    }
  }

  private func readInsight(_ value: JSONValue?, at location: Location, problems: inout [Problem]) -> InsightSpec {
    guard let value else { return InsightSpec() }
    guard let object = SpecObject(value, at: location, problems: &problems, what: "'insight'") else { return InsightSpec() }
    var roles = InsightRoles()
    if let rolesValue = object.members["roles"] {
      do {
        roles = try InsightRoles(json: rolesValue, path: location.appending("roles").jsonPath ?? "insight.roles")
      } catch {
        problems += error.problems.map { problem in
          var located = problem
          located.location.file = location.file
          return located
        }
      }
    }
    var rest = object.members
    rest["roles"] = nil
    switch Parameters.resolve(rest, declared: InsightSpec.parameters, owner: "insight", at: location) {
    case .failure(let error):
      problems += error.problems
      return InsightSpec()
    case .success(let p):
      return InsightSpec(
        enabled: p.bool("enabled"), roles: roles,
        options: InsightOptions(trees: p.int("trees"), permutationRepeats: p.int("permutation_repeats"), forestSampleLimit: p.int("forest_sample_limit")))
    }
  }

  private func readRanking(
    _ value: JSONValue?, metrics: [PluginUse], metricsComplete: Bool, at location: Location, problems: inout [Problem]
  ) -> RankingSpec? {
    let names = metrics.map(\.name)
    let preferred = names.contains(RankingSpec.defaultMetric) ? RankingSpec.defaultMetric : names.first
    guard let value else {
      guard let preferred else {
        if metricsComplete { problems.append(Problem(location, "there is no metric to rank by.", fix: "list at least one metric.")) }
        return nil
      }
      return RankingSpec(metric: preferred)
    }
    guard var object = SpecObject(value, at: location, problems: &problems, what: "'ranking'") else { return nil }
    var metric = preferred
    if object.members["metric"] != nil {
      metric = object.string("metric", required: true, problems: &problems, fix: "name one of the experiment's metrics: \(names.joined(separator: ", ")).")
      guard let chosen = metric else { return nil }
      guard names.contains(chosen) || !metricsComplete else {
        problems.append(Problem(location.appending("metric"), "'\(chosen)' is not one of this experiment's metrics.\(NameSuggestions.hint(for: chosen, in: names))", fix: "use one of: \(names.joined(separator: ", ")), or add it to \"metrics\"."))
        return nil
      }
    }
    var rest = object.members
    rest["metric"] = nil
    guard let metric else {
      if metricsComplete { problems.append(Problem(location.appending("metric"), "there is no metric to rank by.", fix: "list at least one metric.")) }
      return nil
    }
    switch Parameters.resolve(rest, declared: RankingSpec.parameters, owner: "ranking", at: location) {
    case .failure(let error):
      problems += error.problems
      return nil
    case .success(let p):
      return RankingSpec(
        metric: metric, stabilityWeight: p.real("stability_weight"), minSegmentShare: p.real("min_segment_share"), minStability: p.real("min_stability"))
    }
  }
}
