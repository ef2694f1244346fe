import WorkbenchKit
import WorkbenchNumerics

extension BenchWorkloadRunner {
  /// The workload of a registered algorithm (one fit) or metric (one score), on the rows of the silhouette
  /// subset (the first ``BenchWorkload/quadraticRows`` for an algorithm that scales quadratically).
  ///
  /// An algorithm is built with k = 8 under whichever cluster-count parameter
  /// it declares, and its defaults otherwise. A metric scores a clustering of
  /// the same rows fitted untimed, as a run's trial would hand it over: a gmm
  /// clustering for metrics that need a likelihood, fuzzy c-means for
  /// memberships, k-means otherwise; the blobs the rows came from are the
  /// truth, and refits (gap, prediction strength) use the same algorithm.
  /// An algorithm that requires categorical features gets the last column as one.
  /// Density methods (``BenchWorkload/densitySettings``) instead run on the standardised density subset with their own parameters.
  func preparePlugin(named name: String, into m: inout BenchMeasurement) throws -> Preparation {
    if let parameters = files.densityParameters[name], let type = registry.algorithm(named: name) {
      let x = try Self.matrix(files.densityData)
      m.rows = x.rows
      m.columns = x.columns
      m.notes.append("standardised first \(x.rows) rows × \(x.columns) columns; " + parameters.keys.sorted().map { "\($0) \(JSONNumber.plain(parameters[$0]!))" }.joined(separator: ", "))
      let algorithm = try build(type, name, parameters.mapValues(JSONValue.double))
      let context = FitContext(seed: files.gridSeed)
      return .ready { _ = try algorithm.fit(x, context: context); return nil }
    }
    let subset = try Self.matrix(files.silhouetteData)
    let algorithmType = registry.algorithm(named: name)
    let quadratic = algorithmType?.capabilities.scalesQuadratically ?? false
    let x = quadratic && subset.rows > BenchWorkload.quadraticRows ? subset.selecting(rows: Array(0..<BenchWorkload.quadraticRows)) : subset
    let rows = x.rows
    m.rows = rows
    let context = FitContext(seed: files.gridSeed)
    if let type = algorithmType {
      let algorithm = try clusterer(type)
      let input = type.capabilities.requiresCategorical ? Self.mixed(x) : ClusteringInput(numeric: x)
      if input.categorical.count > 0 { m.notes.append("the last column is categorical (values rounded to integers)") }
      return .ready { _ = try algorithm.fit(input, context: context); return nil }
    }
    guard let type = registry.metric(named: name) else { return .skipped("\(name) is neither a registered algorithm nor a metric") }
    let metric = try type.instance()
    let source = Self.clusteringSource(for: type.needs)
    guard let sourceType = registry.algorithm(named: source) else { return .skipped("\(name) scores a \(source) clustering; \(source) is not registered") }
    let algorithm = try clusterer(sourceType)
    let clustering = try algorithm.fit(ClusteringInput(numeric: x), context: context)
    let truth: [String?] = try Self.labels(files.silhouetteLabels).prefix(rows).map { "\($0)" }
    let input = MetricInput(features: x, clustering: clustering, truth: truth, refitting: algorithm, described: sourceType)
    if source != "kmeans" { m.notes.append("scores a \(source) clustering (k = \(files.clusterCount)) of the same rows, fitted untimed") }
    return .ready { _ = try metric.score(input, context: context); return nil }
  }

  /// The algorithm whose clustering a metric with `needs` scores: gmm for a likelihood, fuzzy c-means for memberships, k-means otherwise.
  static func clusteringSource(for needs: MetricNeeds) -> String {
    needs.contains(.likelihood) ? "gmm" : needs.contains(.memberships) ? "fuzzy-cmeans" : "kmeans"
  }

  /// `type` with k = 8 under whichever cluster-count parameter it declares, its defaults otherwise.
  func clusterer(_ type: AlgorithmDescriptor) throws -> any ClusteringAlgorithm {
    let count = ["k", "n_clusters", "n_components"].first { key in type.parameters.contains { $0.name == key } }
    return try build(type, type.name, count.map { [$0: .int(files.clusterCount)] } ?? [:])
  }

  /// `x` with its last column as a categorical feature (each value rounded to an integer) and the others numeric.
  static func mixed(_ x: Matrix) -> ClusteringInput {
    let d = x.columns - 1
    let numeric = Matrix(rows: x.rows, columns: d, storage: (0..<x.rows).flatMap { r in x.rowArray(r).prefix(d) })
    let values = (0..<x.rows).map { r in "\(Int(x[r, d].rounded()))" }
    let levels = Array(Set(values)).sorted()
    let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
    return ClusteringInput(numeric: numeric, categorical: [CategoricalFeature(name: "category", levels: levels, codes: values.map { index[$0]! })])
  }
}
