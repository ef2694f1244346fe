import Foundation
import Testing
import WorkbenchNumerics
import WorkbenchTestSupport
@testable import WorkbenchKit

@Suite("Gap statistic")
struct GapStatisticTests {
  let blobs = Blobs.make(centers: 3, perCluster: 50, dimensions: 2, spread: 0.3, seed: 12).0

  func gap(k: Int) throws -> Score {
    let kmeans = try KMeans(validated: try Parameters.resolve(["k": .int(k), "n_init": 3], for: KMeans.self, at: Location()).get())
    let clustering = try kmeans.fit(blobs, context: FitContext(seed: 4))
    let input = MetricInput(features: blobs, clustering: clustering, refit: { x, seed in try kmeans.fit(x, context: FitContext(seed: seed)) })
    let metric = try GapStatistic(validated: try Parameters.resolve(["references": 8], for: GapStatistic.self, at: Location()).get())
    return try metric.score(input, context: FitContext(seed: 9))
  }

  @Test("W_k is the pooled within-cluster sum of squares")
  func withinSumOfSquares() {
    let x = Matrix([[0.0, 0.0], [2.0, 0.0], [10.0, 10.0], [10.0, 12.0], [50.0, 50.0]])
    #expect(GapStatistic.pooledWithinSumOfSquares(x, labels: [0, 0, 1, 1, -1]) == 4)
  }

  @Test("the 1-SE rule on gap curves picks the true k of well-separated blobs, reproducibly")
  func pickTrueK() throws {
    let scores = try (1...6).map { try gap(k: $0) }
    #expect(scores.allSatisfy { $0.interval != nil })
    let values = scores.map(\.value)
    let errors = scores.map { $0.interval.map { ($0.high - $0.low) / 2 } }
    #expect(KSelection.pick(.gapStandardError, ks: Array(1...6), values: values, errors: errors) == 3)
    #expect(try gap(k: 3) == (try gap(k: 3)))
    #expect(values[2]! > values[0]!)
  }

  @Test("undefined, not a huge negative number, when a reference clustering has no spread (every reference row noise)")
  func referenceWithoutSpread() throws {
    let metric = try GapStatistic(validated: try Parameters.resolve(["references": 3], for: GapStatistic.self, at: Location()).get())
    let clustering = Clustering(labels: (0..<blobs.rows).map { $0 % 3 }, clusterCount: 3)
    let input = MetricInput(features: blobs, clustering: clustering, refit: { x, _ in Clustering(labels: Array(repeating: -1, count: x.rows), clusterCount: 0) })
    #expect(
      try metric.score(input, context: FitContext(seed: 1))
        == .undefined("the clustering of reference data set 1 of 3 has no spread (W* = 0: every row noise, or single-point clusters), so log W* does not exist"))
  }

  @Test("undefined without a way to refit")
  func undefined() throws {
    let metric = try GapStatistic(validated: try Parameters.resolve([:], for: GapStatistic.self, at: Location()).get())
    let input = MetricInput(features: blobs, clustering: Clustering(labels: Array(repeating: 0, count: blobs.rows), clusterCount: 1))
    #expect(try metric.score(input, context: FitContext(seed: 1)).value == nil)
  }
}

/// Against R's `cluster::clusGap(d.power = 2, spaceH0 = "scaledPCA")` (Fixtures/gap-prediction-strength.json,
/// generate_r_fixtures.R). Its W_k is half the paper's (it sums each unordered pair once and halves), so its log W
/// is ours minus log 2 and its gap is ours; its s_k divides by B − 1 where the paper, and we, divide by B.
@Suite("Gap statistic against R's clusGap")
struct GapStatisticReferenceTests {
  /// Fixed reference data: the B = 5 reference sets clusGap drew and the labels its k-means gave each, passed in.
  /// Our draws differ from R's by design (our generator), so this checks W_k, the gap and s_k on the same sets.
  @Test("on clusGap's own reference data sets and labels, log W_k, the gap and s_k equal R's to 1e-14 (measured: within 6e-16)")
  func explicitReferences() throws {
    let x = try RReference.data()
    let explicit = try RReference.value("gap", "explicit")
    let observedLabels = try RReference.intLists(explicit, "labels")
    let references = try (FixtureLoader.field(explicit, "references").array ?? []).map { reference in
      (data: try FixtureLoader.matrix(FixtureLoader.field(reference, "data"), "data"), labels: try RReference.intLists(reference, "labels"))
    }
    let b = Double(references.count)
    let (logW, expectedLogW, gap, seSim) = (
      try RReference.numbers("gap", "explicit", "log_w"), try RReference.numbers("gap", "explicit", "e_log_w"),
      try RReference.numbers("gap", "explicit", "gap"), try RReference.numbers("gap", "explicit", "se_sim")
    )
    #expect(references.count == 5 && observedLabels.count == 4 && [logW.count, expectedLogW.count, gap.count, seSim.count] == [4, 4, 4, 4])
    for k in 1...4 {
      let observed = GapStatistic.pooledWithinSumOfSquares(x, labels: observedLabels[k - 1])
      expectClose(log(observed) - log(2), logW[k - 1], relative: 1e-14, "k = \(k): log W")
      let within = references.map { GapStatistic.pooledWithinSumOfSquares($0.data, labels: $0.labels[k - 1]) }
      expectClose(within.map { log($0) - log(2) }.reduce(0, +) / b, expectedLogW[k - 1], relative: 1e-14, "k = \(k): mean log W*")
      let score = GapStatistic.estimate(observed: observed, references: within)
      let interval = try #require(score.interval)
      expectClose(try #require(score.value), gap[k - 1], relative: 1e-14, "k = \(k): gap")
      expectClose((interval.high - interval.low) / 2, seSim[k - 1] * ((b - 1) / b).squareRoot(), relative: 1e-14, "k = \(k): s_k")
    }
  }

  @Test("the reference box is clusGap's scaledPCA box: same centre, same widths along the principal axes, R's draws inside")
  func referenceBox() throws {
    let x = try RReference.data()
    let box = ReferenceBox(x)
    expectClose(box.mean, try RReference.numbers("gap", "explicit", "box_center"), relative: 1e-14)
    let widths = zip(box.high, box.low).map { $0 - $1 }
    expectClose(widths.sorted(), try RReference.numbers("gap", "explicit", "box_widths").sorted(), relative: 1e-14)
    for reference in try RReference.value("gap", "explicit", "references").array ?? [] {
      let z = try FixtureLoader.matrix(FixtureLoader.field(reference, "data"), "data")
      for r in 0..<z.rows {
        for c in 0..<z.columns {
          let projected = (0..<z.columns).reduce(0.0) { $0 + (z[r, $1] - box.mean[$1]) * box.rotation[$1, c] }
          #expect(projected >= box.low[c] - 1e-12 && projected <= box.high[c] + 1e-12, "row \(r), axis \(c)")
        }
      }
    }
  }

  /// Our reference draws come from our generator, R's from its own, so single draws differ; the distributions must
  /// not. 200 of our draws against clusGap's 1000: the gaps within four standard errors of their difference
  /// (sd_b / √B on each side), the standard deviations within four standard errors of theirs (sd / √(2B) each).
  @Test("over 200 of our draws the gap and its sd agree with clusGap's 1000 within four standard errors, k = 1…4")
  func distribution() throws {
    let x = try RReference.data()
    let rB = try RReference.number(try RReference.value("gap", "distribution"), "B")
    let (logW, gap, sd) = (
      try RReference.numbers("gap", "distribution", "log_w"), try RReference.numbers("gap", "distribution", "gap"),
      try RReference.numbers("gap", "distribution", "sd_log_w_star")
    )
    let ourB = 200.0
    let metric = try GapStatistic(validated: try Parameters.resolve(["references": .int(Int(ourB))], for: GapStatistic.self, at: Location()).get())
    for k in 1...4 {
      let kmeans = try KMeans(validated: try Parameters.resolve(["k": .int(k), "n_init": 10], for: KMeans.self, at: Location()).get())
      let clustering = try kmeans.fit(x, context: FitContext(seed: 1))
      expectClose(
        log(GapStatistic.pooledWithinSumOfSquares(x, labels: clustering.labels)) - log(2), logW[k - 1], relative: 1e-14,
        "k = \(k): the same optimum on the data")
      let input = MetricInput(features: x, clustering: clustering, refit: { m, seed in try kmeans.fit(m, context: FitContext(seed: seed)) })
      let score = try metric.score(input, context: FitContext(seed: 7))
      let ourGap = try #require(score.value), interval = try #require(score.interval)
      let ourSD = (interval.high - interval.low) / 2 / (1 + 1 / ourB).squareRoot()
      let gapError = (ourSD * ourSD / ourB + sd[k - 1] * sd[k - 1] / rB).squareRoot()
      #expect(abs(ourGap - gap[k - 1]) <= 4 * gapError, "k = \(k): gap \(ourGap) vs R \(gap[k - 1]) (standard error \(gapError))")
      let sdError = sd[k - 1] * (1 / (2 * ourB) + 1 / (2 * rB)).squareRoot()
      #expect(abs(ourSD - sd[k - 1]) <= 4 * sdError, "k = \(k): sd \(ourSD) vs R \(sd[k - 1]) (standard error \(sdError))")
    }
  }
}
