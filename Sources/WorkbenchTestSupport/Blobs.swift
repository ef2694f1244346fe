import WorkbenchNumerics

/// Seeded isotropic Gaussian blobs: the well-separated data the common checks cluster.
///
/// Like `sklearn.datasets.make_blobs`, but the centers are placed on a fixed
/// scale so blobs stay separated: center `c` is drawn uniformly from
/// `[-10, 10)` in every dimension, and points scatter around it with standard
/// deviation `spread`. Rows come cluster by cluster (`perCluster` rows of
/// cluster 0, then cluster 1, …); the same arguments always give the same data.
public enum Blobs {
  /// `centers × perCluster` rows in `dimensions` columns, with the generating cluster of each row.
  public static func make(centers: Int, perCluster: Int, dimensions: Int, spread: Double = 0.5, seed: UInt64) -> (Matrix, [Int]) {
    precondition(centers >= 1 && perCluster >= 1 && dimensions >= 1, "blobs need at least one center, row and dimension")
    var rng = SeededGenerator(seed: seed)
    let means = (0..<(centers * dimensions)).map { _ in rng.nextUnit() * 20 - 10 }
    var storage: [Double] = []
    storage.reserveCapacity(centers * perCluster * dimensions)
    var labels: [Int] = []
    labels.reserveCapacity(centers * perCluster)
    for c in 0..<centers {
      for _ in 0..<perCluster {
        for j in 0..<dimensions { storage.append(means[c * dimensions + j] + spread * rng.nextGaussian()) }
        labels.append(c)
      }
    }
    return (Matrix(rows: centers * perCluster, columns: dimensions, storage: storage), labels)
  }
}
