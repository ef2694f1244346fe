/// The outcome of a numerical minimisation (``NelderMead``, ``BFGS``).
public struct Minimum: Sendable, Equatable {
  /// The best point found.
  public var point: [Double]
  /// The function's value there.
  public var value: Double
  /// Iterations used.
  public var iterations: Int
  /// Whether the stopping rule was met before the iteration limit.
  public var converged: Bool

  public init(point: [Double], value: Double, iterations: Int, converged: Bool) {
    self.point = point
    self.value = value
    self.iterations = iterations
    self.converged = converged
  }
}
