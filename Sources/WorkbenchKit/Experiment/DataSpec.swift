import Foundation

/// The `data` section of a spec: the CSV file and the roles of its columns.
public struct DataSpec: Sendable, Equatable {
  /// The path as written in the spec (relative to the spec file).
  public var path: String
  /// The path resolved against the spec file's folder.
  public var resolvedPath: String
  /// The column identifying each row; row numbers are used when absent.
  public var id: String?
  /// Numeric feature columns; `nil` means every numeric column but id and truth.
  public var features: [String]?
  /// Categorical columns passed to the pipeline unencoded.
  public var categorical: [String]
  /// A ground-truth column for external metrics; never used for fitting.
  public var truth: String?
  /// When the data is a transactions file: how to turn it into one row per customer (then `path` is that file).
  public var transactions: TransactionAggregator?

  /// `path` as a spec writes it, resolved against `baseDirectory`, the spec file's folder (an absolute path stays as it is).
  public static func resolve(_ path: String, against baseDirectory: String) -> String {
    path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardized.path
  }
}
