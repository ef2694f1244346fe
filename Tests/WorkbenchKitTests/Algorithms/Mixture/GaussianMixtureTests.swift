import Foundation
import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// EM from the same start follows the same path; only summation order differs (BLAS blocks versus our fixed
/// loops). Measured: most values agree to a few 1e-15; the largest difference is 8.6e-13 relative (Wine,
/// k = 4, full covariances, after 7 steps), so 2e-12 leaves a little more than twice that.
private let referenceTolerance = 2e-12

@Suite("gmm")
struct GaussianMixtureTests {
  @Test("from scikit-learn's starting parameters, score, BIC, AIC, iterations and labels match", arguments: Algos2Reference.names)
  func matchesScikitLearnFromPinnedStart(_ name: String) throws {
    let data = try ReferenceDataset.load(name)
    let reference = try Algos2Reference.load(name)
    #expect(reference.mixtures.count == 8)
    let n = Double(data.x.rows)
    for c in reference.mixtures {
      var given = c.start
      given["k"] = .int(c.k)
      given["covariance_type"] = .string(c.covarianceType)
      given["max_iter"] = .int(c.maxIterations)
      given["tol"] = .double(c.tolerance)
      given["reg_covar"] = .double(c.regularization)
      let result = try makePlugin(GaussianMixture.self, given).fit(data.x, context: FitContext(seed: 0))
      let logLikelihood = try #require(result.diagnostics.logLikelihood)
      let parameterCount = try #require(result.diagnostics.parameterCount)
      #expect(parameterCount == c.parameterCount, "\(c.label): parameter count")
      expectClose(logLikelihood / n, c.score, relative: referenceTolerance, "\(c.label): mean log-likelihood")
      expectClose(-2 * logLikelihood + Double(parameterCount) * log(n), c.bic, relative: referenceTolerance, "\(c.label): BIC")
      expectClose(-2 * logLikelihood + 2 * Double(parameterCount), c.aic, relative: referenceTolerance, "\(c.label): AIC")
      #expect(result.diagnostics.iterations == c.iterations, "\(c.label): iterations")
      #expect(result.diagnostics.converged == c.converged, "\(c.label): converged")
      #expect(result.labels == c.labels, "\(c.label): labels")
      let model = try #require(result.model?.object)
      expectClose(model["weights"]?.array?.compactMap(\.number) ?? [], c.weights, relative: referenceTolerance, "\(c.label): weights")
      expectClose(try #require(result.centers).storage, c.means.storage, relative: referenceTolerance, "\(c.label): means")
      if let expected = c.memberships {
        let memberships = try #require(result.memberships)
        expectClose(memberships.storage, expected.storage, relative: referenceTolerance, "\(c.label): memberships")
      }
    }
  }

  @Test("a component collapsed onto one point with reg_covar 0 throws a degenerate error naming reg_covar",
    arguments: ["full", "tied", "diag", "spherical"])
  func singularCovariance(_ type: String) throws {
    let x = Matrix([[0, 0], [0, 0], [0, 0], [5, 5], [5, 5], [5, 5]])
    let gmm = try makePlugin(GaussianMixture.self, ["k": 2, "covariance_type": .string(type), "reg_covar": 0])
    #expect {
      try gmm.fit(x, context: FitContext(seed: 0))
    } throws: { error in
      guard case FitError.degenerate(let message) = error else { return false }
      return message.contains("reg_covar") && message.contains("not positive definite")
    }
  }

  @Test("predict on the fit rows gives the fit labels and memberships, which sum to 1", arguments: ["full", "tied", "diag", "spherical"])
  func predictMatchesFit(_ type: String) throws {
    let (x, truth) = Blobs.make(centers: 3, perCluster: 40, dimensions: 3, spread: 0.6, seed: 4)
    let result = try makePlugin(GaussianMixture.self, ["k": 3, "covariance_type": .string(type)]).fit(x, context: FitContext(seed: 2))
    #expect(AdjustedRandIndex.score(result.labels, truth) > 0.99)
    let prediction = try GaussianMixture.predict(model: try #require(result.model), input: ClusteringInput(numeric: x))
    #expect(prediction.labels == result.labels)
    #expect(prediction.memberships == result.memberships)
    let memberships = try #require(result.memberships)
    for r in 0..<x.rows { expectClose(memberships.rowArray(r).reduce(0, +), 1, relative: 1e-12) }
  }

  @Test("the log-likelihood is the sum of the rows' log densities under the saved model")
  func logLikelihoodIsTotal() throws {
    let data = try ReferenceDataset.load("iris-standardized")
    let result = try makePlugin(GaussianMixture.self, ["k": 2, "covariance_type": "diag"]).fit(data.x, context: FitContext(seed: 1))
    let model = try #require(result.model?.object)
    let weights = model["weights"]?.array?.compactMap(\.number) ?? []
    let means = try FixtureLoader.matrix(try #require(model["means"]), "means")
    let variances = try FixtureLoader.matrix(try #require(model["covariances"]), "covariances")
    var total = 0.0
    for r in 0..<data.x.rows {
      var density = 0.0
      for c in 0..<weights.count {
        var logPdf = 0.0
        for j in 0..<data.x.columns {
          let v = variances[c, j]
          let z = data.x[r, j] - means[c, j]
          logPdf += -0.5 * (log(2 * Double.pi * v) + z * z / v)
        }
        density += weights[c] * exp(logPdf)
      }
      total += log(density)
    }
    expectClose(try #require(result.diagnostics.logLikelihood), total, relative: 1e-12)
  }

  @Test("the same seed gives identical fits; kmeans and random starts both recover blobs", arguments: ["kmeans", "random"])
  func seeding(_ initParams: String) throws {
    let (x, truth) = Blobs.make(centers: 4, perCluster: 30, dimensions: 2, spread: 0.4, seed: 9)
    let gmm = try makePlugin(GaussianMixture.self, ["k": 4, "init_params": .string(initParams), "n_init": 3])
    let first = try gmm.fit(x, context: FitContext(seed: 17))
    #expect(first == (try gmm.fit(x, context: FitContext(seed: 17))))
    #expect(AdjustedRandIndex.score(first.labels, truth) > 0.95)
  }

  @Test("identical rows leave one component, with a note; the model predicts them")
  func duplicateRows() throws {
    let x = Matrix(rows: 8, columns: 2, repeating: 1.5)
    let result = try makePlugin(GaussianMixture.self, ["k": 3]).fit(x, context: FitContext(seed: 0))
    #expect(result.clusterCount == 1)
    #expect(result.labels == Array(repeating: 0, count: 8))
    #expect(result.diagnostics.notes.count == 1)
    #expect(result.diagnostics.logLikelihood?.isFinite == true)
    let prediction = try GaussianMixture.predict(model: try #require(result.model), input: ClusteringInput(numeric: x))
    #expect(prediction.labels == result.labels)
  }

  @Test("defaults are scikit-learn's")
  func defaults() throws {
    let resolved = try Parameters.resolve([:], for: GaussianMixture.self, at: Location()).get()
    #expect(
      resolved.json == [
        "k": 1, "covariance_type": "full", "tol": 1e-3, "reg_covar": 1e-6, "max_iter": 100, "n_init": 1, "init_params": "kmeans",
        "weights_init": "none", "means_init": "none", "precisions_init": "none",
      ])
  }

  @Test("explicit starts of the wrong shape or not positive definite are parameter errors naming the parameter")
  func invalidStarts() throws {
    let cases: [(String, [String: JSONValue])] = [
      ("weights_init", ["k": 2, "weights_init": [[0.5, 0.6]]]),
      ("weights_init", ["k": 2, "weights_init": [[1.0]]]),
      ("means_init", ["k": 2, "means_init": [[0, 0]]]),
      ("precisions_init", ["k": 1, "precisions_init": [[1, 2], [2, 1]]]),
      ("precisions_init", ["k": 2, "covariance_type": "diag", "precisions_init": [[1, 0]]]),
      ("precisions_init", ["k": 2, "covariance_type": "spherical", "precisions_init": [[1], [-1]]]),
    ]
    for (parameter, given) in cases {
      #expect(throws: ParameterError.self, "\(given)") { try makePlugin(GaussianMixture.self, given) }
      do {
        _ = try makePlugin(GaussianMixture.self, given)
      } catch let error as ParameterError {
        #expect(error.parameter == parameter)
      }
    }
  }

  @Test("explicit means with a column count other than the data's throw a degenerate error naming means_init")
  func meansWrongColumns() throws {
    let gmm = try makePlugin(GaussianMixture.self, ["k": 2, "means_init": [[0, 0], [1, 1]]])
    #expect {
      try gmm.fit(Matrix([[0, 0, 0], [1, 1, 1], [2, 2, 2]]), context: FitContext(seed: 0))
    } throws: { error in
      guard case FitError.degenerate(let message) = error else { return false }
      return message.contains("'means_init'")
    }
  }
}
