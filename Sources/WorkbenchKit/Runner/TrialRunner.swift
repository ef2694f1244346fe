import Foundation
import Synchronization
import WorkbenchNumerics

/// Fits trials and records each in the trial store the moment it finishes.
///
/// Trials are claimed one at a time from the running thread's ``Executor``
/// (`--jobs` threads in all), and everything inside a trial — resamples,
/// kernel chunks — draws from the same threads. Each trial writes only its
/// own folder, so no coordinator is needed and a kill loses at most the
/// trials in flight. Records are byte-identical whatever the thread count or
/// the order trials finish in.
struct TrialRunner: Sendable {
  /// Fits and scores trials.
  let executor: TrialExecutor
  /// Where finished trials go.
  let store: TrialStore

  /// Fits `trials` on the prepared `features` (by pipeline hash) and saves each; returns their records in grid order.
  ///
  /// `finishedBefore` trials of `total` were already recorded (for progress).
  /// A trial that fails is recorded as failed; a trial that cannot be saved
  /// stops the run with the error of the first such trial in grid order,
  /// after the trials in flight have finished.
  func run(
    _ trials: [TrialConfig], features: [String: Result<PreparedFeatures, TrialFailure>], finishedBefore: Int, total: Int,
    observe: @escaping @Sendable (RunEvent) -> Void
  ) throws(ResultStoreError) -> [TrialRecord] {
    let dataset = executor.dataset
    let done = Mutex(finishedBefore)
    let results = Parallel.map(count: trials.count) { i -> Result<TrialRecord, ResultStoreError> in
      let trial = trials[i]
      let clock = ContinuousClock.now
      guard let prepared = features[trial.pipeline.hash] else { preconditionFailure("pipeline \(trial.pipeline.hash) was not prepared") }
      let outcome = executor.run(trial, features: prepared)
      let elapsed = ContinuousClock.now - clock
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      let record: TrialRecord
      do throws(ResultStoreError) {
        record = try store.save(outcome, ids: dataset.ids, idColumn: dataset.idColumn, seconds: seconds)
      } catch {
        return .failure(error)
      }
      let count = done.withLock { count in
        count += 1
        return count
      }
      observe(.trialFinished(record, seconds: seconds, done: count, total: total))
      return .success(record)
    }
    var records: [TrialRecord] = []
    for result in results { records.append(try result.get()) }
    return records
  }
}
