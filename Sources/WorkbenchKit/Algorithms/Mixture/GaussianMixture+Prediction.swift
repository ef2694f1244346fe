import Foundation
import WorkbenchNumerics

extension GaussianMixture {
  /// The saved model in scikit-learn's terms: `covariance_type`, `weights`, `means`, `covariances` and
  /// `precisions_cholesky` (full: one upper-triangular matrix per component; tied: one matrix; diag: k rows;
  /// spherical: k numbers), so values can be compared with a fitted `GaussianMixture` directly.
  static func model(_ mixture: Mixture) -> JSONValue {
    let covariances: JSONValue
    let precisions: JSONValue
    switch mixture.type {
    case .full:
      covariances = .array(mixture.covariances.map(SavedState.encode))
      precisions = .array(mixture.factors.map { SavedState.encode(Linalg.transposed($0)) })
    case .tied:
      covariances = SavedState.encode(mixture.covariances[0])
      precisions = SavedState.encode(Linalg.transposed(mixture.factors[0]))
    case .diag:
      covariances = SavedState.encode(mixture.covariances[0])
      precisions = SavedState.encode(mixture.factors[0])
    case .spherical:
      covariances = SavedState.encode(mixture.covariances[0].storage)
      precisions = SavedState.encode(mixture.factors[0].storage)
    }
    return [
      "covariance_type": .string(mixture.type.rawValue), "weights": SavedState.encode(mixture.weights),
      "means": SavedState.encode(mixture.means), "covariances": covariances, "precisions_cholesky": precisions,
    ]
  }

  /// Reads a saved model back into a mixture ready for the E step.
  static func mixture(fromModel model: JSONValue) throws -> Mixture {
    let state = try SavedState(model, owner: "gmm model")
    guard let type = CovarianceType(rawValue: try state.text("covariance_type")) else {
      throw SavedStateError(owner: "gmm model", detail: "'covariance_type' is not one of full, tied, diag, spherical")
    }
    let weights = try state.reals("weights")
    let means = try state.matrix("means")
    let k = weights.count
    let d = means.columns
    let factors: [Matrix]
    switch type {
    case .full:
      let items = try state.value("precisions_cholesky").array ?? []
      factors = try items.map { item in
        try Linalg.transposed(SavedState(["m": item], owner: "gmm model").matrix("m"))
      }
    case .tied: factors = [Linalg.transposed(try state.matrix("precisions_cholesky"))]
    case .diag: factors = [try state.matrix("precisions_cholesky")]
    case .spherical:
      let values = try state.reals("precisions_cholesky")
      factors = [Matrix(rows: values.count, columns: 1, storage: values)]
    }
    let expected =
      switch type {
      case .full: factors.count == k && factors.allSatisfy { $0.rows == d && $0.columns == d }
      case .tied: factors[0].rows == d && factors[0].columns == d
      case .diag: factors[0].rows == k && factors[0].columns == d
      case .spherical: factors[0].rows == k
      }
    guard means.rows == k, expected else {
      throw SavedStateError(owner: "gmm model", detail: "weights, means and precisions_cholesky do not describe the same components")
    }
    var mixture = Mixture(type: type, weights: weights, means: means, covariances: [], factors: factors, halfLogDeterminants: [])
    mixture.setHalfLogDeterminants(dimensions: d)
    return mixture
  }

  /// Labels each row with its most probable component; memberships are the posterior probabilities (`predict_proba`).
  public static func predict(model: JSONValue, input: ClusteringInput) throws -> Prediction {
    let x = try input.numericOnly(for: name)
    let mixture = try mixture(fromModel: model)
    guard mixture.means.columns == x.columns else {
      throw FitError.degenerate("the gmm model has \(mixture.means.columns) features but the new rows have \(x.columns)")
    }
    var workspace = Workspace(rows: x.rows, componentCount: mixture.componentCount)
    _ = workspace.expectation(mixture, x)
    return prediction(mixture, workspace: workspace, rows: x.rows)
  }

  /// Labels (argmax of the log responsibilities) and memberships (the responsibilities) of the first `rows` rows of `workspace`, `mixture.componentCount` per row.
  static func prediction(_ mixture: Mixture, workspace: Workspace, rows: Int) -> Prediction {
    let k = mixture.componentCount
    let labels = (0..<rows).map { argmax(workspace.logResponsibilities, row: $0, count: k) }
    let memberships = Matrix(rows: rows, columns: k, storage: Array(workspace.responsibilities.prefix(rows * k)))
    return Prediction(labels: labels, memberships: memberships)
  }
}
