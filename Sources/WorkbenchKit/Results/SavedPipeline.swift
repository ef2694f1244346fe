/// A fitted pipeline variant saved with a run (`models/pipelines/<hash>.json`), to transform new rows later.
///
/// Holds the columns the pipeline read and every step's name, parameters
/// and learned state; ``fittedSteps(registry:)`` rebuilds the steps exactly.
public struct SavedPipeline: Sendable, Equatable {
  /// Layout version of the file.
  public static let formatVersion = 1

  /// The pipeline variant's hash (its file name).
  public var hash: String
  /// The pipeline's name in the spec.
  public var name: String
  /// The columns the pipeline read, in order (features, then categorical columns).
  public var inputColumns: [String]
  /// Of those, the ones read as categorical.
  public var categoricalColumns: [String]
  /// Each step as `{"use": name, "params": {…}, "state": {…}}`.
  public var steps: [JSONValue]

  public init(hash: String, name: String, inputColumns: [String], categoricalColumns: [String], steps: [JSONValue]) {
    self.hash = hash
    self.name = name
    self.inputColumns = inputColumns
    self.categoricalColumns = categoricalColumns
    self.steps = steps
  }

  /// The file's JSON.
  public var json: JSONValue {
    [
      "format_version": .int(Self.formatVersion), "hash": .string(hash), "name": .string(name),
      "input_columns": SavedState.encode(inputColumns), "categorical_columns": SavedState.encode(categoricalColumns),
      "steps": .array(steps),
    ]
  }

  /// Reads a saved pipeline back.
  public init(json: JSONValue) throws(SavedStateError) {
    let saved = try SavedState(json, owner: "pipeline")
    guard try saved.int("format_version") == Self.formatVersion else {
      throw SavedStateError(owner: "pipeline", detail: "it was written by another version of the workbench")
    }
    self.init(
      hash: try saved.text("hash"), name: try saved.text("name"), inputColumns: try saved.texts("input_columns"),
      categoricalColumns: try saved.texts("categorical_columns"), steps: try saved.value("steps").array ?? [])
  }

  /// The fitted steps, rebuilt from their saved states.
  public func fittedSteps(registry: PluginRegistry) throws -> [(name: String, step: any FittedPreprocessor)] {
    try steps.map { step in
      let saved = try SavedState(step, owner: "pipeline step")
      let name = try saved.text("use")
      guard let type = registry.preprocessor(named: name) else {
        throw SavedStateError(owner: "pipeline step", detail: "this workbench has no preprocessor called '\(name)'")
      }
      return (name, try type.restore( try saved.value("state")))
    }
  }
}
