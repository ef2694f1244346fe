import WorkbenchNumerics

/// The symmetric k-nearest-neighbour affinity of scikit-learn's `SpectralClustering(affinity="nearest_neighbors")`
/// and its normalized adjacency.
///
/// W = ½ (C + Cᵀ), C(i, j) = 1 when j is among the `neighbors` nearest rows
/// of i (itself included; ties to the lower row). Self-loops are dropped, as
/// scipy's `csgraph.laplacian` ignores them; degrees dᵢ = Σⱼ≠ᵢ W(i, j), with
/// √d taken as 1 for an isolated row, as scipy does.
/// - Complexity: O(rows · log rows · neighbors) to build; O(rows · neighbors) memory.
struct AffinityGraph: Sendable {
  /// D^(−1/2) W D^(−1/2) without the diagonal: the normalized adjacency, whose largest eigenvalues are 1 − the Laplacian's smallest.
  /// Entries are W(i, j) / (√dᵢ · √dⱼ), one rounding symmetric in i and j (scipy divides by each root in turn).
  let adjacency: SparseSymmetric
  /// √dᵢ (1 for an isolated row), by row.
  let rootDegrees: [Double]
  /// Connected components of the graph.
  let componentCount: Int

  init(_ x: Matrix, neighbors: Int) {
    let nearest = NeighborIndex(x, metric: .euclidean).nearest(neighbors)
    var entries = Array(repeating: [(column: Int, value: Double)](), count: x.rows)
    for (i, found) in nearest.enumerated() {
      for neighbor in found where neighbor.index != i {
        entries[i].append((neighbor.index, 0.5))
        entries[neighbor.index].append((i, 0.5))
      }
    }
    let weights = entries.map { row in
      row.sorted { $0.column < $1.column }.reduce(into: [(column: Int, value: Double)]()) { merged, entry in
        if merged.last?.column == entry.column { merged[merged.count - 1].value += entry.value } else { merged.append(entry) }
      }
    }
    let roots = weights.map { row in
      let degree = row.reduce(0.0) { $0 + $1.value }
      return degree > 0 ? degree.squareRoot() : 1
    }
    adjacency = SparseSymmetric(rows: weights.enumerated().map { i, row in row.map { ($0.column, $0.value / (roots[i] * roots[$0.column])) } })
    rootDegrees = roots
    componentCount = Self.components(weights)
  }

  /// The number of connected components of the graph with edges `weights` (breadth-first).
  static func components(_ weights: [[(column: Int, value: Double)]]) -> Int {
    var seen = Array(repeating: false, count: weights.count)
    var count = 0
    for start in weights.indices where !seen[start] {
      count += 1
      seen[start] = true
      var queue = [start]
      while let node = queue.popLast() {
        for edge in weights[node] where !seen[edge.column] {
          seen[edge.column] = true
          queue.append(edge.column)
        }
      }
    }
    return count
  }

  /// The spectral embedding: rows × `dimensions`, and the Laplacian's smallest eigenvalues, smallest first.
  struct Embedding: Sendable {
    var embedding: Matrix
    var eigenvalues: [Double]
    var converged: Bool
  }

  /// scikit-learn's `spectral_embedding(drop_first=False)`: the eigenvectors of the `dimensions` smallest Laplacian
  /// eigenvalues, each divided by √degree row by row and flipped so that its largest |entry| (the first such) is positive.
  func embedding(dimensions: Int, seed: UInt64) -> Embedding {
    let eigen = LOBPCG.largest(
      dimensions, of: adjacency, blockSize: 2 * dimensions + 4, seed: seed, tolerance: SpectralClustering.eigenTolerance,
      maxIterations: SpectralClustering.eigenIterations)
    var u = eigen.vectors
    for c in 0..<u.columns {
      for r in 0..<u.rows { u[r, c] /= rootDegrees[r] }
      var largest = 0
      for r in 0..<u.rows where abs(u[r, c]) > abs(u[largest, c]) { largest = r }
      if u[largest, c] < 0 { for r in 0..<u.rows { u[r, c] = -u[r, c] } }
    }
    return Embedding(embedding: u, eigenvalues: eigen.values.map { 1 - $0 }, converged: eigen.converged)
  }
}
