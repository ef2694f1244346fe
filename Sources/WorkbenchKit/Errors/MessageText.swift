/// Shortens user-supplied text and long lists before they go into a message, so one message stays readable.
///
/// Why: a message echoes what the user wrote or what a fit produced, and a
/// 10,000-character name or the sizes of 149 clusters would bury the point.
/// Items keep their order; what is left out is counted.
public enum MessageText {
  /// `items` joined with ", ", the first `limit` of them followed by "… (N more)" when there are more.
  public static func list(_ items: [String], limit: Int = 12) -> String {
    guard items.count > limit else { return items.joined(separator: ", ") }
    return items.prefix(limit).joined(separator: ", ") + ", … (\(items.count - limit) more)"
  }

  /// "1 trial", "2 trials": `count` and `noun`, with an "s" unless the count is one.
  public static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// `text` cut to its first `limit` characters followed by "… (N characters)" when it is longer.
  public static func excerpt(_ text: String, limit: Int = 60) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(limit)) + "… (\(text.count) characters)"
  }
}
