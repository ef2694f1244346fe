#include "WorkbenchKernels.h"
#include "Vectors.h"

#include <math.h>
#include <string.h>

/// Σ (aⱼ − bⱼ)² in the documented lane order; separately rounded (no fused multiply-add).
WB_INLINE double exact_distance(const double *a, const double *b, long d) {
#pragma clang fp contract(off)
  v4 acc = 0;
  long j = 0;
  for (; j + 4 <= d; j += 4) {
    v4 diff = LOAD4(a + j) - LOAD4(b + j);
    acc = acc + diff * diff;
  }
  double tail = 0;
  for (; j < d; j++) {
    double diff = a[j] - b[j];
    tail = tail + diff * diff;
  }
  return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + tail;
}

/// The nearest center by exact distances (Swift's `Distance.nearest` rule: ties and NaN keep the lower index).
WB_INLINE long exact_nearest(const double *row, const wb_centers *c, double *distance) {
  long best = 0;
  double best_distance = exact_distance(row, c->centers, c->columns);
  for (long k = 1; k < c->count; k++) {
    double candidate = exact_distance(row, c->centers + k * c->columns, c->columns);
    if (candidate < best_distance) {
      best = k;
      best_distance = candidate;
    }
  }
  *distance = best_distance;
  return best;
}

/// ‖c‖² − 2x·c for four consecutive rows against every padded center, into `scores[c]` (lanes = the four rows).
WB_INLINE void rank_four_rows(const double *x, long d, const wb_centers *c, v4u *scores) {
  const long padded = c->padded_count;
  long block = 0;
  for (; block + 8 <= padded; block += 8) {
    v4 a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
    const double *column = c->transposed + block;
    for (long j = 0; j < d; j++) {
      v4 w = LOAD4(column + j * padded), v = LOAD4(column + j * padded + 4);
      double x0 = x[j], x1 = x[d + j], x2 = x[2 * d + j], x3 = x[3 * d + j];
      a0 += x0 * w;
      b0 += x0 * v;
      a1 += x1 * w;
      b1 += x1 * v;
      a2 += x2 * w;
      b2 += x2 * v;
      a3 += x3 * w;
      b3 += x3 * v;
    }
    v4 n = LOAD4(c->norms + block), m = LOAD4(c->norms + block + 4);
    TRANSPOSE4(n - 2 * a0, n - 2 * a1, n - 2 * a2, n - 2 * a3, scores + block);
    TRANSPOSE4(m - 2 * b0, m - 2 * b1, m - 2 * b2, m - 2 * b3, scores + block + 4);
  }
  if (block < padded) {
    v4 a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    const double *column = c->transposed + block;
    for (long j = 0; j < d; j++) {
      v4 w = LOAD4(column + j * padded);
      a0 += x[j] * w;
      a1 += x[d + j] * w;
      a2 += x[2 * d + j] * w;
      a3 += x[3 * d + j] * w;
    }
    v4 n = LOAD4(c->norms + block);
    TRANSPOSE4(n - 2 * a0, n - 2 * a1, n - 2 * a2, n - 2 * a3, scores + block);
  }
}

/// `sum[j] += row[j]` for every column, each element rounded as a scalar addition would be.
WB_INLINE void add_row(double *restrict sum, const double *restrict row, long d) {
  long j = 0;
  for (; j + 4 <= d; j += 4) *(v4u *)(sum + j) = LOAD4(sum + j) + LOAD4(row + j);
  for (; j < d; j++) sum[j] += row[j];
}

WB_INLINE double assign_body(const double *x, const double *row_norms, long rows,
                                                               const wb_centers *c, long *labels, double *sums, long *counts,
                                                               int exact_objective, double *scratch) {
  const long d = c->columns, k = c->count, padded = c->padded_count;
  // Rounding bound of the ranking form against the exact distances, relative to ‖x‖² + max ‖c‖² (see the header).
  const double margin_scale = 8.0 * (double)(d + 2) * 0x1p-52;
  if (sums) {
    memset(sums, 0, sizeof(double) * (size_t)(k * d));
    memset(counts, 0, sizeof(long) * (size_t)k);
  }
  v4u *scores = (v4u *)scratch;
  double *tail = scratch + 4 * padded;
  double total = 0;
  for (long start = 0; start < rows; start += 4) {
    const long tile = rows - start < 4 ? rows - start : 4;
    const double *block = x + start * d;
    v4 norm;
    if (tile == 4) {
      rank_four_rows(block, d, c, scores);
      norm = LOAD4(row_norms + start);
    } else {
      memset(tail, 0, sizeof(double) * (size_t)(4 * d + 4));
      memcpy(tail, block, sizeof(double) * (size_t)(tile * d));
      memcpy(tail + 4 * d, row_norms + start, sizeof(double) * (size_t)tile);
      rank_four_rows(tail, d, c, scores);
      norm = LOAD4(tail + 4 * d);
    }
    // Lanes are the tile's rows; a strictly smaller score takes first place, so ties keep the lower index.
    v4 first = scores[0], second = INFINITY, best = 0;
    for (long j = 1; j < k; j++) {
      v4 s = scores[j];
      v4 was = first;
      first = s < first ? s : first;
      best = s < was ? (double)j : best;
      second = s < was ? was : (s < second ? s : second);
    }
    // A lane is decided when the runner-up trails by more than the rounding bound; NaN anywhere fails the test.
    const v4 margin = margin_scale * (norm + c->largest_norm);
    const l4 decided = (second - first) > margin;
    if (tile == 4 && (decided.x & decided.y & decided.z & decided.w)) {
      const l4 label = __builtin_convertvector(best, l4);
      *(l4u *)(labels + start) = label;
      if (exact_objective) {
        for (long r = 0; r < 4; r++) total += exact_distance(block + r * d, c->centers + label[r] * d, d);
      } else {
        const v4 objective = norm + first;
        total = (((total + objective.x) + objective.y) + objective.z) + objective.w;
      }
      if (sums) {
        for (long r = 0; r < 4; r++) {
          counts[label[r]] += 1;
          add_row(sums + label[r] * d, block + r * d, d);
        }
      }
      continue;
    }
    for (long r = 0; r < tile; r++) {
      const double *row = block + r * d;
      long label;
      if (decided[r]) {
        label = (long)best[r];
        total += exact_objective ? exact_distance(row, c->centers + label * d, d) : norm[r] + first[r];
      } else {
        double distance;
        label = exact_nearest(row, c, &distance);
        total += distance;
      }
      labels[start + r] = label;
      if (sums) {
        counts[label] += 1;
        add_row(sums + label * d, row, d);
      }
    }
  }
  return total;
}

double wb_assign_nearest_baseline(const double *x, const double *row_norms, long rows, const wb_centers *c, long *labels,
                                  double *sums, long *counts, int exact_objective, double *scratch) {
  return assign_body(x, row_norms, rows, c, labels, sums, counts, exact_objective, scratch);
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) static double assign_avx2(const double *x, const double *row_norms, long rows,
                                                              const wb_centers *c, long *labels, double *sums, long *counts,
                                                              int exact_objective, double *scratch) {
  return assign_body(x, row_norms, rows, c, labels, sums, counts, exact_objective, scratch);
}
#endif

double wb_assign_nearest(const double *x, const double *row_norms, long rows, const wb_centers *centers, long *labels,
                         double *sums, long *counts, int exact_objective, double *scratch) {
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    return assign_avx2(x, row_norms, rows, centers, labels, sums, counts, exact_objective, scratch);
  }
#endif
  return wb_assign_nearest_baseline(x, row_norms, rows, centers, labels, sums, counts, exact_objective, scratch);
}
