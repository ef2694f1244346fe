extension SpecialFunctions {
  /// Magnitude below which a Lentz denominator is replaced, so a zero never divides.
  static let lentzTiny = 1e-300

  /// One step of the modified Lentz method for b₀ + a₁/(b₁ + a₂/(b₂ + …)): with the partial numerator `a` and
  /// denominator `b`, updates C = b + a/C and D = 1/(b + a·D) and returns the factor C·D the value is multiplied by.
  /// - SeeAlso: Press et al., *Numerical Recipes*, 3rd ed., §5.2.
  static func lentzStep(_ a: Double, _ b: Double, c: inout Double, d: inout Double) -> Double {
    d = b + a * d
    if abs(d) < lentzTiny { d = lentzTiny }
    c = b + a / c
    if abs(c) < lentzTiny { c = lentzTiny }
    d = 1 / d
    return d * c
  }
}
