import WorkbenchNumerics

/// A trial's fitted model saved with a run (`models/<config-hash>.json`), to label new rows later.
public struct SavedModel: Sendable, Equatable {
  /// Layout version of the file.
  public static let formatVersion = 1

  /// The trial's config hash (its file name).
  public var configHash: String
  /// The algorithm that wrote ``model``.
  public var algorithm: String
  /// The hash of the pipeline variant the model was fitted after (`models/pipelines/<hash>.json`).
  public var pipelineHash: String
  /// The algorithm's model (its ``Clustering/model``).
  public var model: JSONValue
  /// `labelMapping[algorithmLabel]` is the stored (canonical) label; see ``Clustering/canonicallyOrdered()``.
  public var labelMapping: [Int]

  public init(configHash: String, algorithm: String, pipelineHash: String, model: JSONValue, labelMapping: [Int]) {
    self.configHash = configHash
    self.algorithm = algorithm
    self.pipelineHash = pipelineHash
    self.model = model
    self.labelMapping = labelMapping
  }

  /// A prediction in the stored numbering: labels mapped, membership columns moved to their segment ids
  /// (segments the model lacks get probability 0), per-row scores kept.
  public func canonical(_ prediction: Prediction) -> Prediction {
    let labels = prediction.labels.map { $0 >= 0 && $0 < labelMapping.count ? labelMapping[$0] : $0 }
    guard let m = prediction.memberships, m.columns == labelMapping.count else { return Prediction(labels: labels, memberships: prediction.memberships, rowScores: prediction.rowScores) }
    var reordered = Matrix(rows: m.rows, columns: max(m.columns, (labelMapping.max() ?? -1) + 1))
    for r in 0..<m.rows { for old in 0..<m.columns { reordered[r, labelMapping[old]] = m[r, old] } }
    return Prediction(labels: labels, memberships: reordered, rowScores: prediction.rowScores)
  }

  /// The file's JSON.
  public var json: JSONValue {
    [
      "format_version": .int(Self.formatVersion), "config_hash": .string(configHash), "algorithm": .string(algorithm),
      "pipeline": .string(pipelineHash), "model": model, "label_mapping": .array(labelMapping.map(JSONValue.int)),
    ]
  }

  /// Reads a saved model back.
  public init(json: JSONValue) throws(SavedStateError) {
    let saved = try SavedState(json, owner: "model")
    guard try saved.int("format_version") == Self.formatVersion else {
      throw SavedStateError(owner: "model", detail: "it was written by another version of the workbench")
    }
    self.init(
      configHash: try saved.text("config_hash"), algorithm: try saved.text("algorithm"), pipelineHash: try saved.text("pipeline"),
      model: try saved.value("model"), labelMapping: try saved.reals("label_mapping").map { Int($0) })
  }
}
