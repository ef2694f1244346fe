/// Formats values as RFC 4180 CSV fields.
public enum CSVLine {
  /// `text` quoted when it holds a comma, quote, line break or edge space; quotes doubled.
  public static func quote(_ text: String) -> String {
    let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } || text.hasPrefix(" ") || text.hasSuffix(" ")
    return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }

  /// One CSV line (without the line break) from unquoted fields.
  public static func make(_ fields: [String]) -> String {
    fields.map(quote).joined(separator: ",")
  }
}
