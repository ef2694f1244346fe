/// Judges a run's chosen trial against a ``GateSpec``, and against a baseline run when one is given.
///
/// The chosen trial is rank 1 of the leaderboard the finalizer derives
/// (``RankedRun``). Threshold checks read its record: the ranking metric's
/// value (the one the leaderboard ranked by), mean resample ARI, smallest
/// segment share, number of segments, other metrics. Baseline checks compare
/// the two chosen segmentations on the customers both runs contain
/// (``SegmentAgreement``): their adjusted Rand index, each segment's share
/// against its match's, and optionally the algorithm and number of
/// segments. A baseline section without a baseline run is reported as
/// skipped, so a finalize-time verdict says what it did not check.
public struct QualityGate: Sendable {
  /// The thresholds.
  public var spec: GateSpec

  public init(spec: GateSpec) {
    self.spec = spec
  }

  /// The verdict on `run`, compared with `baseline` when given (reads both chosen trials' labels then).
  public func evaluate(_ run: RankedRun, baseline: RankedRun? = nil) throws -> GateReport {
    let chosen = run.chosen
    var checks = [chosenCheck(run, chosen)]
    checks += thresholdChecks(run, chosen)
    var agreement: SegmentAgreement?
    if let baseline {
      let limits = spec.baseline ?? .standard
      if let chosen, let theirs = baseline.chosen {
        let found = SegmentAgreement(try run.results.identifiedLabels(chosen.record), try baseline.results.identifiedLabels(theirs.record))
        agreement = found
        checks += baselineChecks(limits, found, chosen, theirs)
      } else {
        let reason = chosen == nil ? "this run chose no trial" : "the baseline run chose no trial"
        checks += baselineNames(limits).map {
          GateCheck(name: $0.name, summary: $0.summary, measured: .null, threshold: $0.threshold, outcome: .failed, detail: "\(reason), so there is nothing to compare.")
        }
      }
    } else if let limits = spec.baseline {
      checks += baselineNames(limits).map {
        GateCheck(name: $0.name, summary: $0.summary, measured: .null, threshold: $0.threshold, outcome: .skipped, detail: "no baseline run given (workbench gate RUN_DIR --baseline BASELINE_RUN_DIR).")
      }
    }
    return GateReport(
      experiment: run.experiment, runKey: run.runKey, chosen: chosen,
      baseline: baseline.map { GateReport.Baseline(experiment: $0.experiment, runKey: $0.runKey, chosen: $0.chosen, agreement: agreement) },
      checks: checks)
  }

  private func chosenCheck(_ run: RankedRun, _ chosen: ChosenTrial?) -> GateCheck {
    let summary = "a trial is ranked first"
    guard let chosen else {
      let failed = run.results.records.filter { $0.status == .failed }.count
      return GateCheck(
        name: "chosen", summary: summary, measured: .null, threshold: "", outcome: .failed,
        detail: "no trial could be ranked: \(run.results.records.count) recorded, \(failed) failed, \(run.leaderboard.unranked.count) not ranked (see leaderboard.md).")
    }
    return GateCheck(name: "chosen", summary: summary, measured: .string(chosen.label), threshold: "", outcome: .passed)
  }

  private func thresholdChecks(_ run: RankedRun, _ chosen: ChosenTrial?) -> [GateCheck] {
    var checks: [GateCheck] = []
    let rule = run.leaderboard.rule
    let record = chosen?.record
    if let quality = spec.quality {
      let higher = rule.direction == .higherIsBetter
      checks.append(
        .bound(
          "quality", "\(rule.spec.metric) of the chosen trial", value: record.flatMap { rule.quality(of: $0)?.value },
          minimum: higher ? quality : nil, maximum: higher ? nil : quality, missing: "\(rule.spec.metric) is undefined for the chosen trial."))
    }
    if let minimum = spec.minStability {
      checks.append(
        .bound(
          "min_stability", "mean resample ARI of the chosen trial", value: record?.stability?.score, minimum: minimum,
          missing: "stability was not computed; the spec turns it off (\"stability\": false): remove that, or this threshold."))
    }
    if let minimum = spec.minSegmentShare {
      checks.append(.bound("min_segment_share", "smallest segment's share of the chosen trial", value: chosen?.smallestSegmentShare, minimum: minimum, missing: "the chosen trial has no segments."))
    }
    if spec.minSegments != nil || spec.maxSegments != nil {
      var check = GateCheck.bound(
        "segments", "number of segments of the chosen trial", value: record?.clusterCount.map(Double.init), minimum: spec.minSegments.map(Double.init),
        maximum: spec.maxSegments.map(Double.init), missing: "the chosen trial has no segments.")
      if let count = record?.clusterCount { check.measured = .int(count) }
      checks.append(check)
    }
    for bound in spec.metrics {
      checks.append(
        .bound(
          "metrics.\(bound.metric)", "\(bound.metric) of the chosen trial", value: record?.metrics[bound.metric]?.value, minimum: bound.minimum,
          maximum: bound.maximum, missing: "\(bound.metric) is undefined or not computed for the chosen trial."))
    }
    guard chosen == nil else { return checks }
    return checks.map { check in
      var skipped = check
      skipped.outcome = .skipped
      skipped.detail = "no trial was chosen."
      return skipped
    }
  }

  private func baselineChecks(_ limits: GateSpec.Baseline, _ agreement: SegmentAgreement, _ ours: ChosenTrial, _ theirs: ChosenTrial) -> [GateCheck] {
    let names = baselineNames(limits)
    let shared = "on the \(agreement.sharedRows) customers both runs label"
    var checks = [
      GateCheck.bound(
        names[0].name, names[0].summary, value: agreement.adjustedRandIndex, minimum: limits.minAgreement,
        missing: "the two runs share no labelled customer (ids differ), so they cannot agree."),
      GateCheck.bound(names[1].name, names[1].summary, value: agreement.largestShift, maximum: limits.maxShareShift, missing: ""),
    ]
    if checks[0].outcome == .failed, agreement.sharedRows > 0, let detail = checks[0].detail { checks[0].detail = detail.dropLast() + " (\(shared))." }
    if let worst = agreement.shifts.max(by: { $0.shift < $1.shift }), checks[1].outcome == .failed {
      let segment = worst.first.map { "segment \($0)" } ?? "the baseline's segment \(worst.second!)"
      checks[1].detail = (checks[1].detail ?? "") + " \(segment) moved from \(RankingRule.percent(worst.secondShare)) to \(RankingRule.percent(worst.firstShare)) of the rows."
    }
    if limits.sameChoice {
      let mine = "\(ours.record.algorithmName), \(ours.record.clusterCount ?? 0) segments"
      let baseline = "\(theirs.record.algorithmName), \(theirs.record.clusterCount ?? 0) segments"
      checks.append(
        GateCheck(
          name: names[2].name, summary: names[2].summary, measured: .string(mine), threshold: baseline, outcome: mine == baseline ? .passed : .failed,
          detail: mine == baseline ? nil : "the chosen trial is \(mine); the baseline chose \(baseline)."))
    }
    return checks
  }

  /// The baseline checks `limits` asks for: name, summary, threshold.
  private func baselineNames(_ limits: GateSpec.Baseline) -> [(name: String, summary: String, threshold: String)] {
    var names = [
      ("baseline.min_ari", "agreement (ARI) with the baseline's chosen segmentation", "≥ \(JSONNumber.plain(limits.minAgreement))"),
      ("baseline.max_share_shift", "largest change of a segment's share against the baseline", "≤ \(JSONNumber.plain(limits.maxShareShift))"),
    ]
    if limits.sameChoice { names.append(("baseline.same_choice", "chosen algorithm and number of segments", "the baseline's")) }
    return names
  }
}
