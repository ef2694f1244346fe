import Foundation
import Synchronization
import WorkbenchKit

/// Shows run progress on standard error: a live bar on a terminal, plain lines otherwise, or nothing.
final class ProgressRenderer: Sendable {
  /// How progress is shown.
  enum Mode {
    /// A bar when standard error is a terminal, lines otherwise.
    case automatic
    /// Nothing.
    case silent
  }

  private struct State {
    var started = ContinuousClock.now
    var failed = 0
    var resumed = 0
    var drewBar = false
  }

  private let isTerminal: Bool
  private let silent: Bool
  private let describe: @Sendable (TrialRecord) -> String
  private let state = Mutex(State())

  /// A renderer naming each trial by its pipeline, algorithm and `describe(record)` (its parameters).
  init(mode: Mode, describe: @escaping @Sendable (TrialRecord) -> String) {
    silent = mode == .silent
    isTerminal = isatty(STDERR_FILENO) == 1
    self.describe = describe
  }

  /// Renders one event.
  @Sendable func render(_ event: RunEvent) {
    guard !silent else { return }
    state.withLock { state in
      switch event {
      case .started(let total, let resumed, let directory):
        state.started = .now
        state.resumed = resumed
        let resumeNote = resumed > 0 ? " (\(resumed) already recorded, resuming)" : ""
        write("running \(MessageText.counted(total, "trial"))\(resumeNote) → \(directory)\n")
      case .trialFinished(let record, let seconds, let done, let total):
        if record.status == .failed { state.failed += 1 }
        if isTerminal {
          write("\r" + bar(done: done, total: total, state: state))
          state.drewBar = true
          if record.status == .failed {
            write("\r\u{1B}[K  trial \(record.index) (\(name(record))) failed: \(record.error ?? "")\n" + bar(done: done, total: total, state: state))
          }
        } else {
          let outcome = record.status == .ok ? "ok" : "FAILED: \(record.error ?? "")"
          write("[\(done)/\(total)] trial \(record.index) \(name(record)) \(outcome) (\(String(format: "%.2f", seconds)) s)\n")
        }
      }
    }
  }

  /// "scaled · kmeans k=4": the trial's pipeline, algorithm and parameters.
  private func name(_ record: TrialRecord) -> String {
    let parameters = describe(record)
    return "\(record.pipeline) · \(record.algorithmName)" + (parameters.isEmpty ? "" : " " + parameters)
  }

  /// Ends the bar's line.
  func finish() {
    state.withLock { state in
      if state.drewBar { write("\n") }
    }
  }

  private func bar(done: Int, total: Int, state: State) -> String {
    let width = 30
    let filled = total == 0 ? width : width * done / total
    let elapsed = ContinuousClock.now - state.started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let fitted = done - state.resumed
    let remaining = total - done
    let eta = fitted > 0 ? seconds / Double(fitted) * Double(remaining) : 0
    let failedNote = state.failed > 0 ? " · \(state.failed) failed" : ""
    return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] \(done)/\(total) trials\(failedNote) · ETA \(Self.clock(eta))\u{1B}[K"
  }

  private static func clock(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
