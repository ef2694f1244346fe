#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The executor of the running thread, kept in thread-local storage.
///
/// Set for the caller of ``Executor/run(threads:_:)`` and for the executor's
/// workers, so a parallel loop deep inside a kernel finds the pool without a
/// parameter on every function in between.
enum CurrentExecutor {
  /// The thread-local slot; holds an unretained pointer to an executor that outlives every use (see ``with(_:_:)``).
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key, nil)
    precondition(status == 0, "cannot create the executor's thread-local key")
    return key
  }()

  /// The running thread's executor, if any.
  static var value: Executor? {
    guard let raw = pthread_getspecific(key) else { return nil }
    return Unmanaged<Executor>.fromOpaque(raw).takeUnretainedValue()
  }

  /// Runs `body` with `executor` as the running thread's executor, restoring the previous one after.
  static func with<R>(_ executor: Executor, _ body: () throws -> R) rethrows -> R {
    let previous = pthread_getspecific(key)
    pthread_setspecific(key, Unmanaged.passUnretained(executor).toOpaque())
    defer { pthread_setspecific(key, previous) }
    return try withExtendedLifetime(executor) { try body() }
  }
}
