import Foundation

/// A comma-separated option value, such as `--features age,spend` or `--metrics ari,nmi`.
enum CommaList {
  /// The names in `text`, trimmed of spaces, in the order given; `nil` when the option was not given.
  static func names(_ text: String?) -> [String]? {
    text?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
  }
}
