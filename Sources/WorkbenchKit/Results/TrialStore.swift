import Foundation
import WorkbenchNumerics

/// The immutable half of a run folder: one sub-folder per finished trial, plus the fitted pipelines they share.
///
/// ```
/// trials/<config-hash>/record.json       the trial's record, written last: its presence means "done"
/// trials/<config-hash>/labels.csv        id,label[,excluded_by] in canonical numbering (segments by decreasing size)
/// trials/<config-hash>/model.json        the fitted model (algorithms that can label new rows)
/// trials/<config-hash>/memberships.csv   id,p0,p1,… (mixture and fuzzy models)
/// trials/<config-hash>/scores.csv        id,<score>,… (per-row scores such as HDBSCAN's probabilities)
/// trials/<config-hash>/hierarchy.json    the merge hierarchy (hierarchical and density methods)
/// trials/<config-hash>/timing.json       seconds the trial took (varies between runs; not compared)
/// pipelines/<pipeline-hash>.json         each fitted pipeline variant
/// ```
/// Every file is written once, atomically, and never rewritten; the record
/// lists the SHA-256 of each file it vouches for. A record is trusted only
/// when it parses, belongs to the plan and every listed file is present with
/// its recorded digest; anything else is removed and the trial runs again.
public struct TrialStore: Sendable {
  /// The run folder.
  public let folder: RunFolder

  public init(folder: RunFolder) {
    self.folder = folder
  }

  /// The folder of one trial, relative to the run folder.
  public static func trialFolder(_ configHash: String) -> String { "trials/\(configHash)" }
  /// A trial's labels file, relative to the run folder.
  public static func labelsFile(_ configHash: String) -> String { "\(trialFolder(configHash))/labels.csv" }
  /// A trial's model file, relative to the run folder.
  public static func modelFile(_ configHash: String) -> String { "\(trialFolder(configHash))/model.json" }
  /// A trial's memberships file, relative to the run folder.
  public static func membershipsFile(_ configHash: String) -> String { "\(trialFolder(configHash))/memberships.csv" }
  /// A trial's per-row scores file, relative to the run folder.
  public static func scoresFile(_ configHash: String) -> String { "\(trialFolder(configHash))/scores.csv" }
  /// A trial's hierarchy file, relative to the run folder.
  public static func hierarchyFile(_ configHash: String) -> String { "\(trialFolder(configHash))/hierarchy.json" }
  /// A fitted pipeline variant's file, relative to the run folder.
  public static func pipelineFile(_ pipelineHash: String) -> String { "pipelines/\(pipelineHash).json" }
  static func recordFile(_ configHash: String) -> String { "\(trialFolder(configHash))/record.json" }
  static func timingFile(_ configHash: String) -> String { "\(trialFolder(configHash))/timing.json" }

  /// Saves one finished trial: its files first, each atomically, then its timing, then its record.
  ///
  /// A kill at any point leaves either a complete trial or one without a
  /// record, which ``scan(_:repair:)`` removes.
  /// - Returns: the record as stored, listing its files.
  func save(_ outcome: TrialOutcome, ids: [String], idColumn: String, seconds: Double) throws(ResultStoreError) -> TrialRecord {
    var record = outcome.record
    let hash = record.configHash
    var files: [String: String] = [:]
    func put(_ text: String, _ relative: String) throws(ResultStoreError) {
      let data = Data(text.utf8)
      try folder.write(data, to: relative)
      files[relative] = DataFingerprint.sha256(of: data)
    }
    try folder.remove(Self.trialFolder(hash))
    try folder.folder(Self.trialFolder(hash))
    if let labels = outcome.labels { try put(LabelsFile.text(labels, ids: ids, idColumn: idColumn), Self.labelsFile(hash)) }
    if let pipeline = outcome.pipeline {
      let text = pipeline.json.canonicalText + "\n"
      try folder.writeIfChanged(text, to: Self.pipelineFile(pipeline.hash))
      files[Self.pipelineFile(pipeline.hash)] = DataFingerprint.sha256(of: Data(text.utf8))
    }
    if let model = outcome.model { try put(model.json.canonicalText + "\n", Self.modelFile(hash)) }
    if let memberships = outcome.memberships {
      try put(
        RowValuesFile.text(
          columns: RowValuesFile.membershipColumns(memberships.columns), values: memberships, datasetRows: outcome.datasetRows, ids: ids,
          idColumn: idColumn),
        Self.membershipsFile(hash))
    }
    if !outcome.rowScores.isEmpty {
      let values = Matrix((0..<outcome.datasetRows.count).map { row in outcome.rowScores.map { $0.values[row] } })
      try put(
        RowValuesFile.text(columns: outcome.rowScores.map(\.name), values: values, datasetRows: outcome.datasetRows, ids: ids, idColumn: idColumn),
        Self.scoresFile(hash))
    }
    if let hierarchy = outcome.hierarchy { try put(hierarchy.canonicalText + "\n", Self.hierarchyFile(hash)) }
    try folder.write(JSONValue.object(["seconds": .double(seconds)]).canonicalText + "\n", to: Self.timingFile(hash))
    record.files = files
    try folder.write(record.json.canonicalText + "\n", to: Self.recordFile(hash))
    return record
  }

  /// The stored records of `plan`'s trials whose files are all present and unchanged, by config hash.
  ///
  /// With `repair` (only while holding the run's ``RunLock``), the folders of
  /// untrusted or unplanned trials and every leftover temporary file are
  /// removed, so those trials run again from a clean slate.
  /// A `trials` or `pipelines` folder that is a symbolic link is an error
  /// (read or repaired, its target would lie outside the run folder).
  public func scan(_ plan: TrialPlan, repair: Bool) throws(ResultStoreError) -> [String: TrialRecord] {
    try folder.refuseLinks("trials")
    try folder.refuseLinks("pipelines")
    if repair { try folder.removeLeftovers() }
    let planned = Dictionary(plan.trials.map { ($0.configHash, $0) }, uniquingKeysWith: { first, _ in first })
    var trusted: [String: TrialRecord] = [:]
    for name in folder.entries("trials") {
      if let trial = planned[name], case .success(let record) = examine(trial) {
        trusted[name] = record
      } else if repair {
        try folder.remove(Self.trialFolder(name))
      }
    }
    return trusted
  }

  /// The trial's stored record if it parses, matches the trial and vouches for files that are all intact; otherwise
  /// why not, naming the file at fault (what `assign` says about a trial that ``scan(_:repair:)`` left out).
  public func examine(_ trial: TrialConfig) -> Result<TrialRecord, ResultStoreError> {
    let hash = trial.configHash
    let recordPath = folder.file(Self.recordFile(hash))
    let redo = "run the experiment again: the trial is redone"
    guard let bytes = folder.contents(Self.recordFile(hash)) else {
      return .failure(ResultStoreError(path: recordPath, reason: "the trial has no record: it did not finish", fix: redo))
    }
    guard let json = try? JSONParser.parse([UInt8](bytes)), let record = TrialRecord(json: json) else {
      return .failure(ResultStoreError(path: recordPath, reason: "the record is not a readable trial record", fix: redo))
    }
    guard record.configHash == hash, record.seed == trial.seed, record.index == trial.index else {
      return .failure(ResultStoreError(path: recordPath, reason: "the record belongs to another trial (config hash, seed or index differ)", fix: redo))
    }
    guard folder.contents(Self.timingFile(hash)) != nil else {
      return .failure(ResultStoreError(path: folder.file(Self.timingFile(hash)), reason: "the trial's timing file is missing", fix: redo))
    }
    if record.status == .ok, record.files[Self.labelsFile(hash)] == nil {
      return .failure(ResultStoreError(path: recordPath, reason: "the record of a successful trial lists no labels file", fix: redo))
    }
    for (relative, digest) in record.files.sorted(by: { $0.key < $1.key }) {
      if case .failure(let error) = check(relative, digest: digest) { return .failure(error) }
    }
    return .success(record)
  }

  /// The bytes of `relative` if they have the SHA-256 `digest` a record lists for them; otherwise the file's fault.
  func check(_ relative: String, digest: String) -> Result<Data, ResultStoreError> {
    let path = folder.file(relative)
    guard let data = folder.contents(relative) else {
      return .failure(ResultStoreError(path: path, reason: "the file is missing", fix: "run the experiment again: the trial is redone and the file rewritten"))
    }
    let actual = DataFingerprint.sha256(of: data)
    guard actual == digest else {
      return .failure(
        ResultStoreError(
          path: path, reason: "the file has changed since the run wrote it (SHA-256 \(actual.prefix(12))…, recorded \(digest.prefix(12))…)",
          fix: "do not edit files in a run folder; run the experiment again to redo this trial, or restore the file"))
    }
    return .success(data)
  }

  /// The seconds a stored trial took.
  public func seconds(_ configHash: String) -> Double? {
    folder.contents(Self.timingFile(configHash)).flatMap { try? JSONParser.parse([UInt8]($0)) }?.object?["seconds"]?.number
  }
}
