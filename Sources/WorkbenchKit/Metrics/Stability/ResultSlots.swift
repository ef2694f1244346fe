import Synchronization

/// One slot per parallel task, filled in any order and read in index order.
final class ResultSlots<Value: Sendable>: Sendable {
  private let slots: Mutex<[Value?]>

  init(count: Int) {
    slots = Mutex(Array(repeating: nil, count: count))
  }

  /// Stores the result of task `index`.
  func set(_ index: Int, _ value: Value) {
    slots.withLock { $0[index] = value }
  }

  /// Every result, in index order; every slot must have been filled.
  var values: [Value] {
    slots.withLock { $0.map { $0! } }
  }
}
