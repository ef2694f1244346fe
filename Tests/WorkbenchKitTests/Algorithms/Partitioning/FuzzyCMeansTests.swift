import Foundation
import Testing
import WorkbenchNumerics
import WorkbenchTestSupport

@testable import WorkbenchKit

/// Both sides run the same updates in nearly the same order (scipy's cdist and numpy's pairwise sums versus
/// our fixed loops); over up to 87 iterations the results agree to ~1e-13, so 1e-9 leaves margin.
private let fuzzyTolerance = 1e-9

@Suite("fuzzy-cmeans")
struct FuzzyCMeansTests {
  @Test("from scikit-fuzzy's initial memberships it gives scikit-fuzzy's centers, memberships and iterations",
    arguments: Algos2Reference.names)
  func matchesScikitFuzzy(_ name: String) throws {
    let data = try ReferenceDataset.load(name)
    let reference = try Algos2Reference.load(name)
    #expect(reference.fuzzy.count == 3)
    for c in reference.fuzzy {
      let fcm = try makePlugin(FuzzyCMeans.self, ["k": .int(c.k), "m": .double(c.m)])
      let run = try fcm.iterate(data.x, from: c.initialMemberships.storage, context: FitContext(seed: 0))
      let label = "k = \(c.k), m = \(c.m)"
      #expect(run.iterations == c.iterations, "\(label): iterations")
      #expect(run.converged, "\(label): converged")
      expectClose(run.centers.storage, c.centers.storage, relative: fuzzyTolerance, "\(label): centers")
      expectClose(run.memberships, c.memberships.storage, relative: fuzzyTolerance, "\(label): memberships")
    }
  }

  @Test("m ≤ 1 is rejected at spec time with a message naming m", arguments: [1.0, 0.5, -2.0])
  func fuzzifierAboveOne(_ m: Double) {
    let result = Parameters.resolve(["m": .double(m)], for: FuzzyCMeans.self, at: Location(jsonPath: "algorithms[0].params"))
    #expect {
      try result.get()
    } throws: { error in
      "\(error)".contains("the 'm' parameter of fuzzy-cmeans must be a real number in (1, 100]")
    }
  }

  @Test("the fit reports m, memberships summing to 1, labels by largest membership, and predict agrees",
    arguments: ["random", "k-means++"])
  func contract(_ initialization: String) throws {
    let (x, truth) = Blobs.make(centers: 3, perCluster: 30, dimensions: 2, spread: 0.5, seed: 12)
    let result = try makePlugin(FuzzyCMeans.self, ["k": 3, "init": .string(initialization)]).fit(x, context: FitContext(seed: 3))
    #expect(result.diagnostics.membershipExponent == 2)
    #expect(AdjustedRandIndex.score(result.labels, truth) == 1)
    let memberships = try #require(result.memberships)
    for r in 0..<x.rows {
      let row = memberships.rowArray(r)
      expectClose(row.reduce(0, +), 1, relative: 1e-12)
      #expect(row.firstIndex(of: row.max() ?? 0) == result.labels[r])
    }
    let prediction = try FuzzyCMeans.predict(model: try #require(result.model), input: ClusteringInput(numeric: x))
    #expect(prediction.labels == result.labels)
    #expect(prediction.memberships == result.memberships)
  }

  @Test("the objective never increases between iterations")
  func objectiveDecreases() throws {
    let data = try ReferenceDataset.load("wine-standardized")
    let recorder = ObjectiveRecorder()
    let context = FitContext(seed: 4, log: { event in
      if case .iteration(_, let objective) = event { recorder.append(objective) }
    })
    _ = try makePlugin(FuzzyCMeans.self, ["k": 4, "tol": 0, "max_iter": 40]).fit(data.x, context: context)
    let values = recorder.values
    #expect(values.count == 40)
    for i in 1..<values.count { #expect(values[i] <= values[i - 1] * (1 + 1e-12), "iteration \(i + 1)") }
  }

  @Test("identical rows give one cluster and a note")
  func duplicates() throws {
    let x = Matrix(rows: 6, columns: 2, repeating: -1)
    let result = try makePlugin(FuzzyCMeans.self, ["k": 3]).fit(x, context: FitContext(seed: 0))
    #expect(result.clusterCount == 1)
    #expect(result.labels == Array(repeating: 0, count: 6))
    #expect(result.diagnostics.notes.count == 1)
    #expect(result.memberships?.storage == Array(repeating: 1, count: 6))
  }

  @Test("the note on merged centers gives the mean largest membership against 1/k and both causes, not only duplicate rows")
  func mergedCentersNote() {
    // Ten centers, two rows with memberships near uniform (a fit on 64 columns with m = 2): 7 centers kept.
    let memberships = [0.11, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.09] + Array(repeating: 0.1, count: 10)
    #expect(
      FuzzyCMeans.mergedCentersNote(kept: 7, k: 10, memberships: memberships, rows: 2, columns: 64, fuzzifier: 2)
        == "found 7 distinct clusters, fewer than k = 10: 3 centers won no row (mean largest membership 0.105, where uniform "
        + "memberships give 1/k = 0.100). Centers merge when memberships are nearly uniform, as with m = 2 in 64 dimensions "
        + "(lower m, e.g. 1.1 to 1.5, or fewer dimensions with a \"pca\" step), or when the data has fewer than k distinct rows")
  }

  @Test("explicit centers of the wrong count are a parameter error naming init")
  func explicitWrongCount() {
    #expect {
      try makePlugin(FuzzyCMeans.self, ["k": 3, "init": [[0, 0]]])
    } throws: { error in
      (error as? ParameterError)?.parameter == "init"
    }
  }
}

/// Collects objective values from fit events (the event sink must be Sendable).
private final class ObjectiveRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [Double] = []
  func append(_ value: Double) { lock.withLock { stored.append(value) } }
  var values: [Double] { lock.withLock { stored } }
}
