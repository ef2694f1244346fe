/// Everything wrong with an experiment spec, or with command-line settings, found in one pass.
public struct SpecError: WorkbenchError, Equatable {
  /// The problems, in the order they were found (document order).
  public var problems: [Problem]

  public init(_ problems: [Problem]) {
    precondition(!problems.isEmpty, "a SpecError needs at least one problem")
    self.problems = problems
  }

  public init(_ location: Location, _ message: String, fix: String? = nil) {
    self.init([Problem(location, message, fix: fix)])
  }

  public var kind: ErrorKind { .usage }

  public var description: String {
    if problems.count == 1 { return problems[0].description }
    return "\(problems.count) problems:\n" + problems.map { "- " + $0.description.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n")
  }
}
