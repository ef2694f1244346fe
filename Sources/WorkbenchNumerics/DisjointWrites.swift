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

  /// Calls `body` with the elements of `range` as one buffer; `range` must be this chunk's own.
  func withRange<R>(_ range: Range<Int>, _ body: (UnsafeMutableBufferPointer<Element>) -> R) -> R {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) out of 0..<\(count)")
    return body(UnsafeMutableBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count))
  }
}
