import WorkbenchKit

/// A trial record as a few readable lines.
enum TrialText {
  static func describe(_ record: TrialRecord) -> String {
    guard record.status == .ok else { return "failed: \(record.error ?? "unknown reason")" }
    var lines = ["\(record.algorithmName): \(MessageText.counted(record.clusterCount ?? 0, "cluster")), sizes \(MessageText.list(record.sizes.map(String.init)))"]
    for name in record.metrics.keys.sorted() {
      switch record.metrics[name]! {
      case .value(let v): lines.append("  \(name): \(JSONNumber.format(v))")
      case .estimate(let v, let low, let high): lines.append("  \(name): \(JSONNumber.format(v)) [\(JSONNumber.format(low)), \(JSONNumber.format(high))]")
      case .undefined(let reason): lines.append("  \(name): undefined (\(reason))")
      }
    }
    if let diagnostics = record.diagnostics.object {
      for key in diagnostics.keys.sorted() { lines.append("  \(key): \(diagnostics[key]!.canonicalText)") }
    }
    return lines.joined(separator: "\n")
  }
}
