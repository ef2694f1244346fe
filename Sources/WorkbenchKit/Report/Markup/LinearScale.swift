import Foundation

/// Maps a data interval onto a drawing interval linearly; a flat domain maps to the range's middle.
///
/// Differences are taken between halves, so a domain spanning nearly the
/// whole range of doubles (−1.6e308 to 1.6e308) does not overflow.
struct LinearScale: Sendable {
  /// The data interval.
  var low: Double, high: Double
  /// The drawing interval (`start` for `low`; may be reversed, as y axes are).
  var start: Double, end: Double

  func callAsFunction(_ value: Double) -> Double {
    guard high > low else { return (start + end) / 2 }
    return start + (value / 2 - low / 2) / (high / 2 - low / 2) * (end - start)
  }
}

/// Round tick values ("nice numbers": 1, 2 or 5 times a power of ten) covering an interval.
///
/// The step is the nice number nearest above span / `count`, and the covered
/// interval is extended to whole steps, so axes start and end on a tick.
/// A flat interval is widened by one unit (or a tenth of its value) each
/// way. Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990).
/// Near the largest doubles the work is done in units of 10¹⁰⁰ and ticks
/// that would overflow are capped at ±`greatestFiniteMagnitude`.
/// - Complexity: O(ticks).
enum NiceTicks {
  /// The ticks and the interval they cover, for data between `low` and `high`.
  static func covering(_ low: Double, _ high: Double, count: Int = 5) -> (ticks: [Double], low: Double, high: Double) {
    var (a, b) = (min(low, high), max(low, high))
    if !(a.isFinite && b.isFinite) { (a, b) = (0, 1) }
    if max(abs(a), abs(b)) > 1e300 {
      let unit = 1e100
      let scaled = covering(a / unit, b / unit, count: count)
      let ticks = scaled.ticks.map { min(max($0 * unit, -Double.greatestFiniteMagnitude), Double.greatestFiniteMagnitude) }
      return (ticks, ticks.first ?? a, ticks.last ?? b)
    }
    if b - a < 1e-12 * max(abs(a), 1) {
      let pad = a == 0 ? 1 : abs(a) / 10
      (a, b) = (a - pad, b + pad)
    }
    let rough = (b - a) / Double(max(count, 1))
    let magnitude = pow(10, (log10(rough)).rounded(.down))
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough * (1 - 1e-9) } ?? 10 * magnitude
    let first = (a / step).rounded(.down), last = (b / step).rounded(.up)
    let ticks = stride(from: first, through: last, by: 1).map { snap($0 * step, step: step) }
    return (ticks, ticks.first ?? a, ticks.last ?? b)
  }

  /// `value` with the rounding noise of `index × step` removed (0.30000000000000004 → 0.3).
  private static func snap(_ value: Double, step: Double) -> Double {
    let decimals = max(0, -Int((log10(step)).rounded(.down)) + 1)
    let scale = pow(10, Double(decimals))
    let snapped = (value * scale).rounded() / scale
    return snapped == 0 ? 0 : snapped
  }
}
