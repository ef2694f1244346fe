/// Quantiles of Student's t distribution, for confidence intervals of means of a few repeats.
public enum StudentT {
  /// t₀.₉₇₅ for 1…30 degrees of freedom (scipy.stats.t.ppf(0.975, df), shortest round-trip form).
  private static let upper975: [Double] = [
    12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
    2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
    2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
    2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
    2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245, 2.0595385527532972,
    2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703, 2.0422724563012378,
  ]

  /// The 0.975 quantile of t with `degrees` degrees of freedom: the half-width factor of a two-sided 95 % interval.
  ///
  /// Exact table values (scipy) up to 30 degrees; beyond, the Cornish–Fisher
  /// expansion of Abramowitz & Stegun 26.7.5 to the ν⁻⁴ term, within
  /// 1.3e-8 relative of scipy at 31 degrees and closer as ν grows.
  /// Domain: `degrees ≥ 1` (checked).
  /// - Complexity: O(1).
  public static func quantile975(degrees: Int) -> Double {
    precondition(degrees >= 1, "t needs at least one degree of freedom")
    if degrees <= upper975.count { return upper975[degrees - 1] }
    let z = 1.959963984540054
    let v = Double(degrees)
    let z2 = z * z
    let g1 = (z2 + 1) * z / 4
    let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
    let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
    let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
    return z + (g1 + (g2 + (g3 + g4 / v) / v) / v) / v
  }
}
