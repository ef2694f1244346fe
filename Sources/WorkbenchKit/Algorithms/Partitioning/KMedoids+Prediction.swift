import WorkbenchNumerics

extension KMedoids {
  /// The saved model: metric, medoid feature rows, total deviation; for Gower also the medoids' categorical
  /// values (by level name) and the fit's numeric minimums and ranges.
  static func model(medoids: [Int], input: ClusteringInput, space: Space, totalDeviation: Double) -> JSONValue {
    var fields: [String: JSONValue] = [
      "metric": .string(space.metric.rawValue),
      "medoids": SavedState.encode(input.numeric.selecting(rows: medoids)),
      "total_deviation": .double(totalDeviation),
    ]
    if space.metric == .gower {
      let scaling = GowerScaling(fitting: input.numeric)
      fields["gower_minimums"] = SavedState.encode(scaling.minimums)
      fields["gower_ranges"] = SavedState.encode(scaling.ranges)
      fields["categorical"] = .array(
        input.categorical.map { feature in
          ["name": .string(feature.name), "medoid_levels": SavedState.encode(medoids.map { feature.levels[feature.codes[$0]] })]
        })
    }
    return .object(fields)
  }

  /// Labels each row with its nearest medoid under the fit's metric (ties to the lowest label).
  ///
  /// For Gower, categorical features are matched by name and value: a value
  /// the fit never saw mismatches every medoid; numeric values are scaled with
  /// the fit's ranges. The fit rows get their fit labels back.
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    let saved = try SavedState(model, owner: "kmedoids model")
    guard let metric = Metric(rawValue: try saved.text("metric")) else {
      throw SavedStateError(owner: "kmedoids model", detail: "'metric' is not one of \(Metric.allCases.map(\.rawValue))")
    }
    let medoidRows = try saved.matrix("medoids")
    let medoidCount = medoidRows.rows
    guard medoidCount > 0 else { throw SavedStateError(owner: "kmedoids model", detail: "'medoids' is empty") }
    let medoids: Space
    let rows: Space
    switch metric {
    case .gower:
      let scaling = GowerScaling(minimums: try saved.reals("gower_minimums"), ranges: try saved.reals("gower_ranges"))
      guard scaling.minimums.count == input.numeric.columns, medoidRows.columns == input.numeric.columns else {
        throw FitError.degenerate("the kmedoids model has \(medoidRows.columns) numeric features but the new rows have \(input.numeric.columns)")
      }
      try input.requireSafeMagnitudes()
      var medoidCodes: [[Int]] = []
      var rowCodes: [[Int]] = []
      guard let features = try saved.value("categorical").array, features.count == input.categorical.count else {
        throw FitError.degenerate("the kmedoids model and the new rows have different categorical features")
      }
      for (feature, saved) in zip(input.categorical, features) {
        let state = try SavedState(saved, owner: "kmedoids model")
        guard try state.text("name") == feature.name else {
          throw FitError.degenerate("the kmedoids model expects categorical feature '\(try state.text("name"))' where the new rows have '\(feature.name)'")
        }
        let medoidLevels = try state.texts("medoid_levels")
        guard medoidLevels.count == medoidCount else {
          throw SavedStateError(owner: "kmedoids model", detail: "'medoid_levels' of '\(feature.name)' has \(medoidLevels.count) values for \(medoidCount) medoids")
        }
        // Codes index this feature's new levels; medoid values absent from them get −2, which no row has.
        medoidCodes.append(medoidLevels.map { level in feature.levels.firstIndex(of: level) ?? -2 })
        rowCodes.append(feature.codes)
      }
      medoids = Space(metric: .gower, rows: .gower(GowerRows(numeric: medoidRows, scaling: scaling, codes: medoidCodes)))
      rows = Space(metric: .gower, rows: .gower(GowerRows(numeric: input.numeric, scaling: scaling, codes: rowCodes)))
    case .euclidean, .manhattan, .cosine:
      let x = try input.numericOnly(for: name)
      guard medoidRows.columns == x.columns else {
        throw FitError.degenerate("the kmedoids model has \(medoidRows.columns) features but the new rows have \(x.columns)")
      }
      medoids = Space(metric: metric, rows: .numeric(medoidRows))
      rows = Space(metric: metric, rows: .numeric(x))
    }
    let labels = (0..<rows.count).map { i in
      var best = 0, bestDistance = Space.between(rows, i, medoids, 0)
      for m in 1..<medoidCount {
        let distance = Space.between(rows, i, medoids, m)
        if distance < bestDistance { (best, bestDistance) = (m, distance) }
      }
      return best
    }
    return Prediction(labels: labels)
  }
}
