import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

/// The obvious left-to-right loop the kernel must agree with.
private func naiveSquaredEuclidean(_ a: [Double], _ b: [Double]) -> Double {
  var sum = 0.0
  for i in a.indices { sum += (a[i] - b[i]) * (a[i] - b[i]) }
  return sum
}

private func randomVector(_ count: Int, _ rng: inout SeededGenerator) -> [Double] {
  (0..<count).map { _ in rng.nextGaussian() * 10 }
}

/// The kernel sums in a different order from the naive loop; every term is
/// non-negative, so the relative difference is bounded by a few ulps per term.
private let tolerance = 1e-13

@Suite("Distance kernels")
struct DistanceTests {
  @Test("squared Euclidean matches the naive loop for lengths 0…9", arguments: 0...9)
  func matchesNaiveForSmallLengths(_ length: Int) {
    var rng = SeededGenerator(seed: UInt64(100 + length))
    let a = randomVector(length, &rng)
    let b = randomVector(length, &rng)
    let expected = naiveSquaredEuclidean(a, b)
    let observed = Distance.squaredEuclidean(a, b)
    #expect(Tolerance.isClose(observed, expected, relative: tolerance), "length \(length): \(observed) vs \(expected)")
    if length == 0 { #expect(observed == 0) }
  }

  @Test("squared Euclidean matches the naive loop for a random length")
  func matchesNaiveForRandomLength() {
    var rng = SeededGenerator(seed: 2024)
    let length = 10 + rng.nextIndex(below: 500)
    let a = randomVector(length, &rng)
    let b = randomVector(length, &rng)
    let expected = naiveSquaredEuclidean(a, b)
    #expect(Tolerance.isClose(Distance.squaredEuclidean(a, b), expected, relative: tolerance), "length \(length)")
  }

  @Test("small integer distances are exact")
  func knownValue() {
    #expect(Distance.squaredEuclidean([0, 0, 0, 0, 0], [1, 2, 2, 0, 4]) == 25)
  }

  @Test("row distances equal the vector distances of the same rows")
  func rowForm() {
    let x = Matrix([[1, 2, 3], [4, 5, 6]])
    let y = Matrix([[0, 0, 0], [1, 1, 1], [4, 5, 7]])
    #expect(Distance.squaredEuclidean(x, row: 1, y, row: 2) == 1)
    var out: [Double] = []
    Distance.squaredEuclidean(x, row: 0, toEveryRowOf: y, into: &out)
    #expect(out == [14, 5, 9 + 9 + 16])
  }

  @Test("nearest picks the closest center, and the lowest index on ties")
  func nearestTies() {
    let x = Matrix([[0, 0], [2, 0], [-3, 0]])
    let centers = Matrix([[1, 0], [-1, 0], [5, 5]])
    let first = Distance.nearest(x, row: 0, among: centers)
    #expect(first.index == 0 && first.squaredDistance == 1)
    let second = Distance.nearest(x, row: 1, among: centers)
    #expect(second.index == 0 && second.squaredDistance == 1)
    let third = Distance.nearest(x, row: 2, among: centers)
    #expect(third.index == 1 && third.squaredDistance == 4)
  }
}
