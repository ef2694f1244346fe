import WorkbenchNumerics

/// The maximum-likelihood search shared by the customer-lifetime models: BFGS, then a Nelder–Mead polish.
///
/// BFGS (as `lifetimes`, which uses scipy's BFGS) follows the curved ridges
/// these likelihoods have; Nelder–Mead restarted from its end point then
/// removes what is left of the finite-difference gradient's noise, and can
/// only improve the value. Both are deterministic.
enum LikelihoodSearch {
  /// The minimum of `negativeLogLikelihood` over log-parameters, from `start`.
  static func minimize(_ negativeLogLikelihood: ([Double]) -> Double, from start: [Double]) -> Minimum {
    let quasiNewton = BFGS().minimize(negativeLogLikelihood, from: start)
    let polished = NelderMead().minimize(negativeLogLikelihood, from: quasiNewton.point)
    return polished.value <= quasiNewton.value ? polished : quasiNewton
  }
}
