import Foundation
import Testing
import WorkbenchKit
import WorkbenchNumerics

/// External metrics and steps over protocol v1, with shell scripts standing in for real programs.
@Suite("external metrics and pipeline steps")
struct ProcessMetricAndStepTests {
  static let clustering = Clustering(labels: [0, 0, 1, 1], clusterCount: 2)
  static let x = Matrix([[0, 0], [0, 1], [5, 5], [5, 6]])

  func score(_ script: String, extra: String = "") throws -> Score {
    let plugin = try ScriptPlugin(name: "script-metric", script: script, kind: "metric", extra: extra)
    let metric = try MetricDescriptor(external: plugin.manifest).instance()
    return try metric.score(MetricInput(features: Self.x, clustering: Self.clustering), context: FitContext(seed: 1))
  }

  @Test("a metric's value, estimate and undefined answers come back as scores")
  func scores() throws {
    #expect(try score(#"echo '{"value": 0.75}'"#) == .value(0.75))
    #expect(try score(#"echo '{"value": 0.5, "low": 0.25, "high": 0.75}'"#) == .estimate(value: 0.5, low: 0.25, high: 0.75))
    #expect(try score(#"echo '{"undefined": "one cluster"}'"#) == .undefined("one cluster"))
  }

  @Test("the metric request carries the labels and the cluster count")
  func request() throws {
    #expect(throws: FitError.self) { try score("cat >&2; exit 1") }
    do { _ = try score("cat >&2; exit 1") } catch {
      #expect("\(error)".contains(#""cluster_count":2"#) && "\(error)".contains(#""labels":[0,0,1,1]"#), "\(error)")
    }
  }

  @Test("values outside the declared bounds, and incomplete intervals, are refused")
  func bounds() throws {
    #expect(throws: FitError.degenerate("plugin 'script-metric' returned value = 2, outside its declared bounds [-1, 1]")) {
      try score(#"echo '{"value": 2}'"#, extra: #", "bounds": [-1, 1]"#)
    }
    #expect(throws: FitError.self) { try score(#"echo '{"value": 0.5, "low": 0.6}'"#) }
  }

  @Test("a step's table comes back with its rows kept; restoring from its state sends the state and the new rows")
  func step() throws {
    let script = #"""
      if grep -q '"request":"restore"' ; then c=restored; else c=fitted; fi
      printf 'a,tag\n1.5,%s\n,%s\n' $c $c > out.csv
      table='{"format": "csv", "rows": 2, "columns": [{"name": "a", "type": "numeric"}, {"name": "tag", "type": "categorical", "levels": ["x"]}], "csv": "out.csv"}'
      if [ $c = fitted ]; then printf '{"table": %s, "state": {"scale": 2}, "summary": {"seen": 2}}' "$table"; else printf '{"table": %s}' "$table"; fi
      """#
    let plugin = try ScriptPlugin(name: "script-step", script: script, kind: "preprocessor")
    let descriptor = PreprocessorDescriptor(external: try plugin.manifest)
    let table = DataTable(columns: [.numeric("a", [1, 2])])
    let fitted = try descriptor.instance().fit(table, context: FitContext(seed: 1))
    #expect(fitted.state == ["scale": 2])
    #expect(fitted.summary == ["seen": 2])
    let out = try fitted.transform(table)
    #expect(out.columnNames == ["a", "tag"])
    #expect(out.column(named: "a")?.numbers?.first == 1.5 && out.column(named: "a")?.numbers?.last?.isNaN == true)
    #expect(out.column(named: "tag")?.labels == ["fitted", "fitted"])
    let restored = try descriptor.restore(fitted.state).transform(DataTable(columns: [.numeric("a", [7, 8])]))
    #expect(restored.column(named: "tag")?.labels == ["restored", "restored"])
  }
}
