import Foundation
import WorkbenchNumerics

extension GammaGammaModel {
  /// Fits p, q, v by maximum likelihood on customers' purchase counts `x` (> 0) and mean spends `m` (> 0).
  ///
  /// Minimises the mean negative log-likelihood (Fader & Hardie note 025,
  /// eq. 1a) over log-parameters with BFGS and a Nelder–Mead polish from log-parameters 0.1,
  /// as `lifetimes.GammaGammaFitter.fit` without a penalizer. Callers pass only
  /// customers with at least one repeat purchase (x > 0), as the model's
  /// authors and `lifetimes` recommend.
  ///
  /// Edge cases: no customers, or an x ≤ 0 or m ≤ 0 (or non-finite), throws
  /// ``FitError``; a fit with q ≤ 1 (infinite population mean spend) throws
  /// ``FitError/degenerate(_:)``.
  /// - Complexity: O(evaluations · customers).
  public static func fit(frequency x: [Double], meanSpend m: [Double]) throws(FitError) -> GammaGammaModel {
    precondition(x.count == m.count, "frequencies and spends of unequal length")
    guard !x.isEmpty else {
      throw .insufficientSamples(rows: 0, required: 1, detail: "Gamma-Gamma needs customers with repeat purchases")
    }
    if let i = x.indices.first(where: { !(x[$0] > 0 && x[$0].isFinite && m[$0] > 0 && m[$0].isFinite) }) {
      throw .degenerate("Gamma-Gamma needs purchases > 0 and mean spend > 0 for every customer it is fitted on; customer \(i + 1) has \(x[i]) and \(m[i])")
    }
    let found = LikelihoodSearch.minimize({ p in
      -logLikelihood(p: exp(p[0]), q: exp(p[1]), v: exp(p[2]), frequency: x, meanSpend: m) / Double(x.count)
    }, from: [0.1, 0.1, 0.1])
    let p = found.point.map(exp)
    guard found.value.isFinite, p.allSatisfy({ $0.isFinite && $0 > 0 }) else {
      throw .degenerate("the Gamma-Gamma likelihood has no finite maximum on this data (parameters \(p))")
    }
    guard p[1] > 1 else {
      throw .degenerate("the Gamma-Gamma fit has q = \(p[1]) ≤ 1, so the expected spend is infinite; spend is too heavy-tailed for this model")
    }
    return GammaGammaModel(p: p[0], q: p[1], v: p[2])
  }

  /// Σ [ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln v + (px − 1) ln m + px ln x − (px + q) ln(xm + v)].
  public static func logLikelihood(p: Double, q: Double, v: Double, frequency x: [Double], meanSpend m: [Double]) -> Double {
    let lg = SpecialFunctions.logGamma
    let constant = -lg(q) + q * log(v)
    var total = 0.0
    for i in x.indices {
      let px = p * x[i]
      total += lg(px + q) - lg(px) + constant + (px - 1) * log(m[i]) + px * log(x[i]) - (px + q) * log(x[i] * m[i] + v)
    }
    return total
  }
}
