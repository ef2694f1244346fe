import Testing
import WorkbenchKernels
import WorkbenchTestSupport

@testable import WorkbenchNumerics

/// Labels, objective and (optionally) sums of one pass over all of `x` through `kernel`.
private func pass(
  _ x: Matrix, _ centers: Matrix, summing: Bool, exactly: Bool = false, kernel: NearestCenters.Kernel
) -> (labels: [Int], total: Double, partial: ClusterPartial?) {
  var labels = [Int](repeating: -1, count: x.rows)
  var partial = summing ? ClusterPartial(clusters: centers.rows, columns: x.columns) : nil
  let norms = (0..<x.rows).map { r in x.rowArray(r).reduce(0) { $0 + $1 * $1 } }
  let total = labels.withUnsafeMutableBufferPointer { out in
    NearestCenters(centers).assign(x, rowNorms: norms, rows: 0..<x.rows, labels: out, partial: &partial, exactly: exactly, kernel: kernel)
  }
  return (labels, total, partial)
}

/// Rows that sit on the bisector between two centers up to a few ulps, far from the origin,
/// where the ranking form ‖c‖² − 2x·c cannot tell the two apart and the exact distances must decide.
private func nearTies(offset: Double, _ rng: inout SeededGenerator) -> (x: Matrix, centers: Matrix) {
  let d = 6
  var centers = Matrix(rows: 5, columns: d, repeating: offset)
  centers[0, 0] = offset - 1
  centers[1, 0] = offset + 1
  for c in 2..<5 { centers[c, 1] = offset + 50 * Double(c) }
  var rows: [[Double]] = []
  for i in 0..<400 {
    var row = (0..<d).map { _ in offset + rng.nextGaussian() }
    // On the bisector x₀ = offset, nudged by at most a few ulps either way.
    row[0] = offset + Double(i % 9 - 4) * max(offset, 1).ulp
    row[1] = offset + rng.nextGaussian() * 0.1
    rows.append(row)
  }
  return (Matrix(rows), centers)
}

@Suite("Assignment kernel: vector ranking certified by exact distances")
struct NearestCentersTests {
  @Test("near ties far from the origin get the exact distances' label (lowest index on an exact tie)", arguments: [0.0, 1e3, 1e8])
  func nearTiesFollowExactDistances(_ offset: Double) {
    var rng = SeededGenerator(seed: 41)
    let (x, centers) = nearTies(offset: offset, &rng)
    let result = pass(x, centers, summing: false, kernel: wb_assign_nearest)
    var total = 0.0
    for i in 0..<x.rows {
      let nearest = Distance.nearest(x, row: i, among: centers)
      #expect(result.labels[i] == nearest.index, "offset \(offset) row \(i)")
      total += nearest.squaredDistance
    }
    // Every row is a near tie, decided by exact distances, so the objective is their exact sum.
    #expect(result.total == total)
    // The data really does straddle both centers.
    #expect(Set(result.labels) == [0, 1])
  }

  @Test("a row with a missing value gets center 0 and a NaN distance, as the per-row kernel")
  func notANumberRows() {
    let x = Matrix([[1, .nan], [4, 4], [.nan, .nan]])
    let centers = Matrix([[0, 0], [4, 4], [9, 9]])
    let result = pass(x, centers, summing: false, kernel: wb_assign_nearest)
    #expect(result.labels == [0, 1, 0])
    #expect(result.total.isNaN)
  }

  @Test("the portable path and the vector path give identical labels and sums, and objectives within rounding", arguments: [1, 3, 4, 5, 8, 13])
  func bothInstructionSetsAgree(_ k: Int) {
    var rng = SeededGenerator(seed: UInt64(90 + k))
    for d in [1, 3, 4, 7, 16, 17] {
      let x = Matrix(rows: 301, columns: d, storage: (0..<(301 * d)).map { _ in rng.nextGaussian() * 2 + 1e4 })
      let centers = Matrix(rows: k, columns: d, storage: (0..<(k * d)).map { _ in rng.nextGaussian() * 2 + 1e4 })
      let vector = pass(x, centers, summing: true, kernel: wb_assign_nearest)
      let portable = pass(x, centers, summing: true, kernel: wb_assign_nearest_baseline)
      #expect(vector.labels == portable.labels, "k \(k) d \(d)")
      // Objective terms are ‖x‖² + (‖c‖² − 2x·c): accurate relative to ‖x‖² + ‖c‖², which is ~10⁸ times the
      // distances here (data far from the origin), not relative to the total.
      let scale = (0..<x.rows).map { x.rowArray($0).reduce(0) { $0 + $1 * $1 } }.reduce(0, +) * 2
      #expect(abs(vector.total - portable.total) <= 1e-14 * scale, "k \(k) d \(d)")
      // The exact objective is the same on both paths, bit for bit, and is the inertia.
      let exactVector = pass(x, centers, summing: false, exactly: true, kernel: wb_assign_nearest)
      let exactPortable = pass(x, centers, summing: false, exactly: true, kernel: wb_assign_nearest_baseline)
      #expect(exactVector.total == exactPortable.total, "k \(k) d \(d)")
      #expect(exactVector.total == Distance.totalSquaredDistance(x, to: centers, labels: exactVector.labels), "k \(k) d \(d)")
      #expect(vector.partial?.sums == portable.partial?.sums, "k \(k) d \(d)")
      #expect(vector.partial?.counts == portable.partial?.counts, "k \(k) d \(d)")
      #expect(vector.labels == (0..<x.rows).map { Distance.nearest(x, row: $0, among: centers).index }, "k \(k) d \(d)")
    }
  }

  // `==` on purpose: Lloyd's fused pass and Elkan's separate passes must agree bit for bit.
  @Test("the fused Lloyd pass gives the labels-only pass's labels, its inertia up to rounding, clusterSums' sums and counts bit for bit, and compares labels")
  func fusedPassMatchesSeparatePasses() {
    var rng = SeededGenerator(seed: 23)
    let rows = 3 * Distance.chunkRows + 501
    let x = Matrix(rows: rows, columns: 16, storage: (0..<(rows * 16)).map { _ in rng.nextGaussian() * 3 })
    let centers = Matrix(rows: 8, columns: 16, storage: (0..<(8 * 16)).map { _ in rng.nextGaussian() * 3 })
    var labels = [Int](repeating: -1, count: rows)
    let search = NearestCenterSearch(x)
    let total = search.assign(to: centers, labels: &labels)
    var sums = Matrix(rows: 8, columns: 16)
    var counts = [Int](repeating: 0, count: 8)
    x.clusterSums(labels: labels, into: &sums, counts: &counts)

    var fusedLabels = [Int](repeating: -1, count: rows)
    var fusedSums = Matrix(rows: 8, columns: 16, repeating: 7)
    var fusedCounts = [Int](repeating: 3, count: 8)
    var previous = labels
    previous[rows - 1] = (previous[rows - 1] + 1) % 8
    let fused = search.assign(to: centers, labels: &fusedLabels, comparedWith: previous, sums: &fusedSums, counts: &fusedCounts)
    #expect(fusedLabels == labels)
    #expect(total == Distance.totalSquaredDistance(x, to: centers, labels: labels), "the labels-only pass returns the exact inertia")
    #expect(Tolerance.isClose(fused.objective, total, relative: 1e-12), "the fused pass's objective is the inertia up to rounding")
    #expect(!fused.labelsRepeated, "one label in the last chunk differs")
    let again = search.assign(to: centers, labels: &fusedLabels, comparedWith: labels, sums: &fusedSums, counts: &fusedCounts)
    #expect(again.labelsRepeated)
    #expect(fusedSums == sums)
    #expect(fusedCounts == counts)
    #expect(counts.reduce(0, +) == rows)
  }
}
