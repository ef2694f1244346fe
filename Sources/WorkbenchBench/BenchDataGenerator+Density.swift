extension BenchDataGenerator {
  /// The density subset as CSV bytes: the first ``BenchWorkload/densityRows`` rows and ``BenchWorkload/densityColumns``
  /// columns of the table (as written, in cents), each column standardised to mean 0 and population SD 1
  /// (`StandardScaler`), every value written with the shortest digits that read back exactly.
  ///
  /// Both benchmark sides read these bytes, so neither standardises on its own.
  /// - Complexity: O(rows · columns) time and memory.
  public func standardisedCSV() -> [UInt8] {
    let n = min(BenchWorkload.densityRows, rows)
    let d = min(BenchWorkload.densityColumns, columns)
    let table = (0..<n).map { Array(row($0).values.prefix(d)) }
    var means = Array(repeating: 0.0, count: d)
    for values in table { for c in 0..<d { means[c] += values[c] } }
    means = means.map { $0 / Double(max(n, 1)) }
    var deviations = Array(repeating: 0.0, count: d)
    for values in table { for c in 0..<d { deviations[c] += (values[c] - means[c]) * (values[c] - means[c]) } }
    deviations = deviations.map { let sd = ($0 / Double(max(n, 1))).squareRoot(); return sd > 0 ? sd : 1 }
    var out = Array((columnNames.prefix(d).joined(separator: ",") + "\n").utf8)
    for values in table {
      out.append(contentsOf: (0..<d).map { c in "\((values[c] - means[c]) / deviations[c])" }.joined(separator: ",").utf8)
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }
}
