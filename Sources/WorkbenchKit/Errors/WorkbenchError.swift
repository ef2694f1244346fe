/// A problem the user can fix: what went wrong, where, and how to fix it.
///
/// Every error that reaches the command line conforms, so one place (the
/// CLI's failure mapping) can print it and choose the exit code from `kind`.
public protocol WorkbenchError: Error, Sendable, CustomStringConvertible {
  /// Which class of problem this is; decides the exit code.
  var kind: ErrorKind { get }
  /// The message shown to the user: what, where, fix.
  var description: String { get }
}

/// The classes of user-facing problems, each with its own exit code.
public enum ErrorKind: Sendable, Equatable {
  /// A bad experiment spec, flag or parameter (exit 2).
  case usage
  /// A missing, unreadable or malformed data file (exit 3).
  case data
  /// A re-run did not reproduce the recorded results (exit 4, `verify`).
  case reproduction
  /// A CI quality gate failed (exit 5, `gate`).
  case gate
  /// Writing or reading results failed (exit 1).
  case results
}

/// One located problem with a suggested fix; errors aggregate these.
public struct Problem: Sendable, Equatable, CustomStringConvertible {
  /// Where it is.
  public var location: Location
  /// What is wrong.
  public var message: String
  /// How to fix it, if there is a useful suggestion.
  public var fix: String?

  public init(_ location: Location, _ message: String, fix: String? = nil) {
    self.location = location
    self.message = message
    self.fix = fix
  }

  public var description: String {
    let place = location.description
    var text = place.isEmpty ? message : "\(place): \(message)"
    if let fix { text += "\n  Fix: \(fix)" }
    return text
  }
}
