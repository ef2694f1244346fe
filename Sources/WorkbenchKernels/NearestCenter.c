#include "WorkbenchKernels.h"

#include <math.h>
#include <string.h>

typedef double v4 __attribute__((ext_vector_type(4)));
/// Four doubles read or written at any 8-byte aligned address.
typedef double v4u __attribute__((ext_vector_type(4), aligned(8)));

#define LOAD4(p) (*(const v4u *)(p))

/// Σ (aⱼ − bⱼ)² in the documented lane order; separately rounded (no fused multiply-add).
static inline __attribute__((always_inline)) double exact_distance(const double *a, const double *b, long d) {
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
static inline __attribute__((always_inline)) long exact_nearest(const double *row, const wb_centers *c, double *distance) {
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

/// ‖c‖² − 2x·c for `tile` (1–4) rows against every padded center, into `scores[r * padded + c]`.
static inline __attribute__((always_inline)) void rank_tile(const double *x, long tile, const wb_centers *c, double *scores) {
  const long d = c->columns, padded = c->padded_count;
  for (long block = 0; block < padded; block += 4) {
    v4 acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
    const double *column = c->transposed + block;
    if (tile == 4) {
      for (long j = 0; j < d; j++) {
        v4 w = LOAD4(column + j * padded);
        acc0 += x[j] * w;
        acc1 += x[d + j] * w;
        acc2 += x[2 * d + j] * w;
        acc3 += x[3 * d + j] * w;
      }
    } else {
      for (long j = 0; j < d; j++) {
        v4 w = LOAD4(column + j * padded);
        acc0 += x[j] * w;
        if (tile > 1) acc1 += x[d + j] * w;
        if (tile > 2) acc2 += x[2 * d + j] * w;
      }
    }
    v4 norms = LOAD4(c->norms + block);
    *(v4u *)(scores + block) = norms - 2 * acc0;
    if (tile > 1) *(v4u *)(scores + padded + block) = norms - 2 * acc1;
    if (tile > 2) *(v4u *)(scores + 2 * padded + block) = norms - 2 * acc2;
    if (tile > 3) *(v4u *)(scores + 3 * padded + block) = norms - 2 * acc3;
  }
}

static inline __attribute__((always_inline)) double assign_body(const double *x, long rows, const wb_centers *c, long *labels,
                                                               double *sums, long *counts, double *scratch) {
  const long d = c->columns, k = c->count, padded = c->padded_count;
  // Rounding bound of the ranking form against the exact distances (see the Swift caller's documentation).
  const double margin_scale = 8.0 * (double)(d + 2) * 0x1p-52;
  if (sums) {
    memset(sums, 0, sizeof(double) * (size_t)(k * d));
    memset(counts, 0, sizeof(long) * (size_t)k);
  }
  double total = 0;
  for (long start = 0; start < rows; start += 4) {
    const long tile = rows - start < 4 ? rows - start : 4;
    const double *block = x + start * d;
    rank_tile(block, tile, c, scratch);
    for (long r = 0; r < tile; r++) {
      const double *row = block + r * d;
      const double *scores = scratch + r * padded;
      long best = 0;
      double first = scores[0], second = INFINITY;
      for (long j = 1; j < k; j++) {
        double s = scores[j];
        if (s < first) {
          second = first;
          first = s;
          best = j;
        } else if (s < second) {
          second = s;
        }
      }
      double norm = 0;
      for (long j = 0; j < d; j++) norm += row[j] * row[j];
      double distance;
      if (second - first > margin_scale * (norm + c->largest_norm)) {
        distance = exact_distance(row, c->centers + best * d, d);
      } else {
        best = exact_nearest(row, c, &distance);
      }
      labels[start + r] = best;
      total += distance;
      if (sums) {
        counts[best] += 1;
        double *sum = sums + best * d;
        for (long j = 0; j < d; j++) sum[j] += row[j];
      }
    }
  }
  return total;
}

double wb_assign_nearest_baseline(const double *x, long rows, const wb_centers *c, long *labels, double *sums, long *counts,
                                  double *scratch) {
  return assign_body(x, rows, c, labels, sums, counts, scratch);
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) static double assign_avx2(const double *x, long rows, const wb_centers *c, long *labels,
                                                              double *sums, long *counts, double *scratch) {
  return assign_body(x, rows, c, labels, sums, counts, scratch);
}
#endif

double wb_assign_nearest(const double *x, long rows, const wb_centers *centers, long *labels, double *sums, long *counts,
                         double *scratch) {
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    return assign_avx2(x, rows, centers, labels, sums, counts, scratch);
  }
#endif
  return wb_assign_nearest_baseline(x, rows, centers, labels, sums, counts, scratch);
}
