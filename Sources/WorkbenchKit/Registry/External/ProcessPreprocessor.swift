/// A pipeline step that runs as an external program under protocol v1.
///
/// `fit` sends `{"request": "fit", "params": …, "seed": "…", "input": <table
/// header>}` and accepts `{"table": <table header>, "state": …, "summary": …}`:
/// the transformed table (every row kept), the state that transforms new rows
/// the same way, and optionally what it learned for the trial record. New
/// rows (`workbench assign`) go out as `{"request": "restore", "state": …,
/// "input": <table header>}` and come back as `{"table": …}`.
struct ProcessPreprocessor: Preprocessor, ProcessPlugin {
  static let role = PluginKind.preprocessor

  /// External steps are restored through their descriptor, which knows the manifest.
  static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    throw FitError.degenerate("an external step is restored through its descriptor")
  }

  let manifest: ExternalManifest
  let values: Parameters

  init(manifest: ExternalManifest, parameters: Parameters) {
    self.manifest = manifest
    self.values = parameters
  }

  func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let request: [String: JSONValue] = ["request": "fit", "params": values.json, "seed": .string(String(context.seed))]
    let (output, response) = try FittedProcessPreprocessor.exchange(request, table, manifest: manifest, extra: ["state", "summary"], required: ["state"])
    return FittedProcessPreprocessor(manifest: manifest, state: response["state"] ?? .null, summary: response["summary"], fitInput: table, fitOutput: output)
  }
}

/// The fitted state of an external step: the state its program returned, and the table it transformed while fitting.
struct FittedProcessPreprocessor: FittedPreprocessor {
  let manifest: ExternalManifest
  let state: JSONValue
  let summary: JSONValue?
  /// The table the step was fitted on and what it became, so the fit data is not sent twice.
  let fitInput: DataTable?
  let fitOutput: DataTable?

  func transform(_ table: DataTable) throws -> DataTable {
    if let fitInput, let fitOutput, table == fitInput { return fitOutput }
    return try Self.exchange(["request": "restore", "state": state], table, manifest: manifest, extra: [], required: []).table
  }

  /// Sends `request` with `table` as its input; returns the table the plugin wrote (rows and source lines kept) and the response.
  static func exchange(
    _ request: [String: JSONValue], _ table: DataTable, manifest: ExternalManifest, extra: [String], required: [String]
  ) throws -> (table: DataTable, response: [String: JSONValue]) {
    let plugin = manifest.declaration.name
    let folder = try PluginFolder()
    var full = request
    full["input"] = try PluginTable(table).write(to: folder, prefix: "input", format: manifest.inputFormat)
    let response = PluginResponse(fields: try PluginProcess(manifest: manifest).exchange(full, in: folder), plugin: plugin, folder: folder)
    try response.expect(allowed: ["table"] + extra, required: ["table"] + required)
    let output = try PluginTable.read(response.fields["table"] ?? .null, rows: table.rowCount, from: folder, plugin: plugin)
    return (table.replacingColumns(output.dataTable.columns), response.fields)
  }
}

extension PreprocessorDescriptor {
  /// The descriptor of an external step read from its manifest.
  public init(external manifest: ExternalManifest) {
    let d = manifest.declaration
    self.init(
      name: d.name, summary: d.summary, parameters: d.parameters, categoricalEffect: d.categoricalEffect ?? .keeps,
      make: { parameters in
        if let reason = manifest.command.unavailableReason { throw ExternalPluginUnavailable(plugin: d.name, reason: reason, manifest: manifest.file) }
        return ProcessPreprocessor(manifest: manifest, parameters: parameters)
      },
      restore: { state in FittedProcessPreprocessor(manifest: manifest, state: state, summary: nil, fitInput: nil, fitOutput: nil) })
    origin = PluginOrigin(manifest: manifest)
  }
}
