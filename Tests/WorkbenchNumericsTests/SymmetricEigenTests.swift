import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("SymmetricEigen")
struct SymmetricEigenTests {
  @Test("A·v = λ·v for every pair, eigenvalues descending, eigenvectors orthonormal, for sizes 1…9")
  func decomposition() {
    var rng = SeededGenerator(seed: 11)
    for n in 1...9 {
      var a = Matrix(rows: n, columns: n)
      for i in 0..<n { for j in 0...i { a[i, j] = rng.nextUnit() * 2 - 1; a[j, i] = a[i, j] } }
      let eigen = SymmetricEigen(a)
      #expect(eigen.values == eigen.values.sorted(by: >))
      for k in 0..<n {
        for i in 0..<n {
          let av = (0..<n).reduce(0.0) { $0 + a[i, $1] * eigen.vectors[$1, k] }
          expectClose(av, eigen.values[k] * eigen.vectors[i, k], relative: 1e-12)
        }
        for l in 0..<n {
          let dot = (0..<n).reduce(0.0) { $0 + eigen.vectors[$1, k] * eigen.vectors[$1, l] }
          expectClose(dot, k == l ? 1 : 0, relative: 1e-12)
        }
      }
    }
  }

  @Test("a diagonal matrix gives its diagonal, sorted, and the empty matrix gives nothing")
  func diagonal() {
    let eigen = SymmetricEigen(Matrix([[1, 0, 0], [0, 3, 0], [0, 0, 2]]))
    #expect(eigen.values == [3, 2, 1])
    #expect(SymmetricEigen(Matrix(rows: 0, columns: 0)).values.isEmpty)
  }
}
