/// One-dimensional minimisers ported from SciPy, so fitted parameters match SciPy's to rounding.
///
/// ``brent(bracketing:_:)`` is `scipy.optimize.brent` (downhill bracket search, then
/// Brent's parabolic/golden-section method); ``bounded(_:_:)`` is
/// `scipy.optimize.fminbound`. Both follow SciPy 1.17's control flow and
/// constants step by step: the same function values give the same iterates.
public enum Minimize {}
