import Foundation
import WorkbenchNumerics

/// Scores an existing segmentation (a labels CSV) of a data CSV: what `workbench evaluate` runs.
///
/// For audits and for comparing with other tools: the same metric plugins
/// as `workbench run`, found through the registry, applied to labels made
/// elsewhere. Rows are matched by id (`id` names the data's id column;
/// without it rows are numbered 1, 2, … as `run` numbers them). Rows whose
/// label is empty (excluded by a pipeline step) are skipped and counted.
/// The features are the named columns (default: every numeric column but
/// the id and truth columns), standard-scaled on the scored rows when asked,
/// as `StandardScaler().fit_transform(x[scored])` would be.
///
/// Rows labelled −1 are noise: internal metrics leave them out (see
/// ``ClusterGroups``), external metrics keep them as one more cluster and
/// leave out rows with a missing truth value (see ``ContingencyTable``).
public struct SegmentationEvaluation: Sendable {
  /// The data CSV.
  public var dataPath: String
  /// The labels CSV (`id,label[,excluded_by]`).
  public var labelsPath: String
  /// The data's id column; `nil` to number rows from 1.
  public var idColumn: String?
  /// Feature columns; `nil` for every numeric column but the id and truth.
  public var features: [String]?
  /// How missing feature cells are filled before scoring (an `impute` strategy), or `nil` to leave them.
  public var impute: String?
  /// Feature scaling before scoring (after imputing).
  public var scaling: SingleTrial.Scaling
  /// The ground-truth column for external metrics.
  public var truthColumn: String?
  /// Metric names; `nil` for the defaults (``defaultMetrics(in:withTruth:)``).
  public var metrics: [String]?
  /// Seed for metrics that draw subsamples.
  public var seed: UInt64

  public init(
    dataPath: String, labelsPath: String, idColumn: String? = nil, features: [String]? = nil, impute: String? = nil,
    scaling: SingleTrial.Scaling = .none, truthColumn: String? = nil, metrics: [String]? = nil, seed: UInt64 = 0
  ) {
    self.impute = impute
    self.dataPath = dataPath
    self.labelsPath = labelsPath
    self.idColumn = idColumn
    self.features = features
    self.scaling = scaling
    self.truthColumn = truthColumn
    self.metrics = metrics
    self.seed = seed
  }

  /// Every registered metric that needs nothing but features and labels, plus the external ones when there is a truth column.
  public static func defaultMetrics(in registry: PluginRegistry, withTruth: Bool) -> [String] {
    var names: [String] = []
    for type in registry.metrics {
      let needs: MetricNeeds = type.needs
      if needs.isEmpty || (withTruth && needs == .truth) { names.append(type.name) }
    }
    return names
  }

  /// Reads both files, matches rows by id and scores them.
  ///
  /// Throws ``SpecError`` for unknown metrics or columns (located at `metrics`, `data.features`, `data.id` or
  /// `data.truth`, which the command line maps to its flags),
  /// ``DataError`` for unreadable files, ids that do not match (naming up to
  /// five and the count) or features with missing values.
  public func run(registry: PluginRegistry) throws -> EvaluationReport {
    let names = metrics ?? Self.defaultMetrics(in: registry, withTruth: truthColumn != nil)
    let plugins = try resolveMetrics(names, registry: registry)
    for (role, column) in [("id", idColumn), ("truth", truthColumn)] {
      guard let column, features?.contains(column) == true else { continue }
      throw SpecError(
        Location(jsonPath: "data.\(role)"), "the \(role) column '\(column)' is also listed as a feature.",
        fix: "leave it out of the features: it must not be scored as one.")
    }
    let table = try CSVReader(textColumns: Set([idColumn, truthColumn].compactMap { $0 })).read(path: dataPath)
    let spec = DataSpec(path: dataPath, resolvedPath: dataPath, id: idColumn, features: features, categorical: [], truth: truthColumn)
    let dataset = try Dataset.prepare(table, spec: spec, fingerprint: "", specFile: "command line")
    let segmentation = try SegmentationLabels.read(path: labelsPath)
    let rows = try match(segmentation, dataset: dataset)
    let features = try scoredFeatures(dataset.table.selecting(rows: rows.map(\.dataRow)), metrics: plugins)
    let labels = SegmentationEvaluation.compact(rows.map(\.label))
    let clustering = Clustering(labels: labels.compact, clusterCount: labels.originals.count)
    let truth = dataset.truth.map { truth in rows.map { truth[$0.dataRow] } }
    let input = MetricInput(features: features.numeric, clustering: clustering, truth: truth, featureNames: features.numericNames)
    var scores: [(name: String, score: Score)] = []
    for (name, metric) in zip(names, plugins) {
      do {
        scores.append((name, try metric.checkedScore(input, context: FitContext(seed: seed))))
      } catch let error as any WorkbenchError {
        scores.append((name, .undefined(error.description)))
      }
    }
    return EvaluationReport(
      dataPath: dataPath, labelsPath: labelsPath, scoredRows: rows.count, excludedRows: segmentation.excludedCount,
      noiseRows: clustering.noiseCount, clusterLabels: labels.originals, clusterSizes: clustering.sizes, scores: scores,
      contingency: truth.map { ContingencyTable(labels: rows.map(\.label), truth: $0) })
  }

  /// The features the metrics read: imputed and scaled as asked. When no metric reads features (external metrics
  /// such as ARI compare labels with the truth), none are required, so data with gaps can still be scored.
  private func scoredFeatures(_ table: DataTable, metrics: [any ClusterMetric]) throws -> ClusteringInput {
    guard metrics.contains(where: { type(of: $0).readsFeatures }) else {
      return ClusteringInput(numeric: Matrix(rows: table.rowCount, columns: 0), numericNames: [], categorical: [])
    }
    var scored = table
    if let impute {
      let imputer = Impute(validated: try Parameters.resolve(["strategy": .string(impute)], for: Impute.self, at: Location(jsonPath: "impute.strategy")).get())
      scored = try imputer.fit(scored, context: FitContext(seed: seed)).transform(scored)
    }
    if scaling == .standard { scored = try StandardScaler().fit(scored, context: FitContext(seed: seed)).transform(scored) }
    do {
      return try scored.clusteringInput()
    } catch {
      throw DataError(
        Location(file: dataPath), "the features cannot be scored: \(error.description).",
        fix: "fill missing cells with --impute median (or mean, most_frequent), or drop those rows or columns first.")
    }
  }

  /// Builds each named metric with its default parameters; unknown names are one error listing each with suggestions.
  private func resolveMetrics(_ names: [String], registry: PluginRegistry) throws(SpecError) -> [any ClusterMetric] {
    var problems: [Problem] = []
    var plugins: [any ClusterMetric] = []
    for name in names {
      let location = Location(jsonPath: "metrics")
      guard let type = registry.metric(named: name) else {
        problems.append(registry.unknown(.metric, named: name, at: location))
        continue
      }
      do {
        plugins.append(try type.make(type.resolve([:], at: location).get()))
      } catch {
        problems.append(Problem(location, "\(name) cannot be built with its defaults: \(error)"))
      }
    }
    guard problems.isEmpty else { throw SpecError(problems) }
    return plugins
  }

  /// The scored rows in data order: each data row with a label, paired with it.
  private func match(_ segmentation: SegmentationLabels, dataset: Dataset) throws(DataError) -> [(dataRow: Int, label: Int)] {
    var labelOf: [String: Int?] = [:]
    for (id, label) in zip(segmentation.ids, segmentation.labels) { labelOf[id] = label }
    let dataIds = Set(dataset.ids)
    let unknown = segmentation.ids.filter { !dataIds.contains($0) }
    let unlabelled = dataset.ids.filter { labelOf[$0] == nil }
    if !unknown.isEmpty || !unlabelled.isEmpty {
      var parts: [String] = []
      if !unknown.isEmpty { parts.append("\(unknown.count) id\(unknown.count == 1 ? "" : "s") in \(labelsPath) \(unknown.count == 1 ? "is" : "are") not in \(dataPath) (\(Self.sample(unknown)))") }
      if !unlabelled.isEmpty { parts.append("\(unlabelled.count) row\(unlabelled.count == 1 ? "" : "s") of \(dataPath) \(unlabelled.count == 1 ? "has" : "have") no line in \(labelsPath) (\(Self.sample(unlabelled)))") }
      throw DataError(
        Location(file: labelsPath), parts.joined(separator: "; ") + ".",
        fix: idColumn == nil
          ? "name the data's id column; without one, rows are numbered 1, 2, … in both files"
          : "score the labels against the data file they were made from, with the same id column.")
    }
    var rows: [(dataRow: Int, label: Int)] = []
    for (row, id) in dataset.ids.enumerated() {
      if let label = labelOf[id] ?? nil { rows.append((row, label)) }
    }
    guard !rows.isEmpty else {
      throw DataError(Location(file: labelsPath), "every row's label is empty (excluded); there is nothing to score.", fix: "use a labels file with cluster labels.")
    }
    return rows
  }

  /// Up to five ids, quoted, and "…" when there are more.
  private static func sample(_ ids: [String]) -> String {
    ids.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
  }

  /// Labels renumbered `0..<k` in increasing order of the original labels (noise stays −1), and the originals.
  static func compact(_ labels: [Int]) -> (compact: [Int], originals: [Int]) {
    let originals = Array(Set(labels.filter { $0 >= 0 })).sorted()
    var index: [Int: Int] = [:]
    for (i, label) in originals.enumerated() { index[label] = i }
    return (labels.map { $0 < 0 ? -1 : index[$0]! }, originals)
  }
}
