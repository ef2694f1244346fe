/// Why one trial could not be fitted; recorded on that trial while the run goes on.
public enum FitError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Fewer rows (or distinct rows) than the algorithm needs.
  case insufficientSamples(rows: Int, required: Int, detail: String)
  /// The data does not suit the algorithm (e.g. a singular covariance).
  case degenerate(String)
  /// The run was cancelled while this trial was fitting.
  case cancelled

  public var description: String {
    switch self {
    case .insufficientSamples(let rows, let required, let detail):
      "needs at least \(required) rows but has \(rows): \(detail)"
    case .degenerate(let reason): reason
    case .cancelled: "cancelled"
    }
  }
}
