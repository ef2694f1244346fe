/// The identity of a run: which spec ran on which data, under which results layout.
///
/// The first 12 hex digits of the SHA-256 of the spec (without `$schema`,
/// which only helps editors, and without `gate`, whose verdicts are derived
/// at finalize time and change no trial), the data file's SHA-256 and
/// ``ResultFormat/version``. Running the same spec on the same data again
/// finds the same folder and resumes; a new layout never resumes an old run;
/// a changed gate re-derives the verdict without refitting anything.
public enum RunKey {
  /// The run key of `plan` run on data with `dataFingerprint`.
  public static func of(plan: TrialPlan, dataFingerprint: String) -> String {
    var spec = plan.experiment.source.object ?? [:]
    for key in ignoredSpecKeys { spec[key] = nil }
    let input: JSONValue = ["spec": .object(spec), "data_sha256": .string(dataFingerprint), "format": .int(ResultFormat.version)]
    return String(DataFingerprint.sha256(of: input.canonicalText).prefix(12))
  }

  /// Top-level spec keys that do not change a run's trials, so not its key either.
  public static let ignoredSpecKeys = ["$schema", "gate"]
}

/// The version of the results layout; part of the run key, so a new layout never resumes an old run.
public enum ResultFormat {
  /// 2: one folder per trial under `trials/`, canonical labels, derived alignment.
  public static let version = 2
}
