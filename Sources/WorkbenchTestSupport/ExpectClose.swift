import Testing

/// Records a Swift Testing issue at the caller when `observed` is not within `relative` of `expected`.
///
/// The message names both values and the relative error, so a failing
/// fixture comparison says by how much it missed. See ``Tolerance`` for the
/// definition of "close" and of `floor`.
public func expectClose(
  _ observed: Double, _ expected: Double, relative: Double, floor: Double = 1, _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let error = Tolerance.relativeError(observed, expected, floor: floor)
  #expect(
    error <= relative, "\(comment.map { "\($0): " } ?? "")\(observed) vs expected \(expected), relative error \(error) > \(relative)",
    sourceLocation: sourceLocation)
}

/// Records an issue at the caller when two arrays differ in length or any element is not close.
public func expectClose(
  _ observed: [Double], _ expected: [Double], relative: Double, floor: Double = 1, _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let error = Tolerance.maximumRelativeError(observed, expected, floor: floor)
  #expect(
    error <= relative,
    "\(comment.map { "\($0): " } ?? "")\(observed.count) values vs \(expected.count) expected, largest relative error \(error) > \(relative)",
    sourceLocation: sourceLocation)
}
