import Dispatch

/// Data-parallel loops whose results do not depend on the number of threads.
///
/// Work is split by the caller into a fixed number of chunks (from a
/// constant chunk size, never from the core count or `--jobs`); chunks may
/// run concurrently, and their results come back in chunk order, so a caller
/// that combines them in that order gets bit-identical output on any machine.
public enum Parallel {
  /// `body(0), body(1), …, body(count − 1)`, possibly concurrently, returned in index order.
  ///
  /// Runs on Dispatch's shared pool (at most one thread per core). When
  /// some chunks throw, the error of the lowest-numbered one is rethrown
  /// after all have finished.
  /// - Complexity: the sum of the chunks' costs, spread over the available cores.
  public static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    precondition(count >= 0, "negative chunk count")
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.store(Result { try body(i) }, at: i) }
    return try slots.collect()
  }

  /// `body(0), body(1), …, body(count − 1)` for a body that cannot fail, possibly concurrently, returned in index order.
  ///
  /// - Complexity: the sum of the chunks' costs, spread over the available cores.
  public static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    precondition(count >= 0, "negative chunk count")
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.store(.success(body(i)), at: i) }
    do {
      return try slots.collect()
    } catch {
      preconditionFailure("a chunk that cannot throw threw \(error)")
    }
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
  private let base: UnsafeMutablePointer<Result<T, any Error>?>
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

  func store(_ result: Result<T, any Error>, at i: Int) {
    assert(i >= 0 && i < count, "slot out of range")
    base[i] = result
  }

  /// The results in order; call only after every chunk has finished.
  func collect() throws -> [T] {
    try (0..<count).map { i in
      guard let result = base[i] else { preconditionFailure("chunk \(i) did not run") }
      return try result.get()
    }
  }
}
