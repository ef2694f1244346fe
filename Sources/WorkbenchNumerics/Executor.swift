import Foundation

/// The one pool of threads a process's parallel work draws from: trials, resamples and kernel chunks alike.
///
/// `--jobs N` means N threads in all: the caller of ``run(threads:_:)`` plus
/// N − 1 workers. Every parallel loop (``Parallel/map(count:_:)-8ys0f``) on a
/// thread that belongs to an executor splits its chunks over that executor;
/// the calling thread works through its own loop's chunks and idle workers
/// join in, newest loop first. A loop nested inside a chunk (a kernel inside
/// a trial inside the run's trial loop) therefore uses the threads that are
/// free instead of starting threads of its own, so the process never runs
/// more than N threads however deep the nesting.
///
/// Results never depend on N: chunks are fixed by the caller (never from the
/// thread count) and their results come back in chunk order.
///
/// A thread that waits for its loop's last chunks only waits for chunks other
/// threads have claimed and are running, and a thread never claims while it
/// waits, so nesting cannot deadlock.
public final class Executor: @unchecked Sendable {
  /// Threads in all, the caller included (≥ 1).
  public let threads: Int
  /// Guards `loops` and `stopping`; its condition wakes workers and waiting callers.
  private let condition = NSCondition()
  /// Loops with unclaimed or unfinished chunks, oldest first.
  private var loops: [Loop] = []
  private var stopping = false

  private init(threads: Int) {
    self.threads = threads
  }

  /// Runs `body` on the calling thread with an executor of `threads` threads in all; returns when `body` has.
  ///
  /// Inside `body` (and inside every chunk it starts), ``current`` is this
  /// executor. The workers stop when `body` returns.
  public static func run<R>(threads: Int, _ body: () throws -> R) rethrows -> R {
    precondition(threads >= 1, "an executor needs at least one thread")
    let executor = Executor(threads: threads)
    let finished = DispatchGroup()
    for _ in 1..<threads {
      finished.enter()
      let thread = Thread {
        executor.work()
        finished.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    defer {
      executor.condition.lock()
      executor.stopping = true
      executor.condition.broadcast()
      executor.condition.unlock()
      finished.wait()
    }
    return try CurrentExecutor.with(executor, body)
  }

  /// The executor whose thread this is, if any; parallel loops elsewhere run their chunks one after another.
  public static var current: Executor? { CurrentExecutor.value }

  /// `body(0)…body(count − 1)` over this executor's threads, the caller taking part; returns when all have run.
  func forEach(count: Int, _ body: @escaping (Int) -> Void) {
    guard count > 0 else { return }
    let loop = Loop(count: count, body: body)
    condition.lock()
    loops.append(loop)
    if threads > 1 { condition.broadcast() }
    while loop.next < loop.count {
      let chunk = loop.next
      loop.next += 1
      condition.unlock()
      loop.body(chunk)
      condition.lock()
      loop.finished += 1
    }
    while loop.finished < loop.count { condition.wait() }
    loops.removeAll { $0 === loop }
    condition.unlock()
  }

  /// A worker's life: claim a chunk of the newest loop that has one, run it, repeat until stopped.
  private func work() {
    CurrentExecutor.with(self) {
      condition.lock()
      while true {
        if let loop = loops.last(where: { $0.next < $0.count }) {
          let chunk = loop.next
          loop.next += 1
          condition.unlock()
          loop.body(chunk)
          condition.lock()
          loop.finished += 1
          if loop.finished == loop.count { condition.broadcast() }
        } else if stopping {
          break
        } else {
          condition.wait()
        }
      }
      condition.unlock()
    }
  }

  /// One parallel loop: its chunks, the next unclaimed one and how many have finished (guarded by the executor's lock).
  private final class Loop {
    let count: Int
    let body: (Int) -> Void
    var next = 0
    var finished = 0

    init(count: Int, body: @escaping (Int) -> Void) {
      self.count = count
      self.body = body
    }
  }
}
