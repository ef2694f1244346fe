/// A results or output file or folder that could not be written or read.
public struct ResultStoreError: WorkbenchError, Equatable {
  /// The file or folder.
  public var path: String
  /// What went wrong.
  public var reason: String
  /// How to fix it.
  public var fix: String

  /// The default fix: the usual causes of a failed write.
  public static let writableFix = "check that the results folder is writable and the disk is not full, or choose another results folder."

  public init(path: String, reason: String, fix: String = ResultStoreError.writableFix) {
    self.path = path
    self.reason = reason
    self.fix = fix.hasSuffix(".") ? fix : fix + "."
  }

  public var kind: ErrorKind { .results }
  public var description: String { "\(path): \(reason).\n  Fix: \(fix)" }
}
