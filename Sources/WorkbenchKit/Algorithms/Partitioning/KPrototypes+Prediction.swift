import WorkbenchNumerics

extension KPrototypes {
  /// The saved model: numeric prototypes, each categorical feature's modes by level name, gamma and the total cost.
  static func model(_ prototypes: Prototypes, input: ClusteringInput, gamma: Double, cost: Double) -> JSONValue {
    [
      "numeric_prototypes": SavedState.encode(prototypes.numeric),
      "categorical": .array(
        input.categorical.enumerated().map { f, feature in
          ["name": .string(feature.name), "modes": SavedState.encode(prototypes.modes.map { feature.levels[$0[f]] })]
        }),
      "gamma": .double(gamma),
      "cost": .double(cost),
    ]
  }

  /// Labels each row with its cheapest prototype (squared Euclidean + gamma × mismatches; ties to the lowest label).
  ///
  /// Categorical features are matched by name and value; a value the fit
  /// never saw mismatches every mode. The fit rows get their fit labels back.
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    let saved = try SavedState(model, owner: "kprototypes model")
    let numeric = try saved.matrix("numeric_prototypes")
    let gamma = try saved.real("gamma")
    guard numeric.rows > 0 else { throw SavedStateError(owner: "kprototypes model", detail: "'numeric_prototypes' is empty") }
    guard numeric.columns == input.numeric.columns else {
      throw FitError.degenerate("the kprototypes model has \(numeric.columns) numeric features but the new rows have \(input.numeric.columns)")
    }
    try input.requireSafeMagnitudes()
    guard let features = try saved.value("categorical").array, features.count == input.categorical.count else {
      throw FitError.degenerate("the kprototypes model and the new rows have different categorical features")
    }
    var modes = Array(repeating: [Int](), count: numeric.rows)
    for (feature, savedFeature) in zip(input.categorical, features) {
      let state = try SavedState(savedFeature, owner: "kprototypes model")
      guard try state.text("name") == feature.name else {
        throw FitError.degenerate("the kprototypes model expects categorical feature '\(try state.text("name"))' where the new rows have '\(feature.name)'")
      }
      let levels = try state.texts("modes")
      guard levels.count == numeric.rows else {
        throw SavedStateError(owner: "kprototypes model", detail: "'modes' of '\(feature.name)' has \(levels.count) values for \(numeric.rows) prototypes")
      }
      // Codes index the new rows' levels; a mode absent from them gets −1, which no row has.
      for (p, level) in levels.enumerated() { modes[p].append(feature.levels.firstIndex(of: level) ?? -1) }
    }
    let prototypes = Prototypes(numeric: numeric, modes: modes)
    return Prediction(labels: labelsAndCost(Data(input), prototypes, gamma: gamma).labels)
  }
}
