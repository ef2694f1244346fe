import WorkbenchKit
/// A benchmark that cannot run: the baseline's Python or packages are missing, or a child process failed.
public struct BenchError: WorkbenchError, Equatable {
  /// What went wrong.
  public var message: String
  /// How to fix it.
  public var fix: String

  public init(_ message: String, fix: String) {
    self.message = message
    self.fix = fix
  }

  public var kind: ErrorKind { .usage }
  public var description: String { "\(message)\n  Fix: \(fix)" }
}
