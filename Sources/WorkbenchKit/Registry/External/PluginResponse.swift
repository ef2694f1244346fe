import Foundation
import WorkbenchNumerics

/// One response of an external plugin, read field by field with every promise checked.
///
/// A plugin is trusted with nothing: unknown keys, labels of the wrong type
/// or count, `-1` from a plugin that does not declare noise, gaps in the
/// label numbering, non-finite or out-of-range numbers and files outside its
/// folder all fail the request with a reason naming the plugin and the field.
struct PluginResponse {
  /// The response object.
  let fields: [String: JSONValue]
  /// The plugin's name, for messages.
  let plugin: String
  /// Where its output files are.
  let folder: PluginFolder

  private func fail(_ what: String) -> FitError { .degenerate("plugin '\(plugin)' \(what)") }

  /// Fails when the response has a key other than `allowed`, or lacks one of `required`.
  func expect(allowed: [String], required: [String]) throws(FitError) {
    if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
      throw fail("answered with the unknown key '\(unknown)'; a response may hold only \(allowed.joined(separator: ", "))")
    }
    if let missing = required.first(where: { fields[$0] == nil }) { throw fail("answered without '\(missing)'") }
  }

  /// One integer label per row: `-1` (noise) only when `noise`, and, when `consecutive`, every label from 0 to the largest used.
  ///
  /// Labels are a JSON list, or the name of a file of one little-endian int32 per row (no text to parse for a million rows).
  func labels(rows: Int, noise: Bool, consecutive: Bool) throws(FitError) -> (labels: [Int], clusterCount: Int) {
    let labels: [Int]
    if let name = fields["labels"]?.string {
      let data = try folder.output(name, plugin: plugin, field: "labels")
      guard let read = BinaryValues.int32(data, count: rows) else { throw fail("wrote \(data.count / 4) int32 labels for \(rows) rows") }
      labels = read
    } else {
      guard let items = fields["labels"]?.array else { throw fail("returned no list of labels") }
      guard items.count == rows else { throw fail("returned \(items.count) labels for \(rows) rows") }
      var read: [Int] = []
      read.reserveCapacity(rows)
      for (row, item) in items.enumerated() {
        guard case .int(let label) = item else { throw fail("returned \(item.typeDescription) \(item.canonicalText) as the label of row \(row + 1); labels are integers") }
        read.append(label)
      }
      labels = read
    }
    for (row, label) in labels.enumerated() {
      guard label >= (noise ? -1 : 0) else {
        throw fail(noise ? "returned the label \(label) for row \(row + 1); labels are ≥ 0, or -1 for noise" : "returned the label \(label) for row \(row + 1), but does not declare noise (capabilities.produces_noise)")
      }
      guard !consecutive || label < rows else { throw fail("returned the label \(label) for row \(row + 1), more clusters than there are rows") }
    }
    let clusterCount = (labels.max() ?? -1) + 1
    if consecutive {
      var used = Array(repeating: false, count: clusterCount)
      for label in labels where label >= 0 { used[label] = true }
      if let gap = used.firstIndex(of: false) { throw fail("returned labels up to \(clusterCount - 1) but none is \(gap); number clusters 0, 1, 2, … without gaps") }
    }
    return (labels, clusterCount)
  }

  /// A `rows × columns` matrix of finite numbers under `key`: a list of rows, or the name of a float64 file in the folder; `nil` when absent.
  func matrix(_ key: String, rows: Int, columns: Int) throws(FitError) -> Matrix? {
    guard let value = fields[key] else { return nil }
    var values: [Double]
    if let name = value.string {
      guard let read = BinaryValues.float64(try folder.output(name, plugin: plugin, field: key), count: rows * columns) else {
        throw fail("wrote '\(key)' with a size other than \(rows) × \(columns) float64 values")
      }
      values = read
    } else {
      guard let list = value.array, list.count == rows else { throw fail("returned '\(key)' that is not \(rows) rows of \(columns) numbers") }
      values = []
      values.reserveCapacity(rows * columns)
      for row in list {
        guard let cells = row.array, cells.count == columns else { throw fail("returned '\(key)' that is not \(rows) rows of \(columns) numbers") }
        for cell in cells {
          guard let number = cell.number else { throw fail("returned \(cell.typeDescription) in '\(key)'; expected numbers") }
          values.append(number)
        }
      }
    }
    if let bad = values.firstIndex(where: { !$0.isFinite }) { throw fail("returned a non-finite number (\(values[bad])) in '\(key)', row \(bad / max(columns, 1) + 1)") }
    return Matrix(rows: rows, columns: columns, storage: values)
  }

  /// Memberships under `memberships`, each row a probability distribution (within 1e-6); `nil` when absent.
  ///
  /// `clusters` is the width when known (a fit); for predictions it is read from the list or the file size.
  func memberships(rows: Int, clusters: Int?) throws(FitError) -> Matrix? {
    guard let value = fields["memberships"] else { return nil }
    var width = clusters ?? value.array?.first?.array?.count ?? 0
    if clusters == nil, let name = value.string, rows > 0 { width = try folder.output(name, plugin: plugin, field: "memberships").count / (8 * rows) }
    guard let m = try matrix("memberships", rows: rows, columns: width) else { return nil }
    for r in 0..<rows {
      let row = m.row(r)
      guard row.allSatisfy({ $0 >= 0 && $0 <= 1 }), abs(row.reduce(0, +) - 1) <= 1e-6 else {
        throw fail("returned memberships whose row \(r + 1) is not a probability distribution over \(width) clusters")
      }
    }
    return m
  }

  /// The `diagnostics` object: only the fields ``Diagnostics`` knows, each of its type and finite.
  func diagnostics() throws(FitError) -> Diagnostics {
    guard let value = fields["diagnostics"] else { return Diagnostics() }
    guard let o = value.object else { throw fail("returned diagnostics that are not an object") }
    let known = ["iterations", "converged", "inertia", "log_likelihood", "parameter_count", "membership_exponent", "notes"]
    if let unknown = o.keys.sorted().first(where: { !known.contains($0) }) {
      throw fail("returned the unknown diagnostic '\(unknown)'; use \(known.joined(separator: ", ")) (free text goes in notes)")
    }
    func count(_ key: String) throws(FitError) -> Int? {
      guard let v = o[key] else { return nil }
      guard case .int(let i) = v, i >= 0 else { throw fail("returned diagnostics.\(key) = \(v.canonicalText); expected a whole number ≥ 0") }
      return i
    }
    func real(_ key: String) throws(FitError) -> Double? {
      guard let v = o[key] else { return nil }
      guard let d = v.number, d.isFinite else { throw fail("returned diagnostics.\(key) = \(v.canonicalText); expected a finite number") }
      return d
    }
    var notes: [String] = []
    if let list = o["notes"] {
      guard let items = list.array, items.allSatisfy({ $0.string != nil }) else { throw fail("returned diagnostics.notes that is not a list of strings") }
      notes = items.compactMap(\.string)
    }
    if let converged = o["converged"], converged.bool == nil { throw fail("returned diagnostics.converged that is not true or false") }
    return Diagnostics(
      iterations: try count("iterations"), converged: o["converged"]?.bool, inertia: try real("inertia"), logLikelihood: try real("log_likelihood"),
      parameterCount: try count("parameter_count"), membershipExponent: try real("membership_exponent"), notes: notes)
  }
}
