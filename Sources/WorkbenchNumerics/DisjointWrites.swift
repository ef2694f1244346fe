/// A mutable buffer shared by concurrent chunks, each writing only its own range of indices.
///
/// The owner keeps the buffer alive (inside `withUnsafeMutableBufferPointer`)
/// until every chunk has finished; because ranges are disjoint, no lock is
/// needed. Index math is asserted.
struct DisjointWrites<Element>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<Element>?
  let count: Int

  init(_ buffer: UnsafeMutableBufferPointer<Element>) {
    base = buffer.baseAddress
    count = buffer.count
  }

  /// Writes `value` at `i`; `i` must lie in this chunk's range.
  @inline(__always)
  func store(_ value: Element, at i: Int) {
    assert(i >= 0 && i < count, "write \(i) out of 0..<\(count)")
    guard let base else { preconditionFailure("write into an empty buffer") }
    base[i] = value
  }
}
