/// Everything a fit may need besides data: the seed, cancellation and an event sink.
///
/// New needs (a thread budget, a time limit) become fields here, never new
/// parameters of `fit`, so adding one breaks no plugin.
public struct FitContext: Sendable {
  /// The trial's seed; the only source of randomness a plugin may use.
  public var seed: UInt64
  /// Polled between iterations; when it returns true the fit throws ``FitError/cancelled``.
  public var isCancelled: @Sendable () -> Bool
  /// Receives progress events; the library never prints.
  public var log: @Sendable (FitEvent) -> Void

  public init(seed: UInt64, isCancelled: @escaping @Sendable () -> Bool = { false }, log: @escaping @Sendable (FitEvent) -> Void = { _ in }) {
    self.seed = seed
    self.isCancelled = isCancelled
    self.log = log
  }

  /// Throws ``FitError/cancelled`` when the run has been cancelled.
  public func checkCancellation() throws(FitError) {
    if isCancelled() { throw .cancelled }
  }
}

/// Something a plugin reports while fitting.
public enum FitEvent: Sendable, Equatable {
  /// One iteration finished with this objective value (inertia, log-likelihood).
  case iteration(Int, objective: Double)
  /// A note worth showing the user (e.g. "fewer distinct points than k").
  case note(String)
}
