import Foundation

/// The shared computation of BIC and AIC from a fitted model's log-likelihood and parameter count.
enum InformationCriterion {
  /// −2·LL + penalty·p, or the undefined score when the clustering has no likelihood.
  ///
  /// `penalty` receives the number of rows n (ln n for BIC, 2 for AIC).
  static func score(_ input: MetricInput, metric: String, penalty: (Int) -> Double) -> Score {
    let diagnostics = input.clustering.diagnostics
    guard let logLikelihood = diagnostics.logLikelihood, let parameters = diagnostics.parameterCount else {
      return .undefined("\(metric) needs a model with a likelihood (a mixture model); this clustering reports no log-likelihood and parameter count")
    }
    let n = input.clustering.labels.count
    guard n > 0 else { return .undefined("\(metric) needs at least one row") }
    return .value(-2 * logLikelihood + penalty(n) * Double(parameters))
  }
}

/// Bayesian information criterion of a model-based clustering: −2·LL + p·ln n.
///
/// LL is the total log-likelihood of the n fitted rows and p the model's free
/// parameters, both from the algorithm's ``Diagnostics``. Lower is better;
/// compare it across cluster counts and covariance types of one model family.
/// Matches `sklearn.mixture.GaussianMixture.bic(x)` on the fitted rows.
///
/// Edge cases: undefined for clusterings without a likelihood (k-means, DBSCAN, …).
/// - Complexity: O(1).
/// - SeeAlso: Schwarz, "Estimating the dimension of a model", Ann. Statist. 6, 1978.
public struct BIC: ClusterMetric {
  public static let name = "bic"
  public static let summary = "Bayesian information criterion of a mixture model, -2 LL + p ln n; lower is better."
  public static let parameters: [ParameterSpec] = []
  public static let direction = MetricDirection.lowerIsBetter
  public static let bounds: ClosedRange<Double>? = nil
  public static let needs: MetricNeeds = .likelihood
  public static let readsFeatures = false
  public static let kRule: KSelectionRule? = .minimum

  public init(validated parameters: Parameters) throws {}

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    InformationCriterion.score(input, metric: Self.name) { n in log(Double(n)) }
  }
}

/// Akaike information criterion of a model-based clustering: −2·LL + 2p.
///
/// As ``BIC`` with a penalty of 2 per parameter. Lower is better. Matches
/// `sklearn.mixture.GaussianMixture.aic(x)` on the fitted rows.
///
/// Edge cases: undefined for clusterings without a likelihood.
/// - Complexity: O(1).
/// - SeeAlso: Akaike, "A new look at the statistical model identification", IEEE TAC 19, 1974.
public struct AIC: ClusterMetric {
  public static let name = "aic"
  public static let summary = "Akaike information criterion of a mixture model, -2 LL + 2p; lower is better."
  public static let parameters: [ParameterSpec] = []
  public static let direction = MetricDirection.lowerIsBetter
  public static let bounds: ClosedRange<Double>? = nil
  public static let needs: MetricNeeds = .likelihood
  public static let readsFeatures = false

  public init(validated parameters: Parameters) throws {}

  public func score(_ input: MetricInput, context: FitContext) throws -> Score {
    InformationCriterion.score(input, metric: Self.name) { _ in 2 }
  }
}
