/// Progress of a run, for the command line to render; the library never prints.
public enum RunEvent: Sendable {
  /// The run starts: `total` trials, of which `resumed` were already recorded.
  case started(total: Int, resumed: Int, directory: String)
  /// A trial finished (successfully or not); `done` counts resumed trials too.
  case trialFinished(TrialRecord, seconds: Double, done: Int, total: Int)
}
