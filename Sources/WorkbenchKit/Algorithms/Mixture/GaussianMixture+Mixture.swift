import Foundation
import WorkbenchNumerics

extension GaussianMixture {
  /// The shape of the component covariances (the string values of `covariance_type`).
  public enum CovarianceType: String, Sendable, CaseIterable {
    /// Each component has its own general covariance matrix.
    case full
    /// All components share one general covariance matrix.
    case tied
    /// Each component has its own diagonal covariance.
    case diag
    /// Each component has its own single variance.
    case spherical
  }

  /// The parameters of one mixture and their precision factors, in scikit-learn's layout.
  ///
  /// `covariances` and `factors` hold, by type: full — one `d × d` matrix per
  /// component; tied — one `d × d` matrix; diag — one `k × d` matrix;
  /// spherical — one `k × 1` matrix. For full and tied a factor is the lower
  /// triangular `W` with `Wᵀ W = P` (the precision): scikit-learn's
  /// `precisions_cholesky_` transposed, so (x − μ)ᵀ P (x − μ) = ‖W (x − μ)‖².
  /// For diag and spherical it is 1/σ, exactly `precisions_cholesky_`.
  struct Mixture: Sendable, Equatable {
    var type: CovarianceType
    var weights: [Double]
    var means: Matrix
    var covariances: [Matrix]
    var factors: [Matrix]
    /// Per component, log det(P) / 2 = Σ log diag(W).
    var halfLogDeterminants: [Double]

    var componentCount: Int { weights.count }

    /// The M step (scikit-learn's `_estimate_gaussian_parameters`): counts `nk`, means and regularised covariances.
    ///
    /// `nk` includes scikit-learn's `10 · ε` so an empty component divides by
    /// a tiny number instead of zero (its mean becomes 0, its covariance
    /// `reg_covar`). Weights are left as `nk`; callers normalise them. Factors
    /// are not computed here (see ``factorize(regularization:)``).
    /// - Complexity: O(rows · k · columns²) for full and tied, O(rows · k · columns) otherwise.
    static func estimate(
      _ x: Matrix, responsibilities resp: [Double], componentCount k: Int, type: CovarianceType, regularization: Double
    ) -> Mixture {
      let d = x.columns
      let weighted = Linalg.weightedSums(x, weights: resp, components: k)
      let nk = weighted.counts.map { $0 + 10 * Double.ulpOfOne }
      var means = Matrix(rows: k, columns: d)
      for c in 0..<k {
        for j in 0..<d { means[c, j] = weighted.sums[c, j] / nk[c] }
      }
      var covariances: [Matrix]
      switch type {
      case .full:
        covariances = (0..<k).map { c in
          var scatter = Matrix(rows: d, columns: d)
          Linalg.addWeightedScatter(x, weights: resp, stride: k, offset: c, mean: means.rowArray(c), into: &scatter)
          return regularized(scatter, dividedBy: nk[c], regularization)
        }
      case .tied:
        var scatter = Matrix(rows: d, columns: d)
        for c in 0..<k {
          Linalg.addWeightedScatter(x, weights: resp, stride: k, offset: c, mean: means.rowArray(c), into: &scatter)
        }
        covariances = [regularized(scatter, dividedBy: nk.reduce(0, +), regularization)]
      case .diag, .spherical:
        var variances = Linalg.weightedSquaredDeviations(x, weights: resp, means: means)
        for c in 0..<k {
          for j in 0..<d { variances[c, j] = variances[c, j] / nk[c] + regularization }
        }
        if type == .diag {
          covariances = [variances]
        } else {
          var spherical = Matrix(rows: k, columns: 1)
          for c in 0..<k { spherical[c, 0] = variances.rowArray(c).reduce(0, +) / Double(d) }
          covariances = [spherical]
        }
      }
      return Mixture(type: type, weights: nk, means: means, covariances: covariances, factors: [], halfLogDeterminants: [])
    }

    /// `scatter` (lower triangle) divided by `count`, mirrored to the upper triangle, with `regularization` on the diagonal.
    private static func regularized(_ scatter: Matrix, dividedBy count: Double, _ regularization: Double) -> Matrix {
      var out = scatter
      for i in 0..<scatter.rows {
        for j in 0...i {
          let value = scatter[i, j] / count
          out[i, j] = value
          out[j, i] = value
        }
        out[i, i] += regularization
      }
      return out
    }

    /// Computes the precision factors from the covariances (scikit-learn's `_compute_precision_cholesky`).
    ///
    /// Throws ``FitError/degenerate(_:)`` naming `reg_covar` when a covariance
    /// is not positive definite (a component collapsed onto too few distinct
    /// points), instead of producing NaN.
    mutating func factorize(regularization: Double) throws(FitError) {
      let k = componentCount
      switch type {
      case .full, .tied:
        factors = []
        for (index, covariance) in covariances.enumerated() {
          guard let lower = Linalg.cholesky(covariance) else {
            throw GaussianMixture.singular(type == .tied ? "the shared covariance" : "the covariance of component \(index)", regularization)
          }
          factors.append(Linalg.invertLowerTriangular(lower))
        }
        halfLogDeterminants = type == .tied
          ? Array(repeating: Linalg.logDiagonalSum(factors[0]), count: k)
          : factors.map(Linalg.logDiagonalSum)
      case .diag, .spherical:
        let variances = covariances[0]
        var factor = Matrix(rows: variances.rows, columns: variances.columns)
        for c in 0..<variances.rows {
          for j in 0..<variances.columns {
            let v = variances[c, j]
            guard v > 0, v.isFinite else { throw GaussianMixture.singular("the variance of component \(c)", regularization) }
            factor[c, j] = 1 / v.squareRoot()
          }
        }
        factors = [factor]
        setHalfLogDeterminants(dimensions: means.columns)
      }
    }

    /// Σ log diag(W) per component from the factors.
    mutating func setHalfLogDeterminants(dimensions d: Int) {
      switch type {
      case .full: halfLogDeterminants = factors.map(Linalg.logDiagonalSum)
      case .tied: halfLogDeterminants = Array(repeating: Linalg.logDiagonalSum(factors[0]), count: componentCount)
      case .diag: halfLogDeterminants = (0..<componentCount).map { c in factors[0].rowArray(c).reduce(0) { $0 + log($1) } }
      case .spherical: halfLogDeterminants = (0..<componentCount).map { c in Double(d) * log(factors[0][c, 0]) }
      }
    }

    /// Writes log wc + log N(x | μc, Σc) for every row and component into `out` (row-major `rows × k`).
    ///
    /// scikit-learn's `_estimate_weighted_log_prob`: −½ (d log 2π + (x − μ)ᵀ P (x − μ)) + ½ log det P + log w.
    /// Diagonal forms use differences, (x − μ)² / σ², rather than scikit-learn's expanded dot products.
    /// - Complexity: O(rows · k · columns²) for full and tied, O(rows · k · columns) otherwise.
    func logWeightedDensities(_ x: Matrix, into out: inout [Double]) {
      let k = componentCount
      let n = x.rows
      let d = x.columns
      switch type {
      case .full, .tied:
        for c in 0..<k {
          Linalg.lowerQuadraticForms(
            x, mean: means.rowArray(c), lowerFactor: factors[type == .full ? c : 0], into: &out, stride: k, offset: c)
        }
      case .diag:
        Linalg.diagonalQuadraticForms(x, means: means, factors: factors[0], into: &out)
      case .spherical:
        let factor = factors[0]
        for r in 0..<n {
          for c in 0..<k {
            out[r * k + c] = Distance.squaredEuclidean(x, row: r, means, row: c) * (factor[c, 0] * factor[c, 0])
          }
        }
      }
      Linalg.gaussianLogDensities(
        &out, rows: n, dimensions: d, halfLogDeterminants: halfLogDeterminants, logWeights: weights.map { log($0) })
    }

    /// The E step: turns weighted log densities into log responsibilities in place, writes the responsibilities
    /// themselves to `responsibilities`, and returns Σ log p(x).
    ///
    /// Each row is normalised by its log-sum-exp (``Reduce/normalizeLogRows(_:rows:columns:linear:)``),
    /// which is that row's log-likelihood under the mixture.
    /// - Complexity: O(rows · k) plus ``logWeightedDensities(_:into:)``.
    func expectation(_ x: Matrix, logResponsibilities out: inout [Double], responsibilities: inout [Double]) -> Double {
      logWeightedDensities(x, into: &out)
      return Reduce.normalizeLogRows(&out, rows: x.rows, columns: componentCount, linear: &responsibilities)
    }

    /// scikit-learn's `_n_parameters()`: free parameters of the means, covariances and weights.
    var parameterCount: Int {
      let k = componentCount
      let d = means.columns
      let covarianceParameters =
        switch type {
        case .full: k * d * (d + 1) / 2
        case .tied: d * (d + 1) / 2
        case .diag: k * d
        case .spherical: k
        }
      return covarianceParameters + d * k + k - 1
    }

    /// The mixture restricted to the components `kept`, weights renormalised to sum to 1.
    func restricted(to kept: [Int]) -> Mixture {
      let total = kept.reduce(0) { $0 + weights[$1] }
      let covariances: [Matrix]
      let factors: [Matrix]
      switch type {
      case .full:
        covariances = kept.map { self.covariances[$0] }
        factors = kept.map { self.factors[$0] }
      case .tied:
        covariances = self.covariances
        factors = self.factors
      case .diag, .spherical:
        covariances = [self.covariances[0].selecting(rows: kept)]
        factors = [self.factors[0].selecting(rows: kept)]
      }
      return Mixture(
        type: type, weights: kept.map { weights[$0] / total }, means: means.selecting(rows: kept), covariances: covariances,
        factors: factors, halfLogDeterminants: kept.map { halfLogDeterminants[$0] })
    }
  }

  /// The error for a covariance that is not positive definite.
  static func singular(_ what: String, _ regularization: Double) -> FitError {
    .degenerate(
      "gmm: \(what) is singular or not positive definite (a component collapsed onto fewer distinct points than features); "
        + "raise reg_covar (now \(JSONNumber.plain(regularization))), lower k, or standardize the data")
  }
}
