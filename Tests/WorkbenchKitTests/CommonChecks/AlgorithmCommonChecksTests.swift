import Testing
import WorkbenchKit
import WorkbenchNumerics
import WorkbenchTestSupport

/// A deliberately broken algorithm: the checks must catch it, or they could not fail.
///
/// It ignores its seed's meaning (labels from the seed's parity), leaves a label unused,
/// claims k clusters whatever the data, and accepts any k without checking the row count.
private struct BrokenAlgorithm: ClusteringAlgorithm {
  static let name = "broken"
  static let summary = "Fails the common checks on purpose."
  static let parameters = [ParameterSpec("k", .integer(minimum: 1), default: 3, "Clusters.")]
  static let capabilities = AlgorithmCapabilities(
    usesRandomness: false, producesNoise: false, requiresClusterCount: true, orderInvariant: true, canPredict: false)
  let k: Int
  init(validated parameters: Parameters) throws { k = parameters.int("k") }
  func fit(_ input: ClusteringInput, context: FitContext) throws -> Clustering {
    let shift = Int(context.seed % 2)
    return Clustering(labels: (0..<input.rows).map { ($0 + shift) % max(k - 1, 1) }, clusterCount: k)
  }
}

@Suite("common algorithm checks")
struct AlgorithmCommonChecksTests {
  @Test(
    "every registered algorithm passes every common check (or fails one it declares, with a reason)",
    arguments: PluginRegistry.builtIn.names(of: .algorithm), AlgorithmCheck.allCases)
  func check(_ name: String, _ check: AlgorithmCheck) throws {
    let type = try #require(PluginRegistry.builtIn.algorithm(named: name))
    let problems = CommonChecks.run(check, on: type)
    if let reason = CommonChecks.expectedFailure(check, of: type) {
      #expect(!problems.isEmpty, "\(name) declares \(check) as failing (\(reason)) but it passes; remove the expected failure")
    } else {
      #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
  }

  @Test("declared checking parameters and expected failures are well formed", arguments: PluginRegistry.builtIn.names(of: .algorithm))
  func tuning(_ name: String) throws {
    let type = try #require(PluginRegistry.builtIn.algorithm(named: name))
    #expect(CommonChecks.tuningProblems(of: type).isEmpty, "\(CommonChecks.tuningProblems(of: type))")
  }

  @Test("the checks catch a broken algorithm", arguments: [
    AlgorithmCheck.determinism, .labelContract, .recoversBlobs, .tooFewSamples, .duplicatePoints, .extremeScales,
  ])
  func catchesBrokenAlgorithm(_ check: AlgorithmCheck) {
    #expect(!CommonChecks.run(check, on: AlgorithmDescriptor(BrokenAlgorithm.self)).isEmpty)
  }

  @Test("the adjusted Rand index agrees with scikit-learn on small cases")
  func adjustedRandIndex() {
    // sklearn.metrics.adjusted_rand_score values.
    expectClose(AdjustedRandIndex.score([0, 0, 1, 1], [1, 1, 0, 0]), 1, relative: 1e-15)
    expectClose(AdjustedRandIndex.score([0, 0, 1, 2], [0, 0, 1, 1]), 0.5714285714285714, relative: 1e-15)
    expectClose(AdjustedRandIndex.score([0, 0, 0, 0], [0, 1, 2, 3]), 0, relative: 1e-15)
    expectClose(AdjustedRandIndex.score([0, 0, 1, 1], [0, 1, 0, 1]), -0.5, relative: 1e-15)
    expectClose(AdjustedRandIndex.score([0, 0, 1, 1, 2, 2], [0, 0, 1, 2, 2, 2]), 0.4444444444444444, relative: 1e-15)
  }
}
