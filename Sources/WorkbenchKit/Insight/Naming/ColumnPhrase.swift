/// Column names as words in segment names: "recency_days" → "recency", "sepal_length_cm" → "sepal length".
enum ColumnPhrase {
  /// Unit words dropped from the end of a column name.
  static let unitWords: Set<String> = ["days", "day", "cm", "mm", "m", "kg", "g", "usd", "eur", "gbp", "pct", "percent", "years", "yrs", "months", "weeks"]

  /// The column's name as words: split at `_`, `=`, `-` and spaces, a trailing unit word dropped, snake case lowered.
  static func words(_ column: String) -> String {
    var parts: [String] = []
    var current = ""
    for ch in column {
      if ch == "_" || ch == "=" || ch == "-" || ch == " " {
        if !current.isEmpty { parts.append(current) }
        current = ""
      } else {
        current.append(ch)
      }
    }
    if !current.isEmpty { parts.append(current) }
    if parts.count > 1, let last = parts.last, unitWords.contains(last.lowercased()) { parts.removeLast() }
    let text = parts.joined(separator: " ")
    return column.contains("_") ? text.lowercased() : text
  }

  /// "high income" or "low recency", from the sign of the z-score.
  static func phrase(_ column: String, z: Double) -> String {
    (z >= 0 ? "high " : "low ") + words(column)
  }

  /// `text` with its first character in upper case.
  static func capitalised(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }
}
