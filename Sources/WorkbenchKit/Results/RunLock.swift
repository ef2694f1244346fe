import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on a run folder, held while a process writes into it.
///
/// A second `run` (or `finalize`) of the same run key meets the lock and
/// stops with a message naming the holder, instead of writing beside it; in
/// particular `--fresh` never removes files from under a running process.
/// The lock is an advisory `flock` on `<run>/.lock`, which the system drops
/// when the holder exits or is killed, so a killed run never leaves a stale
/// lock. The file records who holds it, for the message.
public final class RunLock: Sendable {
  /// The lock file's name inside the run folder.
  public static let fileName = ".lock"

  private let descriptor: Int32

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }

  /// Whether a process holds the lock of `folder` now (a run in progress), found without taking it for long and
  /// without creating the lock file: a run folder whose manifest says "running" but whose lock is free was stopped.
  public static func isHeld(_ folder: RunFolder) -> Bool {
    let descriptor = open(folder.file(fileName), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else { return true }
    flock(descriptor, LOCK_UN)
    return false
  }

  /// Takes the lock of `folder`, or throws naming the process that holds it.
  public static func acquire(_ folder: RunFolder) throws(ResultStoreError) -> RunLock {
    let path = folder.file(fileName)
    let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw ResultStoreError(path: path, reason: "cannot open the run's lock file (\(String(cString: strerror(errno))))")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
      close(descriptor)
      throw ResultStoreError(
        path: folder.path, reason: "another workbench process is writing this run (\(holder.map { $0.isEmpty ? "holder unknown" : $0 } ?? "holder unknown"))",
        fix: "wait for it to finish, or stop that process, then run again")
    }
    let formatter = ISO8601DateFormatter()
    let note = "pid \(ProcessInfo.processInfo.processIdentifier) on \(ProcessInfo.processInfo.hostName), since \(formatter.string(from: Date()))\n"
    ftruncate(descriptor, 0)
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
    try? handle.write(contentsOf: Data(note.utf8))
    return RunLock(descriptor: descriptor)
  }
}
