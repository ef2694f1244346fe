import Foundation
import WorkbenchKit
import WorkbenchNumerics

/// The checks every clustering algorithm must pass, run by the test suite over `PluginRegistry.builtIn`
/// and usable by outside plugin authors (scikit-learn's `check_estimator`).
///
/// ``run(_:on:)`` returns the problems a check found instead of recording
/// test issues, so a caller can also verify that an expected failure
/// (``CommonCheckTuning/expectedCheckFailures``) really fails. Algorithms are
/// built from their defaults plus ``CommonCheckTuning/checkingParameters``,
/// with `k` = 3 (the blobs' cluster count) unless a check says otherwise.
/// Data are seeded blobs: 3 × 40 rows in 2-D and in 5-D.
public enum CommonChecks {
  /// The problems `check` finds in `type`; empty when it passes. Unexpected errors are reported as problems.
  public static func run(_ check: AlgorithmCheck, on type: AlgorithmDescriptor) -> [String] {
    let subject = Subject(type: type)
    do {
      switch check {
      case .determinism: return try determinism(subject)
      case .labelContract: return try labelContract(subject)
      case .recoversBlobs: return try recoversBlobs(subject)
      case .permutationInvariance: return try permutationInvariance(subject)
      case .tooFewSamples: return try tooFewSamples(subject)
      case .tinyInputs: return try tinyInputs(subject)
      case .duplicatePoints: return try duplicatePoints(subject)
      case .constantColumn: return try sameAfterTransform(subject, "a constant column appended") { appendingConstantColumn($0) }
      case .translation: return try sameAfterTransform(subject, "1024 added to every value") { translated($0, by: 1024) }
      case .parameterContract: return try parameterContract(subject)
      case .idempotentFit: return try idempotentFit(subject)
      case .predictMatchesFit: return try predictMatchesFit(subject)
      case .extremeScales: return try extremeScales(subject)
      }
    } catch {
      return ["\(type.name) threw \(error) during \(check)"]
    }
  }

  /// The reason `check` is declared to fail for `type`, if it is.
  public static func expectedFailure(_ check: AlgorithmCheck, of type: AlgorithmDescriptor) -> String? {
    type.checking.expectedFailures[check.rawValue]
  }

  /// Problems with the tuning an algorithm declares: expected failures naming no check, or without a reason.
  public static func tuningProblems(of type: AlgorithmDescriptor) -> [String] {
    let declared = type.checking.expectedFailures
    return declared.keys.sorted().compactMap { key in
      if AlgorithmCheck(rawValue: key) == nil { return "\(type.name) expects check '\(key)' to fail, but there is no such check" }
      if declared[key]?.trimmingCharacters(in: .whitespaces).isEmpty ?? true { return "\(type.name) expects '\(key)' to fail without a reason" }
      return nil
    }
  }

  // MARK: - Data

  /// Three well-separated blobs of 40 rows in 2-D.
  static let blobs2 = Blobs.make(centers: 3, perCluster: 40, dimensions: 2, spread: 0.5, seed: 7)
  /// Three well-separated blobs of 40 rows in 5-D.
  static let blobs5 = Blobs.make(centers: 3, perCluster: 40, dimensions: 5, spread: 0.5, seed: 8)
  /// Three overlapping blobs, where seeds and row order can matter.
  static let noisy = Blobs.make(centers: 3, perCluster: 40, dimensions: 3, spread: 4, seed: 9)

  /// An algorithm under check, built the way the checks need it.
  struct Subject {
    let type: AlgorithmDescriptor
    var name: String { type.name }
    var capabilities: AlgorithmCapabilities { type.capabilities }

    /// Defaults, plus the declared checking parameters, plus `k` when the algorithm takes it.
    func parameters(k: Int) -> [String: JSONValue] {
      var given = type.checking.parameters
      if capabilities.requiresClusterCount { given["k"] = .int(k) }
      return given
    }

    func make(k: Int) throws -> any ClusteringAlgorithm {
      try type.instance(parameters(k: k))
    }

    func fit(_ x: Matrix, k: Int = 3, seed: UInt64 = 0) throws -> Clustering {
      try make(k: k).fit(input(x), context: FitContext(seed: seed))
    }

    /// `x` as the algorithm's input, with the constant categorical features it asks for.
    func input(_ x: Matrix) -> ClusteringInput {
      let count = type.checking.categoricalFeatures
      let constant = (0..<count).map { CategoricalFeature(name: "category\($0)", levels: ["a"], codes: Array(repeating: 0, count: x.rows)) }
      return ClusteringInput(numeric: x, categorical: constant)
    }
  }

  // MARK: - Checks

  static func determinism(_ s: Subject) throws -> [String] {
    var problems: [String] = []
    for (x, label) in [(noisy.0, "overlapping blobs"), (blobs5.0, "5-D blobs")] {
      let first = try s.fit(x, seed: 11)
      let second = try s.fit(x, seed: 11)
      if first.labels != second.labels { problems.append("\(s.name): the same seed gave different labels on \(label)") }
      if first.diagnostics != second.diagnostics { problems.append("\(s.name): the same seed gave different diagnostics on \(label)") }
      if !s.capabilities.usesRandomness {
        let other = try s.fit(x, seed: 12)
        if other.labels != first.labels || other.diagnostics != first.diagnostics {
          problems.append("\(s.name) declares usesRandomness = false, but another seed changed the result on \(label)")
        }
      }
    }
    return problems
  }

  static func labelContract(_ s: Subject) throws -> [String] {
    var problems: [String] = []
    for (x, k) in [(blobs2.0, 3), (blobs5.0, 5), (noisy.0, 4)] {
      problems += contractProblems(s, try s.fit(x, k: k, seed: 1), rows: x.rows, columns: x.columns, k: k)
    }
    return problems
  }

  static func recoversBlobs(_ s: Subject) throws -> [String] {
    var problems: [String] = []
    for ((x, truth), label) in [(blobs2, "2-D"), (blobs5, "5-D")] {
      let labels = try s.fit(x, seed: 2).labels
      // Noise (−1) counts as one more group, so rows wrongly left as noise lower the index like misplaced rows.
      let ari = AdjustedRandIndex.score(labels, truth)
      let noise = labels.filter { $0 < 0 }.count
      let detail = noise > 0 ? " (\(noise) of \(labels.count) rows noise\(noise == labels.count ? ": tune checkingParameters to the blobs' spread of 0.5" : ""))" : ""
      if !(ari >= 0.95) { problems.append("\(s.name): adjusted Rand index \(ari) < 0.95 on \(label) blobs\(detail)") }
    }
    return problems
  }

  static func permutationInvariance(_ s: Subject) throws -> [String] {
    var problems: [String] = []
    var data = [(blobs2.0, "2-D blobs"), (blobs5.0, "5-D blobs")]
    if s.capabilities.orderInvariant { data.append((noisy.0, "overlapping blobs")) }
    for (x, label) in data {
      var rng = SeededGenerator(seed: 99)
      var order = Array(0..<x.rows)
      for i in stride(from: x.rows - 1, to: 0, by: -1) { order.swapAt(i, rng.nextIndex(below: i + 1)) }
      let original = try s.fit(x, seed: 3).labels
      let shuffled = try s.fit(x.selecting(rows: order), seed: 3).labels
      var restored = Array(repeating: 0, count: x.rows)
      for (position, row) in order.enumerated() { restored[row] = shuffled[position] }
      if !samePartition(original, restored) { problems.append("\(s.name): shuffling the rows of \(label) changed the partition") }
    }
    return problems
  }

  static func tooFewSamples(_ s: Subject) throws -> [String] {
    let (x, k) = s.capabilities.requiresClusterCount ? (blobs2.0.selecting(rows: [0, 40]), 3) : (Matrix(rows: 0, columns: 2), 3)
    do {
      let result = try s.fit(x, k: k)
      return ["\(s.name) fitted \(x.rows) rows with k = \(k) (\(result.clusterCount) clusters) instead of throwing insufficientSamples"]
    } catch let error as FitError {
      if case .insufficientSamples = error { return [] }
      return ["\(s.name) threw \(error) for \(x.rows) rows with k = \(k), not insufficientSamples"]
    }
  }

  static func tinyInputs(_ s: Subject) throws -> [String] {
    var problems: [String] = []
    for (rows, k) in [([0], 1), ([0, 40, 80], 3)] {
      let x = blobs2.0.selecting(rows: rows)
      do {
        problems += contractProblems(s, try s.fit(x, k: k), rows: x.rows, columns: x.columns, k: k)
      } catch is FitError {
        continue
      }
    }
    return problems
  }

  static func duplicatePoints(_ s: Subject) throws -> [String] {
    var problems: [String] = []
    let identical = Matrix(rows: 12, columns: 2, repeating: 2.5)
    do {
      let result = try s.fit(identical)
      problems += contractProblems(s, result, rows: 12, columns: 2, k: 3)
      if s.capabilities.requiresClusterCount && result.clusterCount < 3 && result.diagnostics.notes.isEmpty {
        problems.append("\(s.name) found \(result.clusterCount) clusters in identical rows with k = 3 but left no note")
      }
    } catch let error as FitError {
      if error.description.isEmpty { problems.append("\(s.name) threw a FitError without a reason for identical rows") }
    }
    let (x, truth) = blobs2
    let kept = Array(stride(from: 0, to: x.rows, by: 2))
    let doubled = kept + kept
    let half = x.selecting(rows: doubled)
    let result = try s.fit(half)
    problems += contractProblems(s, result, rows: half.rows, columns: half.columns, k: 3)
    let ari = AdjustedRandIndex.score(result.labels, doubled.map { truth[$0] })
    if !(ari >= 0.95) { problems.append("\(s.name): adjusted Rand index \(ari) < 0.95 on blobs with every row twice") }
    return problems
  }

  static func extremeScales(_ s: Subject) throws -> [String] {
    var problems: [String] = []
    let x = blobs2.0
    // Only large in-band scales must keep the partition: at tiny ones, absolute constants (gmm's reg_covar, fuzzy
    // c-means' distance floor, as in scikit-learn and scikit-fuzzy) are a modelling choice, not a numeric failure.
    let large = try s.fit(scaled(x, by: 1e50), seed: 5)
    if !samePartition(try s.fit(x, seed: 5).labels, large.labels) { problems.append("\(s.name): blobs × 1e50 gave another partition") }
    problems += contractProblems(s, large, rows: x.rows, columns: x.columns, k: 3)
    var withNaN = x
    withNaN[3, 1] = .nan
    for (data, what) in [(scaled(x, by: 1e300), "blobs × 1e300"), (scaled(x, by: 1e-300), "blobs × 1e-300"), (withNaN, "a NaN cell")] {
      do {
        let result = try s.fit(data, seed: 5)
        problems.append("\(s.name) clustered \(what) into sizes \(result.sizes) instead of refusing them with a FitError")
      } catch let error as FitError {
        if error.description.isEmpty { problems.append("\(s.name) refused \(what) without a reason") }
      }
    }
    return problems
  }

  static func sameAfterTransform(_ s: Subject, _ what: String, _ transform: (Matrix) -> Matrix) throws -> [String] {
    var problems: [String] = []
    for (x, label) in [(blobs2.0, "2-D blobs"), (blobs5.0, "5-D blobs")] {
      if !samePartition(try s.fit(x, seed: 4).labels, try s.fit(transform(x), seed: 4).labels) {
        problems.append("\(s.name): \(what) changed the partition of \(label)")
      }
    }
    return problems
  }

  static func parameterContract(_ s: Subject) throws -> [String] {
    var problems: [String] = []
    let base = s.parameters(k: 3)
    switch s.type.resolve(base, at: Location()) {
    case .success(let resolved): try s.type.check(resolved)
    case .failure(let error): problems.append("\(s.name): the defaults (with the checking parameters) are invalid: \(error)")
    }
    for spec in s.type.parameters {
      for bad in invalidValues(spec.kind) {
        var given = base
        given[spec.name] = bad
        switch s.type.resolve(given, at: Location()) {
        case .success:
          problems.append("\(s.name).\(spec.name) accepted the invalid value \(bad.canonicalText)")
        case .failure(let error):
          let text = error.description
          if !text.contains("'\(spec.name)'") || !text.contains(s.name) {
            problems.append("\(s.name).\(spec.name): the error for \(bad.canonicalText) does not name the plugin and parameter: \(text)")
          }
        }
      }
    }
    return problems
  }

  static func idempotentFit(_ s: Subject) throws -> [String] {
    let algorithm = try s.make(k: 3)
    let input = s.input(noisy.0)
    let first = try algorithm.fit(input, context: FitContext(seed: 5))
    let second = try algorithm.fit(input, context: FitContext(seed: 5))
    return first == second ? [] : ["\(s.name): fitting the same instance twice gave different results"]
  }

  static func predictMatchesFit(_ s: Subject) throws -> [String] {
    let x = blobs5.0
    let result = try s.fit(x, seed: 6)
    guard s.capabilities.canPredict else {
      let predicted = try? s.type.predict(result.model ?? .null, s.input(x))
      return predicted == nil ? [] : ["\(s.name) declares canPredict = false but predicted labels"]
    }
    guard let model = result.model else { return ["\(s.name) declares canPredict but its clustering has no model"] }
    var problems: [String] = []
    let prediction = try s.type.predict(model, s.input(x))
    if prediction.labels != result.labels { problems.append("\(s.name): predict on the fit rows gave other labels than the fit") }
    if let fitted = result.memberships {
      if let predicted = prediction.memberships {
        if !Tolerance.isClose(predicted.storage, fitted.storage, relative: 1e-12, floor: 1) {
          problems.append("\(s.name): predict on the fit rows gave other memberships than the fit")
        }
      } else {
        problems.append("\(s.name): the fit has memberships but predict gave none")
      }
    }
    let subset = Array(stride(from: 0, to: x.rows, by: 7))
    let partial = try s.type.predict(model, s.input(x.selecting(rows: subset)))
    if partial.labels != subset.map({ result.labels[$0] }) { problems.append("\(s.name): predicting a subset of rows changed their labels") }
    return problems
  }

  // MARK: - Helpers

  /// Violations of the clustering contract in `c`, fitted on `rows × columns` data with `k` asked for.
  static func contractProblems(_ s: Subject, _ c: Clustering, rows: Int, columns: Int, k: Int) -> [String] {
    var problems: [String] = []
    let name = s.name
    if c.labels.count != rows { problems.append("\(name): \(c.labels.count) labels for \(rows) rows") }
    let valid = c.labels.allSatisfy { (0..<c.clusterCount).contains($0) || ($0 == -1 && s.capabilities.producesNoise) }
    if !valid { problems.append("\(name): labels outside 0..<\(c.clusterCount)\(s.capabilities.producesNoise ? " and -1" : "")") }
    let used = Set(c.labels.filter { $0 >= 0 })
    if used.count != c.clusterCount { problems.append("\(name): \(used.count) labels used but clusterCount is \(c.clusterCount)") }
    if s.capabilities.requiresClusterCount && c.clusterCount > k { problems.append("\(name): \(c.clusterCount) clusters for k = \(k)") }
    if let m = c.memberships {
      if m.rows != rows || m.columns != c.clusterCount { problems.append("\(name): memberships are \(m.rows) × \(m.columns)") }
      if !m.storage.allSatisfy(\.isFinite) { problems.append("\(name): non-finite memberships") }
      if m.columns > 0, (0..<m.rows).contains(where: { abs(m.rowArray($0).reduce(0, +) - 1) > 1e-9 }) {
        problems.append("\(name): membership rows do not sum to 1")
      }
    }
    for score in c.rowScores where score.values.count != rows || !score.values.allSatisfy(\.isFinite) {
      problems.append("\(name): row score '\(score.name)' has \(score.values.count) values for \(rows) rows or a non-finite value")
    }
    if let centers = c.centers {
      if centers.rows != c.clusterCount || centers.columns != columns { problems.append("\(name): centers are \(centers.rows) × \(centers.columns)") }
      if !centers.storage.allSatisfy(\.isFinite) { problems.append("\(name): non-finite centers") }
    }
    let d = c.diagnostics
    for (value, field) in [(d.inertia, "inertia"), (d.logLikelihood, "logLikelihood"), (d.membershipExponent, "membershipExponent")] {
      if let value, !value.isFinite { problems.append("\(name): diagnostics.\(field) is \(value)") }
    }
    if let exemplars = c.exemplars, exemplars.count != c.clusterCount || !exemplars.allSatisfy({ (0..<rows).contains($0) }) {
      problems.append("\(name): exemplars \(exemplars) do not name one row per cluster")
    }
    return problems
  }

  /// Values that `kind` must reject: one of the wrong type, and one just outside each bound or choice list.
  static func invalidValues(_ kind: ParameterKind) -> [JSONValue] {
    var candidates: [JSONValue] = [.object([:])]
    switch kind {
    case .integer(let minimum, let maximum):
      if let minimum { candidates.append(.int(minimum - 1)) }
      if let maximum { candidates.append(.int(maximum + 1)) }
      candidates.append(.double(1.5))
    case .real(let minimum, let maximum, let openMinimum, let openMaximum):
      if let minimum { candidates.append(.double(openMinimum ? minimum : minimum - 1)) }
      if let maximum { candidates.append(.double(openMaximum ? maximum : maximum + 1)) }
      candidates.append(.string("1"))
    case .choice: candidates.append(.string("no-such-option"))
    case .boolean: candidates.append(.string("true"))
    case .text: candidates.append(.int(1))
    case .textList: candidates.append(.array([.int(1)]))
    case .textMap: candidates.append(.object(["a": .int(1)]))
    case .realMatrix: candidates += [.array([]), .array([.array([1, 2]), .array([3])])]
    case .object: candidates.append(.string("{}"))
    case .oneOf(let kinds): candidates += kinds.flatMap(invalidValues)
    }
    return candidates.filter { kind.normalize($0) == nil }
  }

  static func appendingConstantColumn(_ x: Matrix) -> Matrix {
    Matrix((0..<x.rows).map { x.rowArray($0) + [7] })
  }

  static func scaled(_ x: Matrix, by factor: Double) -> Matrix {
    Matrix(rows: x.rows, columns: x.columns, storage: x.storage.map { $0 * factor })
  }

  static func translated(_ x: Matrix, by offset: Double) -> Matrix {
    Matrix(rows: x.rows, columns: x.columns, storage: x.storage.map { $0 + offset })
  }
}
