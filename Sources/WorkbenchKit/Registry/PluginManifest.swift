/// The exported description of one plugin, `plugins-registry/<name>.json`, and its reading back.
///
/// Written from a descriptor's declarations only, so the committed files can
/// be regenerated and compared (a test fails when they drift). Read back with
/// ``declaration(_:file:)`` into the same declarations — the form external
/// plugins use to declare themselves. The format is versioned.
public enum PluginManifest {
  /// Bumped whenever the manifest layout changes (2: structured role traits that read back into descriptors).
  public static let version = 2

  /// The manifest of `plugin`.
  public static func make(_ plugin: any PluginDescriptor) -> JSONValue {
    var o: [String: JSONValue] = [
      "manifest_version": .int(version),
      "name": .string(plugin.name),
      "kind": .string(plugin.kind.rawValue),
      "summary": .string(plugin.summary),
      "parameters": .array(plugin.parameters.map(describe)),
    ]
    switch plugin {
    case let algorithm as AlgorithmDescriptor:
      o["capabilities"] = algorithm.capabilities.json
    case let step as PreprocessorDescriptor:
      o["categorical_effect"] = .string(step.categoricalEffect.rawValue)
    case let metric as MetricDescriptor:
      o["direction"] = .string(metric.direction.rawValue)
      o["computed_by_default"] = .bool(metric.computedByDefault)
      o["needs"] = .array(metric.needs.names.map(JSONValue.string))
      if let rule = metric.kRule { o["k_selection"] = .string(rule.label) }
      if let bounds = metric.bounds { o["bounds"] = [.double(bounds.lowerBound), .double(bounds.upperBound)] }
      if let cost = metric.pairwiseCost {
        var pairwise: [String: JSONValue] = [:]
        if let parameter = cost.samplingParameter { pairwise = ["sampling_parameter": .string(parameter), "sampled": .object(cost.sampled)] }
        o["pairwise"] = .object(pairwise)
      }
    default:
      break
    }
    return .object(o)
  }

  /// One parameter as the manifest and the help text show it.
  static func describe(_ spec: ParameterSpec) -> JSONValue {
    var o: [String: JSONValue] = [
      "name": .string(spec.name), "allowed": .string(spec.kind.phrase), "schema": spec.kind.schema, "description": .string(spec.summary),
      "required": .bool(spec.defaultValue == nil),
    ]
    if let d = spec.defaultValue { o["default"] = d }
    return .object(o)
  }

  /// Every manifest of `registry` by file name (`<name>.json`), plus the spec schema, in listing order.
  public static func files(of registry: PluginRegistry) -> [(name: String, text: String)] {
    registry.allPlugins.map { ("\($0.name).json", make($0).prettyText) } + [(ExperimentSchema.fileName, ExperimentSchema.make(registry).prettyText)]
  }
}
