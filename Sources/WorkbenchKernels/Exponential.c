#include "WorkbenchKernels.h"
#include "Vectors.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

// Separately rounded + − × only: the same bits on every instruction set and every build.
#pragma clang fp contract(off)

// Literal constants of the reduction x = n·ln 2 + r.
#define LOG2E 1.4426950408889634
/// ln 2 to 32 significant bits (n · LN2_HIGH is exact for |n| < 2²⁰), and the rest.
#define LN2_HIGH 0.6931471803691238
#define LN2_LOW 1.9082149292705877e-10
/// 1.5 · 2⁵²: adding it rounds to an integer (ties to even) held in the low bits.
#define ROUNDING_SHIFT 6755399441055744.0

/// eʳ for |r| ≤ ln 2 / 2: the Taylor polynomial of degree 13 in Horner form (truncation below 5·10⁻¹⁸ relative).
WB_INLINE v4 series(v4 r) {
  v4 p = 1.0 / 6227020800.0;
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  return p * r + 1.0;
}

/// 2ⁿ for −1022 ≤ n ≤ 1023.
WB_INLINE double power_of_two(int64_t n) {
  uint64_t bits = (uint64_t)(n + 1023) << 52;
  double value;
  memcpy(&value, &bits, sizeof value);
  return value;
}

/// The bit pattern of `x` as a signed integer.
WB_INLINE int64_t bits_of(double x) {
  int64_t bits;
  memcpy(&bits, &x, sizeof bits);
  return bits;
}

/// eˣ for one value: the lane computation below plus two-step scaling at the ends of the range.
WB_INLINE double exp_scalar(double x) {
  if (isnan(x)) return x;
  if (x > 709.782712893384) return INFINITY;
  if (x < -745.1332191019412) return 0;
  const double shifted = x * LOG2E + ROUNDING_SHIFT;
  const double n = shifted - ROUNDING_SHIFT;
  const double r = (x - n * LN2_HIGH) - n * LN2_LOW;
  const int64_t exponent = bits_of(shifted) - bits_of(ROUNDING_SHIFT);
  const double p = series((v4)r).x;
  // 2ⁿ as 2^⌊n/2⌋ · 2^(n − ⌊n/2⌋): both factors are normal for every n reachable here.
  const int64_t half = exponent >> 1;
  return p * power_of_two(half) * power_of_two(exponent - half);
}

/// eˣ lane by lane. Inside [−708, 709] n lies in the normal exponents and 2ⁿ is one bit pattern; anything
/// else (NaN included, which fails every comparison) takes the scalar path, which agrees with the lanes
/// wherever both apply.
WB_INLINE v4 exp4(v4 x) {
  const l4 inside = (x >= -708.0) & (x <= 709.0);
  if (!(inside.x & inside.y & inside.z & inside.w)) {
    return (v4){exp_scalar(x.x), exp_scalar(x.y), exp_scalar(x.z), exp_scalar(x.w)};
  }
  const v4 shifted = x * LOG2E + ROUNDING_SHIFT;
  const v4 n = shifted - ROUNDING_SHIFT;
  const v4 r = (x - n * LN2_HIGH) - n * LN2_LOW;
  const l4 exponents = (l4)shifted - (l4)((v4)ROUNDING_SHIFT);
  const v4 scale = (v4)((exponents + 1023) << 52);
  return series(r) * scale;
}

double wb_exp(double x) { return exp_scalar(x); }

/// One row of the normalisation, on its own: the rule for the rows left over by the four-row blocks and for
/// blocks with a row whose largest value is not finite.
WB_INLINE double normalize_row(double *logs, double *linear, long k) {
  double m = -INFINITY;
  for (long c = 0; c < k; c++) {
    if (logs[c] > m) m = logs[c];
  }
  if (!isfinite(m)) {
    // No finite normaliser: the row becomes NaN (or ±∞), which callers report.
    for (long c = 0; c < k; c++) {
      logs[c] -= m;
      linear[c] = exp_scalar(logs[c]);
    }
    return m;
  }
  double sum = 0;
  for (long c = 0; c < k; c++) {
    linear[c] = exp_scalar(logs[c] - m);
    sum += linear[c];
  }
  const double norm = m + log(sum);
  for (long c = 0; c < k; c++) {
    logs[c] -= norm;
    linear[c] /= sum;
  }
  return norm;
}

WB_INLINE double wb_normalize_log_rows_body(double *logs, long rows, long k, double *linear) {
  double total = 0;
  long r = 0;
  // Four rows at a time, one per lane: each lane runs exactly the one-row computation above, so the
  // blocking changes no bit.
  for (; r + 4 <= rows; r += 4) {
    double *block = logs + r * k;
    double *out = linear + r * k;
    v4 m = -INFINITY;
    for (long c = 0; c < k; c++) {
      const v4 v = {block[c], block[k + c], block[2 * k + c], block[3 * k + c]};
      m = v > m ? v : m;
    }
    const l4 finite = (m > -INFINITY) & (m < INFINITY);
    if (!(finite.x & finite.y & finite.z & finite.w)) {
      for (long lane = 0; lane < 4; lane++) total += normalize_row(block + lane * k, out + lane * k, k);
      continue;
    }
    v4 sum = 0;
    for (long c = 0; c < k; c++) {
      const v4 v = {block[c], block[k + c], block[2 * k + c], block[3 * k + c]};
      const v4 e = exp4(v - m);
      sum = sum + e;
      for (long lane = 0; lane < 4; lane++) out[lane * k + c] = e[lane];
    }
    const v4 norm = m + (v4){log(sum.x), log(sum.y), log(sum.z), log(sum.w)};
    for (long lane = 0; lane < 4; lane++) {
      for (long c = 0; c < k; c++) {
        block[lane * k + c] -= norm[lane];
        out[lane * k + c] /= sum[lane];
      }
    }
    total += norm.x;
    total += norm.y;
    total += norm.z;
    total += norm.w;
  }
  for (; r < rows; r++) total += normalize_row(logs + r * k, linear + r * k, k);
  return total;
}
WB_DISPATCH_AVX2(double, wb_normalize_log_rows, (double *logs, long rows, long k, double *linear), (logs, rows, k, linear))
