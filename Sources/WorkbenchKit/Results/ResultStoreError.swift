/// A results or output file or folder that could not be written or read.
public struct ResultStoreError: WorkbenchError, Equatable {
  /// The file or folder.
  public var path: String
  /// What went wrong.
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var kind: ErrorKind { .results }
  public var description: String {
    "\(path): \(reason).\n  Fix: check that the results folder is writable and the disk is not full, or choose another with --out."
  }
}
