/// A data file that cannot be used as it is: missing, empty, malformed or of the wrong type.
public struct DataError: WorkbenchError, Equatable {
  /// The problem, located in the file (line and column where known).
  public var problem: Problem

  public init(_ location: Location, _ message: String, fix: String? = nil) {
    problem = Problem(location, message, fix: fix)
  }

  public var kind: ErrorKind { .data }
  public var description: String { problem.description }
}

extension DataError {
  /// This error with `context` (the pipeline step that met it) before its message; location and fix kept.
  func prefixed(_ context: String) -> DataError {
    var copy = self
    copy.problem.message = context + copy.problem.message
    return copy
  }
}
