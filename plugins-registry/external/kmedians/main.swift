// k-medians as an external ClusterWorkbench plugin: the compiled example of protocol v1.
//
// Standalone on purpose (Foundation only, nothing from the workbench), so it
// shows everything a plugin in any compiled language does: read one JSON
// request from standard input, read the input table the request describes
// (binary float64, or CSV), answer with one JSON object on standard output,
// and report its own failures as {"error": {...}} rather than crashing.
//
// The algorithm: Lloyd-style k-medians with L1 (Manhattan) distances,
// medians per coordinate, k-medians++ starts (the first row drawn at
// random, the next with probability proportional to its L1 distance to the
// nearest chosen one), the best of `n_init` starts by total L1 distance.
// Every random draw comes from the request's seed (SplitMix64), so the same
// seed always gives the same labels.

import Foundation

/// A plugin-level failure, answered as {"error": {...}} with exit status 0.
struct PluginFailure: Error {
  var message: String
  var kind = "degenerate"
  var rows: Int? = nil
  var required: Int? = nil
}

/// SplitMix64: small, seeded, the same everywhere.
struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// A uniform number in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Reads the numeric matrix of an input table header (binary or CSV), row-major.
func readMatrix(_ header: [String: Any]) throws -> (values: [Double], rows: Int, columns: Int) {
  guard let rows = header["rows"] as? Int, let columns = header["columns"] as? [[String: Any]] else { throw PluginFailure(message: "the input header is incomplete") }
  if let categorical = columns.first(where: { $0["type"] as? String == "categorical" }) {
    throw PluginFailure(message: "kmedians needs numeric features, but '\(categorical["name"] ?? "")' is categorical; add a one-hot step")
  }
  let width = columns.count
  if let name = header["numeric"] as? String {
    let data = try Data(contentsOf: URL(fileURLWithPath: name))
    guard data.count == rows * width * 8 else { throw PluginFailure(message: "the input file has \(data.count) bytes, not \(rows) × \(width) × 8") }
    let values = data.withUnsafeBytes { raw in (0..<rows * width).map { Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) } }
    return (values, rows, width)
  }
  guard let name = header["csv"] as? String else { throw PluginFailure(message: "the input header names no file") }
  let lines = try String(contentsOfFile: name, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
  var values: [Double] = []
  for line in lines { values += line.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) ?? .nan } }
  guard values.count == rows * width else { throw PluginFailure(message: "the CSV input does not hold \(rows) rows of \(width) numbers") }
  return (values, rows, width)
}

/// L1 distance between row `r` of `x` and center `c` of `centers`.
func distance(_ x: [Double], _ r: Int, _ centers: [Double], _ c: Int, _ width: Int) -> Double {
  var total = 0.0
  for j in 0..<width { total += abs(x[r * width + j] - centers[c * width + j]) }
  return total
}

/// The nearest center of every row and the total distance.
func assign(_ x: [Double], rows: Int, width: Int, centers: [Double], k: Int) -> (labels: [Int], cost: Double) {
  var labels = [Int](repeating: 0, count: rows)
  var cost = 0.0
  for r in 0..<rows {
    var best = 0
    var bestDistance = Double.infinity
    for c in 0..<k {
      let d = distance(x, r, centers, c, width)
      if d < bestDistance { (best, bestDistance) = (c, d) }
    }
    labels[r] = best
    cost += bestDistance
  }
  return (labels, cost)
}

/// The lower median of `values` (numpy's median would average the middle two; either minimises L1).
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[(sorted.count - 1) / 2]
}

/// One k-medians run from k-medians++ starts.
func run(_ x: [Double], rows: Int, width: Int, k: Int, maxIterations: Int, random: inout SplitMix64) -> (labels: [Int], centers: [Double], cost: Double, iterations: Int, converged: Bool) {
  var chosen = [Int(random.next() % UInt64(rows))]
  var nearest = (0..<rows).map { distance(x, $0, x, chosen[0], width) }
  while chosen.count < k {
    let total = nearest.reduce(0, +)
    var pick = rows - 1
    if total > 0 {
      var target = random.unit() * total
      for r in 0..<rows {
        target -= nearest[r]
        if target < 0 { pick = r; break }
      }
    } else {
      pick = Int(random.next() % UInt64(rows))
    }
    chosen.append(pick)
    for r in 0..<rows { nearest[r] = min(nearest[r], distance(x, r, x, pick, width)) }
  }
  var centers = chosen.flatMap { Array(x[$0 * width..<($0 + 1) * width]) }
  var (labels, cost) = assign(x, rows: rows, width: width, centers: centers, k: k)
  for iteration in 1...maxIterations {
    for c in 0..<k {
      let members = (0..<rows).filter { labels[$0] == c }
      guard !members.isEmpty else { continue }
      for j in 0..<width { centers[c * width + j] = median(members.map { x[$0 * width + j] }) }
    }
    let (next, nextCost) = assign(x, rows: rows, width: width, centers: centers, k: k)
    if next == labels { return (labels, centers, nextCost, iteration, true) }
    (labels, cost) = (next, nextCost)
  }
  return (labels, centers, cost, maxIterations, false)
}

/// Renumbers labels 0, 1, … in order of first appearance, dropping empty clusters; returns the kept centers too.
func consecutive(_ labels: [Int], _ centers: [Double], width: Int) -> (labels: [Int], centers: [[Double]]) {
  var mapping: [Int: Int] = [:]
  var kept: [[Double]] = []
  let out = labels.map { label -> Int in
    if let new = mapping[label] { return new }
    mapping[label] = kept.count
    kept.append(Array(centers[label * width..<(label + 1) * width]))
    return kept.count - 1
  }
  return (out, kept)
}

func fit(_ request: [String: Any]) throws -> [String: Any] {
  let params = request["params"] as? [String: Any] ?? [:]
  guard let k = params["k"] as? Int, let maxIterations = params["max_iter"] as? Int, let starts = params["n_init"] as? Int,
    let seedText = request["seed"] as? String, let seed = UInt64(seedText), let input = request["input"] as? [String: Any]
  else { throw PluginFailure(message: "the request lacks k, max_iter, n_init, seed or input") }
  let (x, rows, width) = try readMatrix(input)
  guard rows >= k else { throw PluginFailure(message: "k = \(k) clusters need at least \(k) rows", kind: "insufficient_samples", rows: rows, required: k) }
  if let bad = x.firstIndex(where: { !$0.isFinite }) { throw PluginFailure(message: "row \(bad / max(width, 1) + 1) holds a missing or infinite value") }
  var random = SplitMix64(state: seed)
  var best = run(x, rows: rows, width: width, k: k, maxIterations: maxIterations, random: &random)
  for _ in 1..<starts {
    let candidate = run(x, rows: rows, width: width, k: k, maxIterations: maxIterations, random: &random)
    if candidate.cost < best.cost { best = candidate }
  }
  let (labels, centers) = consecutive(best.labels, best.centers, width: width)
  var notes = ["total L1 distance \(best.cost)"]
  if centers.count < k { notes.append("found \(centers.count) distinct clusters, fewer than k = \(k)") }
  return [
    "labels": labels, "centers": centers, "model": ["medians": centers],
    "diagnostics": ["iterations": best.iterations, "converged": best.converged, "notes": notes],
  ]
}

func predict(_ request: [String: Any]) throws -> [String: Any] {
  guard let model = request["model"] as? [String: Any], let medians = model["medians"] as? [[Double]], let input = request["input"] as? [String: Any] else {
    throw PluginFailure(message: "the request lacks a model with medians, or input")
  }
  let (x, rows, width) = try readMatrix(input)
  guard medians.allSatisfy({ $0.count == width }) else { throw PluginFailure(message: "the model has medians of \(medians.first?.count ?? 0) columns, the input \(width)") }
  return ["labels": assign(x, rows: rows, width: width, centers: medians.flatMap { $0 }, k: medians.count).labels]
}

let request = (try? JSONSerialization.jsonObject(with: FileHandle.standardInput.readDataToEndOfFile())) as? [String: Any] ?? [:]
var response: [String: Any]
do {
  _ = FileManager.default.changeCurrentDirectoryPath(request["work_directory"] as? String ?? ".")
  switch request["request"] as? String {
  case "fit": response = try fit(request)
  case "predict": response = try predict(request)
  default: throw PluginFailure(message: "unknown request '\(request["request"] ?? "")'")
  }
} catch let failure as PluginFailure {
  var error: [String: Any] = ["message": failure.message, "kind": failure.kind]
  if let rows = failure.rows, let required = failure.required { (error["rows"], error["required"]) = (rows, required) }
  response = ["error": error]
} catch {
  response = ["error": ["message": "\(error)"]]
}
FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: response, options: [.sortedKeys]))
