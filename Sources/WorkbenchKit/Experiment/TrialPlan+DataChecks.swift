extension TrialPlan {
  /// Checks every pipeline step and algorithm setting against the data's columns and rows, before anything is fitted.
  ///
  /// What `validate` and `run` both check once the data is read, so a spec
  /// that validates never fails before its first trial: `k` above the
  /// number of rows (``checkClusterCounts(rows:registry:)``), a step's
  /// `columns` naming a column that does not reach it, and whatever each
  /// step (``Preprocessor/shape(after:)``) and algorithm
  /// (``ClusteringAlgorithm/check(_:)``) find wrong with the columns they
  /// receive: `pca` asking for more components than columns, k-means `init`
  /// centers of the wrong width, `kprototypes` without a categorical column.
  /// Every problem is reported once, at its JSON path, naming the pipeline.
  /// - Complexity: O(steps · columns) per pipeline variant plus O(grid points) per algorithm; the data is not scanned
  ///   beyond the distinct labels of its categorical columns.
  public func checkAgainstData(_ dataset: Dataset, registry: PluginRegistry) throws(SpecError) {
    var problems: [Problem] = []
    do {
      try checkClusterCounts(rows: dataset.table.rowCount, registry: registry)
    } catch {
      problems += error.problems
    }
    var reported: Set<String> = []
    func record(_ problem: Problem) {
      if reported.insert(problem.description).inserted { problems.append(problem) }
    }
    var shapes: [(pipeline: String, shape: FeatureShape)] = []
    for variant in pipelines {
      guard let pipeline = experiment.pipelines.first(where: { $0.name == variant.name }) else { continue }
      if let shape = pipelineShape(variant, steps: pipeline.steps, from: Self.shape(of: dataset), registry: registry, record: record) {
        shapes.append((variant.name, shape))
      }
    }
    for use in experiment.algorithms {
      guard let descriptor = registry.algorithm(named: use.name) else { continue }
      for point in use.gridPoints {
        guard case .success(let parameters) = descriptor.resolve(point, at: use.location),
          let algorithm = try? descriptor.make(parameters)
        else { continue }
        for (pipeline, shape) in shapes {
          do {
            try algorithm.check(shape)
          } catch {
            record(Self.problem(error, at: use, pipeline: pipeline))
          }
        }
      }
    }
    if !problems.isEmpty { throw SpecError(problems) }
  }

  /// The columns `variant` leaves for its algorithms, or `nil` after recording why a step cannot work.
  private func pipelineShape(
    _ variant: PipelineVariant, steps uses: [PluginUse], from start: FeatureShape, registry: PluginRegistry, record: (Problem) -> Void
  ) -> FeatureShape? {
    var shape = start
    for (i, (step, use)) in zip(variant.steps, uses).enumerated() {
      let named = step.parameters.values["columns"]?.array?.compactMap(\.string) ?? []
      if shape.isExact, let missing = named.first(where: { shape.column(named: $0) == nil }) {
        record(
          Problem(
            Self.location(of: "columns", in: use),
            "step \(i + 1) (\(step.name)) of pipeline '\(variant.name)' names the column '\(missing)', but no such column reaches it.",
            fix: "use one of the columns there: \(MessageText.list(shape.names))."))
        return nil
      }
      guard let descriptor = registry.preprocessor(named: step.name), let preprocessor = try? descriptor.make(step.parameters) else { return nil }
      do {
        shape = try preprocessor.shape(after: shape)
      } catch {
        record(Self.problem(error, at: use, pipeline: variant.name))
        return nil
      }
    }
    return shape
  }

  /// The columns of `dataset` as pipelines receive them, with each categorical column's labels.
  static func shape(of dataset: Dataset) -> FeatureShape {
    let columns = dataset.table.columns.map { column in
      FeatureShape.ShapeColumn(
        name: column.name, isNumeric: column.isNumeric, levels: column.labels.map { Array(Set($0.compactMap { $0 })).sorted() })
    }
    return FeatureShape(columns: columns, rows: dataset.table.rowCount)
  }

  /// `problem` located at its parameter of `use` (under "params" or "grid", where the spec sets it), or at `use` itself.
  private static func problem(_ problem: FeatureShape.Problem, at use: PluginUse, pipeline: String) -> Problem {
    let place = problem.parameter.map { Self.location(of: $0, in: use) } ?? use.location
    let message = problem.message.hasSuffix(".") ? String(problem.message.dropLast()) : problem.message
    return Problem(place, "\(message) (pipeline '\(pipeline)').", fix: problem.fix)
  }

  /// Where `parameter` of `use` is set: its grid entry, or its fixed value (also when it keeps its default).
  private static func location(of parameter: String, in use: PluginUse) -> Location {
    use.location.appending(use.grid.contains { $0.parameter == parameter } ? "grid" : "params").appending(parameter)
  }
}
