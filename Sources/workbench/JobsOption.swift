import ArgumentParser
import Foundation
import WorkbenchNumerics

/// `--jobs N`: the threads a command may use in all, shared by every command that computes.
///
/// The command's work runs inside one ``Executor`` of that many threads;
/// trials, resamples, file loading and kernel chunks all draw from it.
/// Results never depend on it.
struct JobsOption: ParsableArguments {
  @Option(help: "Threads to use in all; the default is one per core of this machine. Results do not depend on it.")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1; got \(jobs).") }
    guard jobs <= 1024 else { throw ValidationError("--jobs must be at most 1024; got \(jobs).") }
  }

  /// Runs `body` on an executor of `jobs` threads.
  func run<R>(_ body: () throws -> R) rethrows -> R {
    try Executor.run(threads: jobs, body)
  }
}
