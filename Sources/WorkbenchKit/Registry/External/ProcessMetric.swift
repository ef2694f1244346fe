import WorkbenchNumerics

/// A metric that runs as an external program under protocol v1.
///
/// Sends `{"request": "score", "params": …, "seed": "…", "input": <table
/// header of the features>, "labels": […], "cluster_count": k}` (plus
/// `"truth": [label or null per row]` when the manifest declares the
/// `truth` need and the spec has a truth column) and accepts `{"value": x}`,
/// `{"value": x, "low": l, "high": h}` (an estimate with its interval) or
/// `{"undefined": "reason"}`. Values must be finite and within the declared bounds.
struct ProcessMetric: ClusterMetric, ProcessPlugin {
  static let role = PluginKind.metric
  static let direction = MetricDirection.higherIsBetter
  static let bounds: ClosedRange<Double>? = nil

  let manifest: ExternalManifest
  let values: Parameters

  init(manifest: ExternalManifest, parameters: Parameters) {
    self.manifest = manifest
    self.values = parameters
  }

  func score(_ input: MetricInput, context: FitContext) throws -> Score {
    let plugin = manifest.declaration.name
    let needsTruth = manifest.declaration.needs?.contains(.truth) ?? false
    if needsTruth, input.truth == nil { return .undefined("\(plugin) needs a truth column (data.truth)") }
    let folder = try PluginFolder()
    var request: [String: JSONValue] = [
      "request": "score", "params": values.json, "seed": .string(String(context.seed)),
      "input": try PluginTable(ClusteringInput(numeric: input.features)).write(to: folder, prefix: "input", format: manifest.inputFormat),
      "labels": .array(input.clustering.labels.map(JSONValue.int)), "cluster_count": .int(input.clustering.clusterCount),
    ]
    if needsTruth, let truth = input.truth { request["truth"] = .array(truth.map { $0.map(JSONValue.string) ?? .null }) }
    let response = PluginResponse(fields: try PluginProcess(manifest: manifest).exchange(request, in: folder), plugin: plugin, folder: folder)
    try response.expect(allowed: ["value", "low", "high", "undefined"], required: [])
    if let reason = response.fields["undefined"] {
      guard let text = reason.string, response.fields.count == 1 else { throw FitError.degenerate("plugin '\(plugin)' answered 'undefined' without a reason string, or with a value besides") }
      return .undefined(text)
    }
    func number(_ key: String) throws -> Double? {
      guard let v = response.fields[key] else { return nil }
      guard let d = v.number, d.isFinite else { throw FitError.degenerate("plugin '\(plugin)' returned \(key) = \(v.canonicalText); expected a finite number") }
      if let bounds = manifest.declaration.bounds, !bounds.contains(d) {
        throw FitError.degenerate("plugin '\(plugin)' returned \(key) = \(JSONNumber.plain(d)), outside its declared bounds [\(JSONNumber.plain(bounds.lowerBound)), \(JSONNumber.plain(bounds.upperBound))]")
      }
      return d
    }
    guard let value = try number("value") else { throw FitError.degenerate("plugin '\(plugin)' answered without 'value' or 'undefined'") }
    switch (try number("low"), try number("high")) {
    case (nil, nil): return .value(value)
    case let (low?, high?) where low <= value && value <= high: return .estimate(value: value, low: low, high: high)
    default: throw FitError.degenerate("plugin '\(plugin)' returned an interval that is incomplete or does not contain its value")
    }
  }
}

extension MetricDescriptor {
  /// The descriptor of an external metric read from its manifest.
  public init(external manifest: ExternalManifest) {
    let d = manifest.declaration
    self.init(
      name: d.name, summary: d.summary, parameters: d.parameters, direction: d.direction ?? .higherIsBetter, bounds: d.bounds, needs: d.needs ?? [],
      kRule: d.kRule, computedByDefault: d.computedByDefault ?? false, pairwiseCost: d.pairwiseCost,
      make: { parameters in
        if let reason = manifest.command.unavailableReason { throw ExternalPluginUnavailable(plugin: d.name, reason: reason, manifest: manifest.file) }
        return ProcessMetric(manifest: manifest, parameters: parameters)
      })
    origin = PluginOrigin(manifest: manifest)
  }
}
