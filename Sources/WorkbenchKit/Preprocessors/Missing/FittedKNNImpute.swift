/// The fit rows a ``KNNImpute`` step draws donors from.
public struct FittedKNNImpute: FittedPreprocessor, Equatable {
  /// The fitted columns, in order.
  public let columnNames: [String]
  /// The fit table's rows over ``columnNames`` (NaN = missing).
  public let fitRows: [[Double]]
  /// Number of donors.
  public let neighbors: Int
  /// Donor weighting.
  public let weights: KNNImpute.Weights
  /// Missing cells of the fit table that were filled.
  public let filledCells: Int
  /// Of those, cells filled with the column mean because no donor shared a present column.
  public let meanFilledCells: Int

  public static func == (a: FittedKNNImpute, b: FittedKNNImpute) -> Bool {
    a.columnNames == b.columnNames && a.neighbors == b.neighbors && a.weights == b.weights && a.filledCells == b.filledCells
      && a.meanFilledCells == b.meanFilledCells && a.fitRows.count == b.fitRows.count
      && zip(a.fitRows, b.fitRows).allSatisfy { zip($0, $1).allSatisfy { $0.bitPattern == $1.bitPattern } }
  }

  /// sklearn's `nan_euclidean` distance between two rows, or NaN when they share no present column.
  func distance(_ x: [Double], _ y: [Double]) -> Double {
    var sum = 0.0, shared = 0
    for j in 0..<x.count where !x[j].isNaN && !y[j].isNaN {
      let d = x[j] - y[j]
      sum += d * d
      shared += 1
    }
    guard shared > 0 else { return .nan }
    return (Double(x.count) / Double(shared) * sum).squareRoot()
  }

  /// The columns with their missing cells filled, the number filled, and how many of those got the column mean.
  func imputed(_ columns: [[Double]]) -> ([[Double]], Int, Int) {
    var out = columns
    var filled = 0, meanFilled = 0
    let rows = columns.first?.count ?? 0
    var means: [Double] = []
    for c in columnNames.indices {
      let present = fitRows.map { $0[c] }.filter { !$0.isNaN }
      means.append(present.reduce(0, +) / Double(max(present.count, 1)))
    }
    for r in 0..<rows {
      let row = columns.map { $0[r] }
      guard row.contains(where: \.isNaN) else { continue }
      let distances = fitRows.map { distance(row, $0) }
      for c in columnNames.indices where row[c].isNaN {
        filled += 1
        let donors = fitRows.indices.filter { !fitRows[$0][c].isNaN }
        guard donors.contains(where: { !distances[$0].isNaN }) else {
          out[c][r] = means[c]
          meanFilled += 1
          continue
        }
        let nearest = donors.sorted { a, b in
          let da = distances[a], db = distances[b]
          if da.isNaN != db.isNaN { return !da.isNaN }
          return da == db || (da.isNaN && db.isNaN) ? a < b : da < db
        }.prefix(neighbors)
        out[c][r] = average(nearest.map { (fitRows[$0][c], distances[$0]) })
      }
    }
    return (out, filled, meanFilled)
  }

  /// The weighted mean of donor values: uniform or inverse distance, NaN distances weigh 0, zero distances take all the weight.
  private func average(_ donors: [(value: Double, distance: Double)]) -> Double {
    let hasZero = donors.contains { $0.distance == 0 }
    var weighted = 0.0, total = 0.0
    for donor in donors {
      let w: Double
      if donor.distance.isNaN {
        w = 0
      } else {
        switch weights {
        case .uniform: w = 1
        case .distance: w = hasZero ? (donor.distance == 0 ? 1 : 0) : 1 / donor.distance
        }
      }
      weighted += w * donor.value
      total += w
    }
    return weighted / total
  }

  /// Fills the missing cells of the fitted columns of `table`; other columns pass through.
  public func transform(_ table: DataTable) throws -> DataTable {
    let x = try FeatureColumns.numericValues(columnNames, of: table, for: KNNImpute.name)
    return FeatureColumns.replacing(columnNames, with: imputed(x).0, in: table)
  }

  /// The fit rows (missing cells as null) and settings, read back by ``KNNImpute/restore(state:)``.
  public var state: JSONValue {
    [
      "columns": SavedState.encode(columnNames),
      "fit_rows": .array(fitRows.map { .array($0.map { $0.isNaN ? .null : .double($0) }) }),
      "n_neighbors": .int(neighbors), "weights": .string(weights.rawValue), "filled_cells": .int(filledCells),
      "mean_filled_cells": .int(meanFilledCells),
    ]
  }

  /// `{"filled_cells": N, "mean_filled_cells": M, "fit_rows": R}`.
  public var summary: JSONValue? {
    ["filled_cells": .int(filledCells), "mean_filled_cells": .int(meanFilledCells), "fit_rows": .int(fitRows.count)]
  }
}
