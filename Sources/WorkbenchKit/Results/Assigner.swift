import Foundation
import WorkbenchNumerics

/// Labels new rows with a trial's saved pipeline and model: what `workbench assign` runs.
///
/// The new CSV needs the id column (if the experiment had one) and the
/// columns the pipeline read — or, for an experiment that started from
/// transactions, it is a transactions file aggregated the same way. The
/// saved steps transform it exactly as they transformed the fit data, so the
/// fit's own rows get the fit's labels.
/// Rows a step excludes (outliers, missing cells) are reported as excluded.
public struct Assigner: Sendable {
  /// The plugins the run used.
  public let registry: PluginRegistry

  public init(registry: PluginRegistry) {
    self.registry = registry
  }

  /// What assigning produced.
  public struct Assignment: Sendable {
    /// The config hash of the trial whose model was used.
    public var configHash: String
    /// One id per row of the new file.
    public var ids: [String]
    /// The id column's name.
    public var idColumn: String
    /// Labels per row; excluded rows are marked with their step.
    public var labels: RowLabels
    /// Membership probabilities (mixtures, fuzzy models) per pipeline row, with each row's position in the file.
    public var memberships: (values: Matrix, rows: [Int])?

    /// `id,label[,excluded_by][,p0,p1,…]` for every row of the new file.
    public var csv: String {
      guard let memberships else { return LabelsFile.text(labels, ids: ids, idColumn: idColumn) }
      let probabilities = MembershipsFile.text(memberships.values, datasetRows: memberships.rows, ids: ids, idColumn: idColumn)
      let labelLines = LabelsFile.text(labels, ids: ids, idColumn: idColumn).split(separator: "\n", omittingEmptySubsequences: false)
      let probabilityLines = probabilities.split(separator: "\n", omittingEmptySubsequences: false)
      return zip(labelLines, probabilityLines).map { label, probability in
        label.isEmpty ? "" : label + "," + probability.drop { $0 != "," }.dropFirst()
      }.joined(separator: "\n")
    }
  }

  /// Labels the rows of the CSV at `dataPath` with the model of trial `trial` (a config hash or a unique prefix) of the run in `runDirectory`.
  public func assign(runDirectory: String, trial: String, dataPath: String) throws -> Assignment {
    let store = ResultStore(directory: runDirectory)
    let manifestPath = store.path("manifest.json")
    guard let manifestData = FileManager.default.contents(atPath: manifestPath) else {
      throw SpecError(Location(file: runDirectory), "this is not a run folder: it has no manifest.json.", fix: "give a folder under results/<experiment>/, as printed by `workbench run`.")
    }
    let manifest = try JSONParser.parse([UInt8](manifestData))
    guard let spec = manifest.object?["spec"], let specFile = manifest.object?["spec_file"]?.string,
      let specDirectory = manifest.object?["spec_directory"]?.string
    else { throw SavedStateError(owner: "manifest", detail: "'spec', 'spec_file' or 'spec_directory' is missing") }
    let data = try ExperimentReader(registry: registry).read(spec, file: specFile, baseDirectory: specDirectory).data
    let idColumn = data.id
    let hash = try resolveTrial(trial, store: store)
    let modelPath = store.modelPath(configHash: hash)
    guard let modelData = FileManager.default.contents(atPath: modelPath) else {
      throw SpecError(Location(file: runDirectory), "trial \(hash) has no saved model: its algorithm cannot label new rows, or the trial failed.", fix: "choose a trial of an algorithm that can predict (see `workbench plugins NAME`).")
    }
    let saved = try SavedModel(json: try JSONParser.parse([UInt8](modelData)))
    guard let pipelineData = FileManager.default.contents(atPath: store.pipelinePath(hash: saved.pipelineHash)) else {
      throw SavedStateError(owner: "pipeline of trial \(hash)", detail: "models/pipelines/\(saved.pipelineHash).json is missing")
    }
    let pipeline = try SavedPipeline(json: try JSONParser.parse([UInt8](pipelineData)))
    guard let algorithm = registry.algorithm(named: saved.algorithm) else {
      throw SavedStateError(owner: "model of trial \(hash)", detail: "this workbench has no algorithm called '\(saved.algorithm)'")
    }

    let table = try data.transactions.map { try $0.aggregate(path: dataPath) }
      ?? CSVReader(textColumns: Set([idColumn].compactMap { $0 } + pipeline.categoricalColumns)).read(path: dataPath)
    try table.requireColumns([idColumn].compactMap { $0 } + pipeline.inputColumns)
    try table.requireNumeric(pipeline.inputColumns.filter { !pipeline.categoricalColumns.contains($0) })
    let ids = idColumn.map { column in (0..<table.rowCount).map { table.column(named: column)!.text(at: $0) } } ?? (0..<table.rowCount).map { String($0 + 1) }
    var transformed = table.selecting(columns: pipeline.inputColumns)
    var rows = Array(0..<table.rowCount)
    var excluded: [Int: String] = [:]
    for (i, step) in try pipeline.fittedSteps(registry: registry).enumerated() {
      transformed = try step.step.transform(transformed)
      let kept = transformed.sourceRows ?? rows
      if kept.count < rows.count {
        let keptSet = Set(kept)
        for row in rows where !keptSet.contains(row) { excluded[row] = "\(i + 1):\(step.name)" }
      }
      rows = kept
    }
    let prediction = saved.canonical(try algorithm.predict(model: saved.model, input: try transformed.clusteringInput()))
    return Assignment(
      configHash: hash, ids: ids, idColumn: idColumn ?? "row",
      labels: RowLabels(labels: prediction.labels, datasetRows: rows, excluded: excluded, rowCount: table.rowCount),
      memberships: prediction.memberships.map { ($0, rows) })
  }

  /// The full config hash for `trial`, which may be a unique prefix of one.
  private func resolveTrial(_ trial: String, store: ResultStore) throws(SpecError) -> String {
    let text = (try? String(contentsOfFile: store.path("trials.jsonl"), encoding: .utf8)) ?? ""
    let hashes = text.split(separator: "\n").compactMap { line in (try? JSONParser.parse(String(line)))?.object?["config_hash"]?.string }
    let matches = hashes.filter { $0.hasPrefix(trial.lowercased()) }
    guard matches.count == 1 else {
      let hint = matches.isEmpty ? "no recorded trial has a config hash starting with '\(trial)'" : "'\(trial)' matches \(matches.count) trials"
      throw SpecError(Location(file: store.directory), "\(hint).", fix: "use a config hash from leaderboard.md or trials.jsonl (a unique prefix is enough).")
    }
    return matches[0]
  }
}
