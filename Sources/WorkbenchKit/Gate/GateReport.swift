/// A quality gate's verdict: every check, the chosen trial, and the baseline compared against.
///
/// Rendered three ways from this one value: JUnit XML for CI test reports
/// (``junit``), Markdown for people and `$GITHUB_STEP_SUMMARY` (``markdown``)
/// and JSON (``json``). None holds a date, a duration or a path, so the
/// verdict finalize writes into a run folder is byte-stable.
public struct GateReport: Sendable {
  /// The baseline run a gate compared against.
  public struct Baseline: Sendable {
    /// Its experiment and run key.
    public var experiment: String
    public var runKey: String
    /// Its chosen trial.
    public var chosen: ChosenTrial?
    /// The agreement of the two chosen segmentations, when both runs chose one.
    public var agreement: SegmentAgreement?
  }

  /// The run judged.
  public var experiment: String
  public var runKey: String
  /// Its chosen trial.
  public var chosen: ChosenTrial?
  /// The baseline, when one was given.
  public var baseline: Baseline?
  /// Every check, in gate order.
  public var checks: [GateCheck]

  /// Whether no check failed (skipped checks do not fail a gate).
  public var passed: Bool { !checks.contains { $0.outcome == .failed } }

  /// The checks that failed.
  public var failures: [GateCheck] { checks.filter { $0.outcome == .failed } }

  /// The verdict as JSON.
  public var json: JSONValue {
    var o: [String: JSONValue] = [
      "passed": .bool(passed), "experiment": .string(experiment), "run_key": .string(runKey), "checks": .array(checks.map(\.json)),
      "chosen": chosen?.json ?? .null,
    ]
    if let baseline {
      var b: [String: JSONValue] = ["experiment": .string(baseline.experiment), "run_key": .string(baseline.runKey), "chosen": baseline.chosen?.json ?? .null]
      if let agreement = baseline.agreement {
        b["shared_rows"] = .int(agreement.sharedRows)
        b["only_this_run"] = .int(agreement.onlyFirst)
        b["only_baseline"] = .int(agreement.onlySecond)
        b["ari"] = agreement.adjustedRandIndex.map(JSONValue.double) ?? .null
        b["share_shifts"] = .array(
          agreement.shifts.map { shift in
            [
              "segment": shift.first.map(JSONValue.int) ?? .null, "baseline_segment": shift.second.map(JSONValue.int) ?? .null,
              "share": .double(shift.firstShare), "baseline_share": .double(shift.secondShare),
            ]
          })
      }
      o["baseline"] = .object(b)
    }
    return .object(o)
  }
}
