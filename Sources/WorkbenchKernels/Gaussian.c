#include "WorkbenchKernels.h"
#include "Vectors.h"

// Separately rounded + − × only: the same bits on every instruction set and every build.
#pragma clang fp contract(off)

/// Eight doubles: on AVX2 two registers, so the eight rows of a block give eight independent addition chains.
typedef double v8 __attribute__((ext_vector_type(8)));
/// Eight doubles read or written at any 8-byte aligned address.
typedef double v8u __attribute__((ext_vector_type(8), aligned(8)));

/// Σⱼ yⱼ² with yⱼ = Σᵢ≤ⱼ wⱼᵢ cᵢ (in increasing i), eight rows in lanes; `w` is `d × d` row-major.
///
/// Four consecutive yⱼ are built together so each cᵢ serves four of them; every yⱼ still adds its terms in
/// increasing i and the squares are added in increasing j, exactly as the one-row loop below.
WB_INLINE v8 triangular_squared_norm(const double *w, const v8u *c, long d) {
  v8 total = 0;
  long j = 0;
  for (; j + 4 <= d; j += 4) {
    v8 y0 = 0, y1 = 0, y2 = 0, y3 = 0;
    const double *w0 = w + j * d, *w1 = w0 + d, *w2 = w1 + d, *w3 = w2 + d;
    for (long i = 0; i <= j; i++) {
      const v8 ci = c[i];
      y0 = y0 + w0[i] * ci;
      y1 = y1 + w1[i] * ci;
      y2 = y2 + w2[i] * ci;
      y3 = y3 + w3[i] * ci;
    }
    y1 = y1 + w1[j + 1] * c[j + 1];
    y2 = y2 + w2[j + 1] * c[j + 1];
    y3 = y3 + w3[j + 1] * c[j + 1];
    y2 = y2 + w2[j + 2] * c[j + 2];
    y3 = y3 + w3[j + 2] * c[j + 2];
    y3 = y3 + w3[j + 3] * c[j + 3];
    total = total + y0 * y0;
    total = total + y1 * y1;
    total = total + y2 * y2;
    total = total + y3 * y3;
  }
  for (; j < d; j++) {
    v8 y = 0;
    for (long i = 0; i <= j; i++) y = y + w[j * d + i] * c[i];
    total = total + y * y;
  }
  return total;
}

WB_INLINE void wb_lower_quadratic_forms_body(const double *x, long rows, long d, const double *mean, const double *w, double *out,
                                          long stride, long offset, double *scratch) {
  v8u *c = (v8u *)scratch;
  long r = 0;
  for (; r + 8 <= rows; r += 8) {
    const double *block = x + r * d;
    long j = 0;
    for (; j + 4 <= d; j += 4) {
      v4 low[4], high[4];
      TRANSPOSE4(LOAD4(block + j), LOAD4(block + d + j), LOAD4(block + 2 * d + j), LOAD4(block + 3 * d + j), low);
      TRANSPOSE4(LOAD4(block + 4 * d + j), LOAD4(block + 5 * d + j), LOAD4(block + 6 * d + j), LOAD4(block + 7 * d + j), high);
      for (long q = 0; q < 4; q++) c[j + q] = __builtin_shufflevector(low[q], high[q], 0, 1, 2, 3, 4, 5, 6, 7) - mean[j + q];
    }
    for (; j < d; j++) {
      const v8 column = {block[j],         block[d + j],     block[2 * d + j], block[3 * d + j],
                         block[4 * d + j], block[5 * d + j], block[6 * d + j], block[7 * d + j]};
      c[j] = column - mean[j];
    }
    const v8 total = triangular_squared_norm(w, c, d);
    for (long lane = 0; lane < 8; lane++) out[(r + lane) * stride + offset] = total[lane];
  }
  for (; r < rows; r++) {
    const double *row = x + r * d;
    double total = 0;
    for (long j = 0; j < d; j++) {
      double y = 0;
      for (long i = 0; i <= j; i++) y = y + w[j * d + i] * (row[i] - mean[i]);
      total = total + y * y;
    }
    out[r * stride + offset] = total;
  }
}
WB_DISPATCH_AVX2_VOID(wb_lower_quadratic_forms,
                      (const double *x, long rows, long d, const double *mean, const double *w, double *out, long stride, long offset,
                       double *scratch),
                      (x, rows, d, mean, w, out, stride, offset, scratch))

/// Blocks of four rows centred (and weighted) at a time before their products are accumulated.
#define SCATTER_CHUNK_BLOCKS 128

long wb_weighted_scatter_scratch_count(long d) { return 4 * (d * d + 2 * SCATTER_CHUNK_BLOCKS * d); }

/// `a[j·d + i] += wc[b·d + j] · c[b·d + i]` for `width` consecutive lower-triangle entries from (j, i), blocks `b` in order.
///
/// The entries stay in registers while the blocks stream past; each entry adds its products in block order.
#define ACCUMULATE_ENTRIES(width)                                        \
  do {                                                                 \
    v4 s[width];                                                       \
    for (long e = 0; e < (width); e++) s[e] = LOAD4(a + 4 * (j * d + i + e)); \
    for (long b = 0; b < blocks; b++) {                                \
      const v4 weight = LOAD4(wc + 4 * (b * d + j));                   \
      const double *cb = c + 4 * (b * d + i);                          \
      for (long e = 0; e < (width); e++) s[e] = s[e] + weight * LOAD4(cb + 4 * e); \
    }                                                                  \
    for (long e = 0; e < (width); e++) STORE4(a + 4 * (j * d + i + e), s[e]); \
    i += (width);                                                      \
  } while (0)

/// Rows j and j + 1 of the triangle together: `wa` entries of row j and `wb` ≥ `wa` of row j + 1 from column i,
/// so each loaded c serves two entries and short rows still give enough independent addition chains.
#define ACCUMULATE_PAIR(wa, wb)                                                          \
  do {                                                                                   \
    v4 sa[4], sb[4];                                                                     \
    for (long e = 0; e < (wa); e++) sa[e] = LOAD4(a + 4 * (j * d + i + e));              \
    for (long e = 0; e < (wb); e++) sb[e] = LOAD4(a + 4 * ((j + 1) * d + i + e));        \
    for (long b = 0; b < blocks; b++) {                                                  \
      const v4 ua = LOAD4(wc + 4 * (b * d + j)), ub = LOAD4(wc + 4 * (b * d + j + 1));   \
      const double *cb = c + 4 * (b * d + i);                                            \
      for (long e = 0; e < (wb); e++) {                                                  \
        const v4 ce = LOAD4(cb + 4 * e);                                                 \
        if (e < (wa)) sa[e] = sa[e] + ua * ce;                                           \
        sb[e] = sb[e] + ub * ce;                                                         \
      }                                                                                  \
    }                                                                                    \
    for (long e = 0; e < (wa); e++) STORE4(a + 4 * (j * d + i + e), sa[e]);              \
    for (long e = 0; e < (wb); e++) STORE4(a + 4 * ((j + 1) * d + i + e), sb[e]);        \
    i += (wb);                                                                           \
  } while (0)

WB_INLINE void accumulate_scatter(double *a, const double *wc, const double *c, long blocks, long d) {
  if (blocks == 0) return;
  long j = 0;
  for (; j + 1 < d; j += 2) {
    long i = 0;
    while (i + 4 <= j + 1) ACCUMULATE_PAIR(4, 4);
    // What is left of row j (0 to 3 entries); row j + 1 has one more.
    switch (j + 1 - i) {
      case 0: ACCUMULATE_PAIR(0, 1); break;
      case 1: ACCUMULATE_PAIR(1, 2); break;
      case 2: ACCUMULATE_PAIR(2, 3); break;
      default: ACCUMULATE_PAIR(3, 4); break;
    }
  }
  if (j < d) {
    // The last row of an odd-sized triangle, on its own.
    long i = 0;
    while (i + 8 <= j + 1) ACCUMULATE_ENTRIES(8);
    if (i + 4 <= j + 1) ACCUMULATE_ENTRIES(4);
    if (i + 2 <= j + 1) ACCUMULATE_ENTRIES(2);
    if (i <= j) ACCUMULATE_ENTRIES(1);
  }
}

WB_INLINE void wb_add_weighted_scatter_body(const double *x, long rows, long d, const double *weights, long stride, long offset,
                                         const double *mean, double *scatter, double *scratch) {
  double *acc = scratch;
  double *centered = acc + 4 * d * d;
  double *weighted = centered + 4 * SCATTER_CHUNK_BLOCKS * d;
  for (long e = 0; e < 4 * d * d; e++) acc[e] = 0;
  long r = 0;
  while (r < rows) {
    long kept = 0;
    for (; r < rows && kept < SCATTER_CHUNK_BLOCKS; r += 4) {
      // Rows past the end of the data (in the last block) have weight 0 and centred value 0.
      const long lanes = rows - r < 4 ? rows - r : 4;
      v4 weight = 0;
      for (long lane = 0; lane < lanes; lane++) weight[lane] = weights[(r + lane) * stride + offset];
      const l4 nonzero = weight != 0;
      if (!(nonzero.x | nonzero.y | nonzero.z | nonzero.w)) continue;
      double *cb = centered + 4 * kept * d, *wb = weighted + 4 * kept * d;
      long j = 0;
      if (lanes == 4) {
        const double *block = x + r * d;
        for (; j + 4 <= d; j += 4) {
          v4 columns[4];
          TRANSPOSE4(LOAD4(block + j), LOAD4(block + d + j), LOAD4(block + 2 * d + j), LOAD4(block + 3 * d + j), columns);
          for (long q = 0; q < 4; q++) {
            const v4 cj = columns[q] - mean[j + q];
            STORE4(cb + 4 * (j + q), cj);
            STORE4(wb + 4 * (j + q), weight * cj);
          }
        }
      }
      for (; j < d; j++) {
        v4 value = mean[j];
        for (long lane = 0; lane < lanes; lane++) value[lane] = x[(r + lane) * d + j];
        const v4 cj = value - mean[j];
        STORE4(cb + 4 * j, cj);
        STORE4(wb + 4 * j, weight * cj);
      }
      kept += 1;
    }
    accumulate_scatter(acc, weighted, centered, kept, d);
  }
  for (long j = 0; j < d; j++) {
    for (long i = 0; i <= j; i++) {
      const v4 lanes = LOAD4(acc + 4 * (j * d + i));
      scatter[j * d + i] += (lanes.x + lanes.y) + (lanes.z + lanes.w);
    }
  }
}
WB_DISPATCH_AVX2_VOID(wb_add_weighted_scatter,
                      (const double *x, long rows, long d, const double *weights, long stride, long offset, const double *mean,
                       double *scatter, double *scratch),
                      (x, rows, d, weights, stride, offset, mean, scatter, scratch))

/// `total[j] += weight · row[j]` for `j < d`, each element rounded as the scalar operations would be.
WB_INLINE void add_scaled(double *restrict total, double weight, const double *restrict row, long d) {
  long j = 0;
  for (; j + 4 <= d; j += 4) STORE4(total + j, LOAD4(total + j) + weight * LOAD4(row + j));
  for (; j < d; j++) total[j] = total[j] + weight * row[j];
}

WB_INLINE void wb_weighted_sums_body(const double *x, long rows, long d, const double *weights, long k, double *counts,
                                     double *sums) {
  for (long c = 0; c < k; c++) counts[c] = 0;
  for (long e = 0; e < k * d; e++) sums[e] = 0;
  for (long r = 0; r < rows; r++) {
    for (long c = 0; c < k; c++) {
      const double weight = weights[r * k + c];
      counts[c] = counts[c] + weight;
      if (weight != 0) add_scaled(sums + c * d, weight, x + r * d, d);
    }
  }
}
WB_DISPATCH_AVX2_VOID(wb_weighted_sums,
                      (const double *x, long rows, long d, const double *weights, long k, double *counts, double *sums),
                      (x, rows, d, weights, k, counts, sums))

/// `total[j] += (weight · (row[j] − mean[j])) · (row[j] − mean[j])` for `j < d`, element by element.
WB_INLINE void add_weighted_squares(double *restrict total, double weight, const double *restrict row, const double *restrict mean,
                                    long d) {
  long j = 0;
  for (; j + 4 <= d; j += 4) {
    const v4 centered = LOAD4(row + j) - LOAD4(mean + j);
    STORE4(total + j, LOAD4(total + j) + weight * centered * centered);
  }
  for (; j < d; j++) {
    const double centered = row[j] - mean[j];
    total[j] = total[j] + weight * centered * centered;
  }
}

WB_INLINE void wb_weighted_squared_deviations_body(const double *x, long rows, long d, const double *weights, long k,
                                                   const double *means, double *squares) {
  for (long e = 0; e < k * d; e++) squares[e] = 0;
  for (long r = 0; r < rows; r++) {
    for (long c = 0; c < k; c++) {
      const double weight = weights[r * k + c];
      if (weight != 0) add_weighted_squares(squares + c * d, weight, x + r * d, means + c * d, d);
    }
  }
}
WB_DISPATCH_AVX2_VOID(wb_weighted_squared_deviations,
                      (const double *x, long rows, long d, const double *weights, long k, const double *means, double *squares),
                      (x, rows, d, weights, k, means, squares))
