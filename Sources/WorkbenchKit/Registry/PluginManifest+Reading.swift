extension PluginManifest {
  /// What a manifest declares: everything a descriptor holds but its factories.
  public struct Declaration: Sendable, Equatable {
    public var name: String
    public var kind: PluginKind
    public var summary: String
    public var parameters: [ParameterSpec]
    /// For algorithms.
    public var capabilities: AlgorithmCapabilities?
    /// For preprocessors.
    public var categoricalEffect: CategoricalEffect?
    /// For metrics: direction, bounds, needs, k rule and whether computed by default.
    public var direction: MetricDirection?
    public var bounds: ClosedRange<Double>?
    public var needs: MetricNeeds?
    public var kRule: KSelectionRule?
    public var computedByDefault: Bool?
    public var pairwiseCost: PairwiseCost?
  }

  /// Reads a manifest back; every problem is reported at its JSON path in `file`.
  public static func declaration(_ json: JSONValue, file: String) throws(SpecError) -> Declaration {
    var problems: [Problem] = []
    let root = Location(file: file, jsonPath: "")
    guard var top = SpecObject(json, at: root, problems: &problems, what: "a plugin manifest") else { throw SpecError(problems) }
    if let v = top.take("manifest_version"), v.integer != version {
      problems.append(Problem(root.appending("manifest_version"), "manifest version \(v.canonicalText) is not supported.", fix: "use \"manifest_version\": \(version)."))
    }
    let name = top.string("name", required: true, problems: &problems, fix: "name the plugin in kebab-case, e.g. \"my-clusterer\".") ?? ""
    let summary = top.string("summary", required: true, problems: &problems, fix: "describe the plugin in one line.") ?? ""
    let kindText = top.string("kind", required: true, problems: &problems, fix: "use \"algorithm\", \"metric\" or \"preprocessor\".")
    let kind = kindText.flatMap(PluginKind.init(rawValue:))
    if let kindText, kind == nil {
      problems.append(Problem(root.appending("kind"), "'\(kindText)' is not a plugin role.", fix: "use \"algorithm\", \"metric\" or \"preprocessor\"."))
    }
    var parameters: [ParameterSpec] = []
    if let list = top.take("parameters") {
      if let items = list.array {
        parameters = items.enumerated().compactMap { i, item in parameter(item, at: root.appending("parameters").appending(index: i), problems: &problems) }
      } else {
        problems.append(Problem(root.appending("parameters"), "'parameters' must be a list.", fix: "write [] for a plugin without parameters."))
      }
    }
    var declaration = Declaration(name: name, kind: kind ?? .algorithm, summary: summary, parameters: parameters)
    switch kind {
    case .algorithm:
      declaration.capabilities = AlgorithmCapabilities(json: top.take("capabilities") ?? .null, at: root.appending("capabilities"), problems: &problems)
    case .preprocessor:
      let text = top.take("categorical_effect")?.string ?? CategoricalEffect.keeps.rawValue
      declaration.categoricalEffect = CategoricalEffect(rawValue: text)
      if declaration.categoricalEffect == nil {
        problems.append(Problem(root.appending("categorical_effect"), "'\(text)' is not a categorical effect.", fix: "use keeps, encodes or may-remove."))
      }
    case .metric:
      readMetric(&top, into: &declaration, at: root, problems: &problems)
    case nil:
      break
    }
    top.reportUnknownKeys(known: knownKeys(kind), problems: &problems)
    guard problems.isEmpty else { throw SpecError(problems) }
    return declaration
  }

  private static func knownKeys(_ kind: PluginKind?) -> [String] {
    let common = ["manifest_version", "name", "kind", "summary", "parameters"]
    switch kind {
    case .algorithm: return common + ["capabilities"]
    case .preprocessor: return common + ["categorical_effect"]
    case .metric: return common + ["direction", "computed_by_default", "needs", "k_selection", "bounds", "pairwise"]
    case nil: return common
    }
  }

  private static func readMetric(_ top: inout SpecObject, into d: inout Declaration, at root: Location, problems: inout [Problem]) {
    let direction = top.take("direction")?.string.flatMap(MetricDirection.init(rawValue:))
    if direction == nil { problems.append(Problem(root.appending("direction"), "'direction' is required.", fix: "use \"higher-is-better\" or \"lower-is-better\".")) }
    d.direction = direction
    d.computedByDefault = top.take("computed_by_default")?.bool ?? false
    var needs: MetricNeeds = []
    for (i, item) in (top.take("needs")?.array ?? []).enumerated() {
      guard let need = item.string.flatMap(MetricNeeds.named) else {
        problems.append(Problem(root.appending("needs").appending(index: i), "unknown need \(item.canonicalText).", fix: "use: \(MetricNeeds.allNames.joined(separator: ", "))."))
        continue
      }
      needs.formUnion(need)
    }
    d.needs = needs
    if let label = top.take("k_selection") {
      d.kRule = label.string.flatMap(KSelectionRule.init(label:))
      if d.kRule == nil { problems.append(Problem(root.appending("k_selection"), "\(label.canonicalText) is not a k-selection rule.", fix: "use max, min, elbow (Kneedle), 1-SE rule or largest k ≥ T.")) }
    }
    if let pairwise = top.take("pairwise") {
      let o = pairwise.object ?? [:]
      d.pairwiseCost = PairwiseCost(samplingParameter: o["sampling_parameter"]?.string, sampled: o["sampled"]?.object ?? [:])
      if pairwise.object == nil || (o["sampling_parameter"] == nil) != (o["sampled"] == nil) {
        problems.append(Problem(root.appending("pairwise"), "'pairwise' must be {} or {\"sampling_parameter\": …, \"sampled\": {…}}.", fix: "declare how the metric is sampled, or write {}."))
      }
    }
    if let bounds = top.take("bounds") {
      let numbers = bounds.array?.compactMap(\.number) ?? []
      if numbers.count == 2, numbers[0] <= numbers[1] { d.bounds = numbers[0]...numbers[1] } else {
        problems.append(Problem(root.appending("bounds"), "'bounds' must be [low, high] with low ≤ high.", fix: "write e.g. [-1, 1], or leave it out."))
      }
    }
  }

  /// One declared parameter, in the form ``describe(_:)`` writes (`allowed` and `required` are derived and ignored).
  private static func parameter(_ json: JSONValue, at location: Location, problems: inout [Problem]) -> ParameterSpec? {
    guard var o = SpecObject(json, at: location, problems: &problems, what: "a parameter") else { return nil }
    let before = problems.count
    let name = o.string("name", required: true, problems: &problems, fix: "name the parameter in snake_case.")
    let summary = o.string("description", required: true, problems: &problems, fix: "describe the parameter in one line.")
    let schema = o.take("schema")
    let kind = schema.flatMap(ParameterKind.init(schema:))
    if kind == nil {
      problems.append(Problem(location.appending("schema"), "the schema is not one the workbench declares parameters with.", fix: "use an integer, number, boolean, string, enum, list or anyOf schema as in plugins-registry/*.json."))
    }
    let defaultValue = o.take("default")
    if let defaultValue, let kind, kind.normalize(defaultValue) == nil {
      problems.append(Problem(location.appending("default"), "the default \(defaultValue.canonicalText) is not \(kind.phrase).", fix: kind.fix))
    }
    _ = o.take("allowed")
    _ = o.take("required")
    o.reportUnknownKeys(known: ["name", "description", "schema", "default", "allowed", "required"], problems: &problems)
    guard problems.count == before, let name, let summary, let kind else { return nil }
    return ParameterSpec(name, kind, default: defaultValue, summary)
  }
}
