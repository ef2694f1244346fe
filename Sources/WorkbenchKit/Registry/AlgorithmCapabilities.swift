/// Behaviour of an algorithm that shared code reads instead of testing plugin names.
public struct AlgorithmCapabilities: Sendable, Equatable {
  /// Draws random numbers, so results depend on the trial seed.
  public var usesRandomness: Bool
  /// May label rows `-1` (noise).
  public var producesNoise: Bool
  /// Takes the number of clusters `k` as a parameter.
  public var requiresClusterCount: Bool
  /// Its partition does not depend on the order of the rows.
  public var orderInvariant: Bool
  /// Its fitted model can label new rows.
  public var canPredict: Bool
  /// Clusters categorical features as they are (without one-hot encoding).
  public var acceptsCategorical: Bool
  /// Needs at least one categorical feature: it has no numeric-only mode.
  public var requiresCategorical: Bool
  /// With its defaults, takes time and memory growing with the square of the rows (a rows × rows
  /// dissimilarity matrix), so it suits thousands of rows rather than millions.
  public var scalesQuadratically: Bool
  /// Fits a probability model and reports its log-likelihood and free parameters, so BIC and AIC come with every fit.
  public var reportsLikelihood: Bool

  public init(
    usesRandomness: Bool, producesNoise: Bool, requiresClusterCount: Bool, orderInvariant: Bool, canPredict: Bool,
    acceptsCategorical: Bool = false, requiresCategorical: Bool = false, scalesQuadratically: Bool = false, reportsLikelihood: Bool = false
  ) {
    self.reportsLikelihood = reportsLikelihood
    self.usesRandomness = usesRandomness
    self.producesNoise = producesNoise
    self.requiresClusterCount = requiresClusterCount
    self.orderInvariant = orderInvariant
    self.canPredict = canPredict
    self.acceptsCategorical = acceptsCategorical
    self.requiresCategorical = requiresCategorical
    self.scalesQuadratically = scalesQuadratically
  }
}
