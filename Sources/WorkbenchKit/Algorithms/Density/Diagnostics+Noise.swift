extension Diagnostics {
  /// The notes of a clustering with noise: how many rows are noise, or, when every row is, why and what to change.
  ///
  /// All noise is a valid result (0 clusters); the note is what tells the
  /// user, since the metrics then only say they are undefined. Each note is
  /// also sent to `context` as a ``FitEvent/note(_:)``.
  static func noise(labels: [Int], clusterCount: Int, allNoise reason: String, context: FitContext) -> Diagnostics {
    let noise = labels.filter { $0 < 0 }.count
    var diagnostics = Diagnostics()
    if clusterCount == 0 {
      diagnostics.notes.append("every row is noise: \(reason)")
    } else if noise > 0 {
      diagnostics.notes.append("\(noise) of \(labels.count) rows are noise (label -1)")
    }
    diagnostics.notes.forEach { context.log(.note($0)) }
    return diagnostics
  }
}
