extension GateReport {
  /// The verdict as JUnit XML: one `testsuite` for the gate, one `testcase` per check.
  ///
  /// The shape GitHub Actions (test-reporter actions), GitLab
  /// (`artifacts:reports:junit`) and Jenkins (`junit` step) read: a failed
  /// check carries a `failure` whose message gives the measured value and the
  /// threshold; a skipped one a `skipped` element with the reason. Test case
  /// names start with the gate key (`quality`, `baseline.min_ari`), so a
  /// failure names its check. No `time` or `timestamp` attributes: the file
  /// is byte-stable.
  public var junit: String {
    let failed = failures.count
    let skipped = checks.filter { $0.outcome == .skipped }.count
    let suite = "workbench gate: \(experiment) (run \(runKey))"
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"workbench gate\" tests=\"\(checks.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"\(skipped)\">\n"
    out += "  <testsuite name=\"\(Self.escaped(suite))\" tests=\"\(checks.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"\(skipped)\">\n"
    for check in checks {
      let name = Self.escaped("\(check.name): \(check.summary)" + (check.threshold.isEmpty ? "" : " \(check.threshold)"))
      out += "    <testcase classname=\"workbench.gate.\(Self.escaped(experiment))\" name=\"\(name)\""
      switch check.outcome {
      case .passed:
        out += "/>\n"
      case .failed:
        let message = Self.escaped(check.detail ?? "\(check.summary): measured \(check.measuredText), threshold \(check.threshold)")
        let body = Self.escaped("measured \(check.measuredText); threshold \(check.threshold)" + (chosen.map { "; chosen \($0.label)" } ?? ""))
        out += ">\n      <failure type=\"\(Self.escaped(check.name))\" message=\"\(message)\">\(body)</failure>\n    </testcase>\n"
      case .skipped:
        out += ">\n      <skipped message=\"\(Self.escaped(check.detail ?? "not checked"))\"/>\n    </testcase>\n"
      }
    }
    return out + "  </testsuite>\n</testsuites>\n"
  }

  /// `text` with XML's five special characters and line feeds escaped, for attributes and content alike.
  static func escaped(_ text: String) -> String { HTML.escape(text) }
}
