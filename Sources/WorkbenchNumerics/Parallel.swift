/// Data-parallel loops whose results do not depend on the number of threads.
///
/// Work is split by the caller into a fixed number of chunks (from a
/// constant chunk size, never from the core count or `--jobs`); chunks may
/// run concurrently, and their results come back in chunk order, so a caller
/// that combines them in that order gets bit-identical output on any machine.
public enum Parallel {
  /// `body(0), body(1), …, body(count − 1)`, possibly concurrently, returned in index order.
  ///
  /// Runs on the running thread's ``Executor`` (its threads that are free
  /// join in), or one chunk after another on a thread that has none. When
  /// some chunks throw, the error of the lowest-numbered one is rethrown
  /// after all have finished.
  /// - Complexity: the sum of the chunks' costs, spread over the executor's threads.
  public static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    try run(count: count) { i in Result { try body(i) } }.map { try $0.get() }
  }

  /// `body(0), body(1), …, body(count − 1)` for a body that cannot fail, possibly concurrently, returned in index order.
  ///
  /// - Complexity: the sum of the chunks' costs, spread over the executor's threads.
  public static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    run(count: count, body)
  }

  /// `first()` and `second()`, possibly at the same time; each one's error is returned, not thrown, so the caller
  /// chooses which counts first.
  ///
  /// Each side's own parallel loops run on the threads that are free; a thread that has finished its side and waits
  /// for the other does not take the other side's chunks (``Executor``), so pair sides of similar cost, or a
  /// sequential side with a short parallel one.
  public static func both<A: Sendable, B: Sendable>(
    _ first: @Sendable () throws -> A, _ second: @Sendable () throws -> B
  ) -> (Result<A, any Error>, Result<B, any Error>) {
    let results = run(count: 2) { i -> Either<Result<A, any Error>, Result<B, any Error>> in
      i == 0 ? .first(Result { try first() }) : .second(Result { try second() })
    }
    guard case .first(let a) = results[0], case .second(let b) = results[1] else { preconditionFailure("chunks out of order") }
    return (a, b)
  }

  private enum Either<A, B> {
    case first(A)
    case second(B)
  }

  /// `body(0), body(1), …, body(count − 1)` for their effects, possibly concurrently; returns when all have run.
  ///
  /// Items are claimed one at a time in index order, so long and short items
  /// balance over the threads (the run's trial loop uses this).
  public static func forEach(count: Int, _ body: @Sendable (Int) -> Void) {
    _ = run(count: count, body)
  }

  /// Runs every chunk once, on the current executor when there is one, and collects the results in chunk order.
  private static func run<T>(count: Int, _ body: (Int) -> T) -> [T] {
    precondition(count >= 0, "negative chunk count")
    guard let executor = Executor.current, executor.threads > 1, count > 1 else { return (0..<count).map(body) }
    let slots = Slots<T>(count: count)
    withoutActuallyEscaping(body) { body in
      executor.forEach(count: count) { i in slots.store(body(i), at: i) }
    }
    return slots.collect()
  }

  /// How many chunks of `size` cover `total` items (the last may be shorter).
  public static func chunkCount(_ total: Int, size: Int) -> Int {
    precondition(total >= 0 && size > 0, "bad chunking of \(total) items by \(size)")
    return (total + size - 1) / size
  }

  /// The items of chunk `chunk` when `total` items are cut into chunks of `size`.
  public static func chunkRange(_ chunk: Int, size: Int, total: Int) -> Range<Int> {
    assert(chunk >= 0 && chunk < chunkCount(total, size: size), "chunk \(chunk) out of range")
    return (chunk * size)..<min((chunk + 1) * size, total)
  }
}

/// One result slot per chunk; each chunk writes only its own slot, so no lock is needed.
private final class Slots<T>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<T?>
  private let count: Int

  init(count: Int) {
    self.count = count
    base = .allocate(capacity: max(count, 1))
    base.initialize(repeating: nil, count: count)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  func store(_ result: T, at i: Int) {
    assert(i >= 0 && i < count, "slot out of range")
    base[i] = result
  }

  /// The results in order; call only after every chunk has finished.
  func collect() -> [T] {
    (0..<count).map { i in
      guard let result = base[i] else { preconditionFailure("chunk \(i) did not run") }
      return result
    }
  }
}
