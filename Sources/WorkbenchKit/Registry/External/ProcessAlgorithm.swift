import WorkbenchNumerics

/// A clustering algorithm that runs as an external program under protocol v1.
///
/// Built only by its descriptor (``AlgorithmDescriptor/init(external:)``)
/// with its manifest and validated parameters. `fit` writes the features to
/// a private folder, sends `{"request": "fit", "params": …, "seed": "…",
/// "input": <table header>}` and checks the answer: one integer label per
/// row (`-1` only if the manifest declares noise, clusters numbered without
/// gaps), optional `model` (required when it declares `can_predict`),
/// `memberships`, `centers` and `diagnostics`. `predict` sends the saved
/// model with new rows.
struct ProcessAlgorithm: ClusteringAlgorithm, ProcessPlugin {
  static let role = PluginKind.algorithm
  static let capabilities = AlgorithmCapabilities(usesRandomness: true, producesNoise: false, requiresClusterCount: false, orderInvariant: false, canPredict: false)

  /// The plugin.
  let manifest: ExternalManifest
  /// Its validated parameters, defaults filled in.
  let values: Parameters

  init(manifest: ExternalManifest, parameters: Parameters) {
    self.manifest = manifest
    self.values = parameters
  }

  private var plugin: String { manifest.declaration.name }
  private var declared: AlgorithmCapabilities { manifest.declaration.capabilities ?? Self.capabilities }

  func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    try context.checkCancellation()
    // The band every built-in algorithm holds to: a plugin never sees values whose squares overflow or underflow.
    try input.requireSafeMagnitudes()
    let folder = try PluginFolder()
    let table = try PluginTable(input).write(to: folder, prefix: "input", format: manifest.inputFormat)
    let request: [String: JSONValue] = ["request": "fit", "params": values.json, "seed": .string(String(context.seed)), "input": table]
    let response = PluginResponse(fields: try PluginProcess(manifest: manifest).exchange(request, in: folder), plugin: plugin, folder: folder)
    try response.expect(allowed: ["labels", "model", "memberships", "centers", "diagnostics"], required: ["labels"] + (declared.canPredict ? ["model"] : []))
    let (labels, clusterCount) = try response.labels(rows: input.rows, noise: declared.producesNoise, consecutive: true)
    return Clustering(
      labels: labels, clusterCount: clusterCount, centers: try response.matrix("centers", rows: clusterCount, columns: input.numeric.columns),
      memberships: try response.memberships(rows: input.rows, clusters: clusterCount), model: response.fields["model"],
      diagnostics: try response.diagnostics())
  }

  /// Labels new rows with a model the plugin returned from `fit`.
  static func predict(model: JSONValue, input: ClusteringInput, manifest: ExternalManifest) throws -> Prediction {
    let plugin = manifest.declaration.name
    try input.requireSafeMagnitudes()
    let folder = try PluginFolder()
    let table = try PluginTable(input).write(to: folder, prefix: "input", format: manifest.inputFormat)
    let request: [String: JSONValue] = ["request": "predict", "model": model, "input": table]
    let response = PluginResponse(fields: try PluginProcess(manifest: manifest).exchange(request, in: folder), plugin: plugin, folder: folder)
    try response.expect(allowed: ["labels", "memberships"], required: ["labels"])
    let noise = manifest.declaration.capabilities?.producesNoise ?? false
    let labels = try response.labels(rows: input.rows, noise: noise, consecutive: false).labels
    return Prediction(labels: labels, memberships: try response.memberships(rows: input.rows, clusters: nil))
  }
}

extension AlgorithmDescriptor {
  /// The descriptor of an external algorithm read from its manifest.
  public init(external manifest: ExternalManifest) {
    let d = manifest.declaration
    self.init(
      name: d.name, summary: d.summary, parameters: d.parameters, capabilities: d.capabilities ?? ProcessAlgorithm.capabilities, checking: manifest.checking,
      make: { parameters in
        if let reason = manifest.command.unavailableReason { throw ExternalPluginUnavailable(plugin: d.name, reason: reason, manifest: manifest.file) }
        return ProcessAlgorithm(manifest: manifest, parameters: parameters)
      },
      predict: { model, input in
        guard d.capabilities?.canPredict == true else { throw FitError.degenerate("\(d.name) cannot label new rows; its manifest does not declare can_predict") }
        return try ProcessAlgorithm.predict(model: model, input: input, manifest: manifest)
      })
    origin = PluginOrigin(manifest: manifest)
  }
}
