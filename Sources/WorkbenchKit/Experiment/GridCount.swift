/// Sizes of grids, counted without expanding them, saturating at `Int.max` instead of overflowing.
///
/// A few long grids multiply into more combinations than memory holds (five
/// axes of 10 000 values are 10²⁰ points, beyond `Int`), so the trial-count
/// limit is checked on these counts before any grid point is built.
enum GridCount {
  /// The product of `counts`, or `Int.max` when it does not fit.
  static func product(_ counts: [Int]) -> Int {
    counts.reduce(1) { product, count in
      let (result, overflow) = product.multipliedReportingOverflow(by: count)
      return overflow ? .max : result
    }
  }

  /// The sum of `counts`, or `Int.max` when it does not fit.
  static func sum(_ counts: [Int]) -> Int {
    counts.reduce(0) { total, count in
      let (result, overflow) = total.addingReportingOverflow(count)
      return overflow ? .max : result
    }
  }

  /// A count for a message: the number, or "more than 2⁶³" when it saturated.
  static func text(_ count: Int) -> String {
    count == .max ? "more than 2⁶³" : "\(count)"
  }
}
