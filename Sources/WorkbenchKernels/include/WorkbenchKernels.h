#ifndef WORKBENCH_KERNELS_H
#define WORKBENCH_KERNELS_H

/// Hot loops that need the CPU's vector instructions (AVX2 and FMA on
/// x86-64), which Swift cannot enable per function. Each kernel is compiled
/// twice, for the baseline and for AVX2 + FMA, and picks one at run time, so
/// one binary runs everywhere. Results never depend on that choice: the
/// vector path only ranks candidates, and every value a caller sees is
/// computed in a fixed order with separately rounded operations.

/// Cluster centers prepared once per assignment pass over many rows.
typedef struct {
  /// `count × columns`, row-major: the centers themselves.
  const double *centers;
  /// `columns × padded_count`, column `c` holding center `c` (zeros in the padding).
  const double *transposed;
  /// `padded_count` squared norms ‖c‖², +∞ in the padding.
  const double *norms;
  long count;
  long padded_count;
  long columns;
  /// The largest finite ‖c‖² (sets the rounding margin of the ranking).
  double largest_norm;
} wb_centers;

/// Labels `rows` consecutive rows of `x` (row-major, `centers->columns`
/// wide) with their nearest center: the lowest index among the smallest
/// squared Euclidean distances, each distance computed as
/// Σ (xⱼ − cⱼ)² over four lanes (lane l holding j ≡ l mod 4) added as
/// ((l₀ + l₁) + (l₂ + l₃)) + tail, with products and sums rounded
/// separately. Candidates are ranked by the faster ‖c‖² − 2x·c; a row whose
/// best two candidates are closer than that form's rounding bound is
/// decided by the exact distances to every center instead, so the labels
/// are those of the exact distances. A row with a NaN distance to center 0
/// gets label 0.
///
/// Writes `labels[0..<rows]`; when `sums` (`count × columns`) and `counts`
/// (`count`) are not null, overwrites them with the per-center sums of the
/// labelled rows (added in row order) and the row counts. `scratch` holds
/// `4 × padded_count` doubles. Returns Σ of the rows' exact squared
/// distances to their centers, added in row order.
double wb_assign_nearest(const double *x, long rows, const wb_centers *centers, long *labels, double *sums,
                         long *counts, double *scratch);

/// ``wb_assign_nearest`` restricted to baseline instructions, whatever the CPU
/// offers; tests use it to prove both paths give identical results.
double wb_assign_nearest_baseline(const double *x, long rows, const wb_centers *centers, long *labels, double *sums,
                                  long *counts, double *scratch);

#endif
