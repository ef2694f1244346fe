/// The JSON Schema of experiment specs (version 1), generated from the registry's declarations.
///
/// Editors use it for completion and checks when a spec names it in
/// `"$schema"`; `workbench schema` prints it and `plugins-registry/` keeps a
/// copy. Every plugin's parameters, types, ranges, defaults and help come
/// from its ``ParameterSpec`` list, so the schema cannot drift from the code.
public enum ExperimentSchema {
  /// The file name of the exported copy in `plugins-registry/`.
  public static let fileName = "experiment.schema.json"

  /// The schema document.
  public static func make(_ registry: PluginRegistry) -> JSONValue {
    let columns: JSONValue = ["type": "array", "items": ["type": "string", "minLength": 1], "uniqueItems": true]
    let properties: [String: JSONValue] = [
      "$schema": ["type": "string", "description": "Path or URL of this schema, for editors."],
      "version": ["const": 1, "description": "Spec format version; 1 when absent."],
      "name": ["type": "string", "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]*$", "description": "Experiment name; results go to results/<name>/."],
      "description": ["type": "string", "description": "Free text for people."],
      "seed": ["type": "integer", "minimum": 0, "description": "Experiment seed; every trial seed derives from it and the trial's config hash. Default 0."],
      "plugins": [
        "type": "array", "items": ["type": "string", "minLength": 1],
        "description": "Folders of external plugin manifests (*.json), relative to the spec file; their plugins can be used like built-ins.",
      ],
      "data": [
        "type": "object", "additionalProperties": false, "required": ["path"],
        "properties": [
          "path": ["type": "string", "description": "CSV file, relative to the spec file."],
          "id": ["type": "string", "description": "Column identifying rows (labels files use it); rows are numbered when absent."],
          "features": .object(["description": "Numeric columns to cluster on; default: every numeric column but id and truth."].merging(columns.object!) { a, _ in a }),
          "categorical": .object(["description": "Text columns passed to the pipeline unencoded."].merging(columns.object!) { a, _ in a }),
          "truth": ["type": "string", "description": "Ground-truth column for external metrics; never used for fitting."],
        ],
      ],
      "pipelines": [
        "type": "array", "minItems": 1, "description": "Named preprocessing pipelines; default: one pipeline 'raw' with no steps.",
        "items": [
          "type": "object", "additionalProperties": false, "required": ["name"],
          "properties": ["name": ["type": "string"], "steps": ["type": "array", "items": ["$ref": "#/$defs/preprocessor"]]],
        ],
      ],
      "algorithms": ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/algorithm"]],
      "metrics": ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/metric"], "description": "Default: every registered metric."],
      "ranking": [
        "type": "object", "additionalProperties": false,
        "properties": .object(
          properties(of: RankingSpec.parameters).merging(["metric": ["type": "string", "description": "Quality metric of the score; default silhouette."]]) { a, _ in a }),
      ],
      "stability": [
        "description": "Re-cluster perturbed copies of every trial's features and compare; default 10 bootstrap resamples, false for none.",
        "anyOf": [
          ["type": "boolean"],
          ["type": "object", "additionalProperties": false, "properties": .object(properties(of: StabilitySpec.parameters))],
        ],
      ],
      "evaluation": [
        "type": "object", "additionalProperties": false, "description": "The space every trial is scored in for ranking.",
        "properties": .object(properties(of: EvaluationSpec.parameters)),
      ],
      "insight": [
        "type": "object", "additionalProperties": false, "description": "Column roles and settings of the segment insight step.",
        "properties": .object(
          properties(of: InsightSpec.parameters).merging([
            "roles": [
              "type": "object", "description": "Columns playing a customer role; unset roles are recognised by name.",
              "additionalProperties": ["anyOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]]],
            ]
          ]) { a, _ in a }),
      ],
      "gate": GateSpec.schema,
    ]
    let defs: [String: JSONValue] = [
      "range": [
        "type": "object", "additionalProperties": false, "required": ["from", "to"],
        "description": "Inclusive range; integers when from, to and step are integers.",
        "properties": ["from": ["type": "number"], "to": ["type": "number"], "step": ["type": "number", "exclusiveMinimum": 0]],
      ],
      "preprocessor": uses(registry.preprocessors),
      "algorithm": uses(registry.algorithms),
      "metric": uses(registry.metrics),
    ]
    return [
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "title": "ClusterWorkbench experiment spec, version 1",
      "type": "object", "additionalProperties": false, "required": ["name", "data", "algorithms"],
      "properties": .object(properties), "$defs": .object(defs),
    ]
  }

  private static func uses(_ plugins: [any PluginDescriptor]) -> JSONValue {
    let byName: [JSONValue] = [["enum": .array(plugins.map { .string($0.name) })]]
    return ["anyOf": .array(byName + plugins.map(use))]
  }

  /// One schema property per declared parameter: its type, description and default.
  static func properties(of parameters: [ParameterSpec]) -> [String: JSONValue] {
    var out: [String: JSONValue] = [:]
    for spec in parameters {
      var property = spec.kind.schema.object ?? [:]
      property["description"] = .string(spec.summary)
      if let d = spec.defaultValue { property["default"] = d }
      out[spec.name] = .object(property)
    }
    return out
  }

  private static func use(_ plugin: any PluginDescriptor) -> JSONValue {
    let params = properties(of: plugin.parameters)
    var grid: [String: JSONValue] = [:]
    for spec in plugin.parameters {
      grid[spec.name] = ["anyOf": [["type": "array", "minItems": 1, "items": spec.kind.schema], ["$ref": "#/$defs/range"]]]
    }
    return [
      "type": "object", "additionalProperties": false, "required": ["use"], "description": .string(plugin.summary),
      "properties": [
        "use": ["const": .string(plugin.name)],
        "params": ["type": "object", "additionalProperties": false, "properties": .object(params)],
        "grid": ["type": "object", "additionalProperties": false, "properties": .object(grid)],
      ],
    ]
  }
}
