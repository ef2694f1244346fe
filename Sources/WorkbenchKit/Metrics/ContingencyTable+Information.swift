import Foundation

/// Entropies and mutual information from the counts, with scikit-learn's formulas and special cases.
extension ContingencyTable {
  /// Shannon entropy (nats) of a labelling with these group sizes; 0 for one group.
  ///
  /// sklearn `_entropy`: −Σ (nᵢ/N)(log nᵢ − log N).
  static func entropy(_ totals: [Int]) -> Double {
    let sizes = totals.filter { $0 > 0 }
    guard sizes.count > 1 else { return 0 }
    let n = Double(sizes.reduce(0, +))
    let logN = log(n)
    var sum = 0.0
    for size in sizes { sum += (Double(size) / n) * (log(Double(size)) - logN) }
    return -sum
  }

  /// Entropy of the true classes.
  var classEntropy: Double { Self.entropy(classTotals) }
  /// Entropy of the clusters.
  var clusterEntropy: Double { Self.entropy(clusterTotals) }

  /// Mutual information (nats) between classes and clusters, as `sklearn.metrics.mutual_info_score`.
  ///
  /// Σ (nᵢⱼ/N)(log nᵢⱼ − log N) + (nᵢⱼ/N)(log N_row + log N_col − log(aᵢbⱼ)) over
  /// non-zero cells, terms below machine epsilon in magnitude set to 0, the
  /// sum clipped at 0; exactly 0 with one class or one cluster.
  var mutualInformation: Double {
    guard classes.count > 1, clusters.count > 1 else { return 0 }
    let n = Double(total)
    let logN = log(n)
    var sum = 0.0
    for cell in cells {
      let p = Double(cell.count) / n
      let outer = Double(classTotals[cell.classIndex]) * Double(clusterTotals[cell.clusterIndex])
      let logOuter = -log(outer) + logN + logN
      let term = p * (log(Double(cell.count)) - logN) + p * logOuter
      if abs(term) >= Double.ulpOfOne { sum += term }
    }
    return max(sum, 0)
  }

  /// Expected mutual information under the hypergeometric model of random labellings with these marginals.
  ///
  /// The exact sum of Vinh, Epps & Bailey (JMLR 11, 2010), term by term as
  /// scikit-learn's `expected_mutual_information`: factorials in log space with
  /// `lgamma`, so it stays finite for any N. 0 with one class or one cluster.
  /// - Complexity: O(classes · clusters · min(class size, cluster size)).
  var expectedMutualInformation: Double {
    let a = classTotals, b = clusterTotals
    guard a.count > 1, b.count > 1 else { return 0 }
    let n = total
    let nD = Double(n)
    let largest = max(a.max()!, b.max()!)
    let logN = log(nD)
    let lgammaN1 = Self.logGamma(nD + 1)
    var logNnij = [0.0]
    var glnNnij = [Self.logGamma(2.0) + lgammaN1]
    for nij in 1...max(largest, 1) {
      logNnij.append(logN + log(Double(nij)))
      glnNnij.append(Self.logGamma(Double(nij) + 1) + lgammaN1)
    }
    var emi = 0.0
    for ai in a {
      let logA = log(Double(ai)), glnA = Self.logGamma(Double(ai) + 1), glnNA = Self.logGamma(Double(n - ai) + 1)
      for bj in b {
        let logB = log(Double(bj)), glnB = Self.logGamma(Double(bj) + 1), glnNB = Self.logGamma(Double(n - bj) + 1)
        let start = max(1, ai - n + bj), end = min(ai, bj)
        guard start <= end else { continue }
        for nij in start...end {
          let term1 = Double(nij) / nD
          let term2 = logNnij[nij] - logA - logB
          let numerators: Double = glnA + glnB + glnNA + glnNB
          var gln: Double = numerators - glnNnij[nij]
          gln -= Self.logGamma(Double(ai - nij) + 1)
          gln -= Self.logGamma(Double(bj - nij) + 1)
          gln -= Self.logGamma(Double(n - ai - bj + nij) + 1)
          emi += term1 * term2 * exp(gln)
        }
      }
    }
    return emi
  }

  /// ln Γ(x) from the C library, as scikit-learn's kernel calls it (the annotation picks the one-result overload).
  private static let logGamma: @Sendable (Double) -> Double = lgamma
}
