/// The colour scales of the heatmaps: diverging around 0 (blue below, orange above) and sequential (white to blue).
///
/// Both end in colours of ColorBrewer's PuOr scheme and Okabe & Ito's blue,
/// which stay distinguishable with the common colour vision deficiencies.
/// Colours are interpolated linearly in sRGB and written as `#rrggbb`.
enum ColourScale {
  /// A value in [−1, 1] (clipped) as a colour: −1 deep blue, 0 white, 1 deep orange.
  static func diverging(_ t: Double) -> String {
    let clipped = min(max(t.isFinite ? t : 0, -1), 1)
    return clipped < 0 ? mix(white, blue, -clipped) : mix(white, orange, clipped)
  }

  /// A value in [0, 1] (clipped) as a colour from white to blue.
  static func sequential(_ t: Double) -> String {
    mix(white, blue, min(max(t.isFinite ? t : 0, 0), 1))
  }

  /// Dark text on light cells, white text on dark ones (for a cell of `intensity` in [0, 1]).
  static func textColour(intensity: Double) -> String { abs(intensity) > 0.6 ? "#FFFFFF" : "#1A1A1A" }

  private static let white = (255.0, 255.0, 255.0)
  private static let blue = (33.0, 102.0, 172.0)
  private static let orange = (179.0, 88.0, 6.0)

  private static func mix(_ a: (Double, Double, Double), _ b: (Double, Double, Double), _ t: Double) -> String {
    func channel(_ x: Double, _ y: Double) -> String {
      let v = Int((x + (y - x) * t).rounded())
      let hex = String(v, radix: 16, uppercase: true)
      return hex.count == 1 ? "0" + hex : hex
    }
    return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
  }
}
