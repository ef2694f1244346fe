/// The exported description of one plugin: `plugins-registry/<name>.json`.
///
/// Generated from the plugin's declarations only, so the committed files
/// can be regenerated and compared (a test fails when they drift). The
/// format is versioned like the rest of the results.
public enum PluginManifest {
  /// Bumped whenever the manifest layout changes.
  public static let version = 1

  /// The manifest of `plugin` in role `kind`.
  public static func make(_ plugin: any Plugin.Type, kind: PluginKind) -> JSONValue {
    var o: [String: JSONValue] = [
      "manifest_version": .int(version),
      "name": .string(plugin.name),
      "kind": .string(kind.rawValue),
      "summary": .string(plugin.summary),
      "parameters": .array(plugin.parameters.map(describe)),
    ]
    if let algorithm = plugin as? any ClusteringAlgorithm.Type {
      let c = algorithm.capabilities
      o["capabilities"] = [
        "uses_randomness": .bool(c.usesRandomness), "produces_noise": .bool(c.producesNoise),
        "requires_cluster_count": .bool(c.requiresClusterCount), "order_invariant": .bool(c.orderInvariant),
        "can_predict": .bool(c.canPredict), "accepts_categorical": .bool(c.acceptsCategorical),
        "requires_categorical": .bool(c.requiresCategorical), "scales_quadratically": .bool(c.scalesQuadratically),
      ]
    }
    if let metric = plugin as? any ClusterMetric.Type {
      o["direction"] = .string(metric.direction.rawValue)
      o["computed_by_default"] = .bool(metric.computedByDefault)
      if let rule = metric.kRule { o["k_selection"] = .string(rule.label) }
      if let bounds = metric.bounds { o["bounds"] = [.double(bounds.lowerBound), .double(bounds.upperBound)] }
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
    registry.allPlugins.map { ("\($0.type.name).json", make($0.type, kind: $0.kind).prettyText) }
      + [(ExperimentSchema.fileName, ExperimentSchema.make(registry).prettyText)]
  }
}
