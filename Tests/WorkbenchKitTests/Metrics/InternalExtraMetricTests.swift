import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

@Suite("simplified silhouette, Dunn, BIC and AIC")
struct InternalExtraMetricTests {
  @Test("simplified silhouette and Dunn equal the numpy/scipy formulas for every label set", arguments: ["iris", "wine", "blobs-noise", "zero-diameter"])
  func matchesReference(_ name: String) throws {
    let json = try #require(MetricsFixture.document("metrics-internal-extra").object?[name])
    let x = try FixtureLoader.matrix(FixtureLoader.field(json, "data"), "data")
    for c in try FixtureLoader.field(json, "cases").array ?? [] {
      let caseName = try FixtureLoader.field(c, "name").string ?? "?"
      let labels = try FixtureLoader.ints(FixtureLoader.field(c, "labels"), "labels")
      for (type, key) in [(SimplifiedSilhouette.self as any ClusterMetric.Type, "simplified_silhouette"), (Dunn.self, "dunn")] {
        let observed = try score(type, x, labels)
        if let expected = try FixtureLoader.field(c, key).number {
          expectClose(try #require(observed.value, "\(name) \(caseName) \(key)"), expected, relative: 1e-9, floor: 1e-12, "\(name) \(caseName) \(key)")
        } else {
          guard case .undefined = observed else { Issue.record("\(name) \(caseName) \(key): expected undefined, got \(observed)"); continue }
        }
      }
    }
  }

  @Test("BIC and AIC equal GaussianMixture.bic and .aic from the fit's log-likelihood and parameter count", arguments: ["iris", "wine"])
  func informationCriteria(_ name: String) throws {
    let json = try #require(MetricsFixture.document("metrics-internal-extra").object?[name])
    let x = try FixtureLoader.matrix(FixtureLoader.field(json, "data"), "data")
    for fit in try FixtureLoader.field(json, "mixtures").array ?? [] {
      let diagnostics = Diagnostics(
        logLikelihood: try FixtureLoader.field(fit, "log_likelihood").number, parameterCount: try FixtureLoader.field(fit, "parameter_count").integer)
      let input = MetricInput(features: x, clustering: Clustering(labels: Array(repeating: 0, count: x.rows), clusterCount: 1, diagnostics: diagnostics))
      let bic = try BIC(validated: Parameters.resolve([:], for: BIC.self, at: Location()).get()).score(input, context: FitContext(seed: 0))
      let aic = try AIC(validated: Parameters.resolve([:], for: AIC.self, at: Location()).get()).score(input, context: FitContext(seed: 0))
      expectClose(try #require(bic.value), try #require(FixtureLoader.field(fit, "bic").number), relative: 1e-9, "\(name) bic")
      expectClose(try #require(aic.value), try #require(FixtureLoader.field(fit, "aic").number), relative: 1e-9, "\(name) aic")
    }
  }

  @Test("BIC and AIC are undefined, with the reason, for clusterings without a likelihood")
  func noLikelihood() throws {
    let x = Matrix([[0], [1], [5], [6]])
    for type in [BIC.self as any ClusterMetric.Type, AIC.self] {
      let result = try score(type, x, [0, 0, 1, 1])
      guard case .undefined(let reason) = result else { Issue.record("\(type.name): \(result)"); continue }
      #expect(reason.contains("log-likelihood"))
      #expect(type.needs == .likelihood)
    }
  }

  @Test("simplified silhouette and Dunn: noise ignored, undefined for one cluster, unchanged by renaming clusters")
  func contract() throws {
    let (x, labels) = Blobs.make(centers: 3, perCluster: 15, dimensions: 3, spread: 1, seed: 21)
    let noisy = labels.enumerated().map { $0.offset % 7 == 0 ? -1 : $0.element }
    let kept = noisy.indices.filter { noisy[$0] >= 0 }
    for type in [SimplifiedSilhouette.self as any ClusterMetric.Type, Dunn.self] {
      let withNoise = try #require(score(type, x, noisy).value)
      expectClose(withNoise, try #require(score(type, x.selecting(rows: kept), kept.map { noisy[$0] }).value), relative: 1e-12)
      expectClose(try #require(score(type, x, labels.map { [2, 0, 1][$0] }).value), try #require(score(type, x, labels).value), relative: 1e-12)
      #expect(try score(type, x, Array(repeating: 0, count: x.rows)).value == nil)
      #expect(try score(type, x, Array(repeating: -1, count: x.rows)).value == nil)
    }
  }
}

@Suite("Xie-Beni index")
struct XieBeniTests {
  @Test("equals the formula on seeded fuzzy partitions of iris")
  func matchesFormula() throws {
    let iris = try #require(MetricsFixture.document("metrics-internal-extra").object?["iris"])
    let x = try FixtureLoader.matrix(FixtureLoader.field(iris, "data"), "data")
    for c in try FixtureLoader.field(iris, "fuzzy").array ?? [] {
      let u = try FixtureLoader.matrix(FixtureLoader.field(c, "memberships"), "memberships")
      let centers = try FixtureLoader.matrix(FixtureLoader.field(c, "centers"), "centers")
      let m = try #require(FixtureLoader.field(c, "m").number)
      let labels = (0..<x.rows).map { i in (0..<u.columns).max { u[i, $0] < u[i, $1] }! }
      let clustering = Clustering(labels: labels, clusterCount: u.columns, centers: centers, memberships: u, diagnostics: Diagnostics(membershipExponent: m))
      let value = try XieBeni(validated: Parameters.resolve([:], for: XieBeni.self, at: Location()).get())
        .score(MetricInput(features: x, clustering: clustering), context: FitContext(seed: 0)).value
      expectClose(try #require(value), try #require(FixtureLoader.field(c, "xie_beni").number), relative: 1e-9, "m = \(m)")
    }
  }

  @Test("a hard partition has no Xie-Beni index")
  func hardPartition() throws {
    let result = try score(XieBeni.self, Matrix([[0], [1], [5], [6]]), [0, 0, 1, 1])
    guard case .undefined(let reason) = result else { Issue.record("\(result)"); return }
    #expect(reason.contains("fuzzy"))
  }
}
