#ifndef WORKBENCH_KERNELS_H
#define WORKBENCH_KERNELS_H

/// Hot loops that need the CPU's vector instructions (AVX2 and FMA on
/// x86-64), which Swift cannot enable per function. Each kernel is compiled
/// twice, for the baseline and for AVX2 + FMA, and picks one at run time, so
/// one binary runs everywhere. Every value that decides a result is the same
/// on both paths; the few that may differ in the last bits are documented.

/// Cluster centers prepared once per assignment pass over many rows.
typedef struct {
  /// `count × columns`, row-major: the centers themselves.
  const double *centers;
  /// `columns × padded_count`, column `c` holding center `c` (zeros in the padding).
  const double *transposed;
  /// `padded_count` squared norms ‖c‖², +∞ in the padding.
  const double *norms;
  long count;
  /// `count` rounded up to a multiple of 4.
  long padded_count;
  long columns;
  /// The largest ‖c‖² (scales the rounding margin of the ranking); +∞ when a
  /// center is not finite, which sends every row to the exact distances.
  double largest_norm;
} wb_centers;

/// Labels `rows` consecutive rows of `x` (row-major, `centers->columns`
/// wide) with their nearest center: the lowest index among the smallest
/// squared Euclidean distances Σ (xⱼ − cⱼ)², each computed over four lanes
/// (lane l holding j ≡ l mod 4) added as ((l₀ + l₁) + (l₂ + l₃)) + tail with
/// products and sums rounded separately — Swift's `Distance.squaredEuclidean`.
///
/// Centers are ranked by the faster ‖c‖² − 2x·c (four rows at a time, all
/// centers in vector lanes). A row whose runner-up trails the winner by no
/// more than 8(d + 2)·2⁻⁵²·(‖x‖² + max ‖c‖²) is decided by the exact distances
/// to every center instead. That margin covers the rounding of the ranking
/// (a dot product of length d and two more operations) and of the exact
/// distances (each within γ_{d+2}·2(‖x‖² + ‖c‖²) of the true value) with a
/// factor 2 to spare, so the labels are those of the exact distances on any
/// instruction set. NaN anywhere in a row's scores sends it to the exact
/// path, where a NaN distance to center 0 gives label 0, as in Swift.
///
/// `row_norms` holds ‖x‖² of each row. Writes `labels[0..<rows]`; when
/// `sums` (`count × columns`) and `counts` (`count`) are not null, overwrites
/// them with the per-center sums of the labelled rows (added in row order,
/// each element rounded as a scalar addition) and the row counts. `scratch`
/// holds `4 × (padded_count + columns + 1)` doubles.
///
/// Returns the objective Σ ‖x − c_label‖², added in row order. With
/// `exact_objective` every term is the exact distance above (so the sum is
/// Swift's row-order inertia, bit for bit). Without it, rows decided by the
/// ranking contribute ‖x‖² + (‖c‖² − 2x·c), accurate to a few ulps of
/// ‖x‖² + ‖c‖² rather than of the distance (for data far from the origin
/// well beyond the inertia's own rounding, and not the same on both
/// instruction sets): cheap enough for progress reports.
double wb_assign_nearest(const double *x, const double *row_norms, long rows, const wb_centers *centers, long *labels,
                         double *sums, long *counts, int exact_objective, double *scratch);

/// ``wb_assign_nearest`` restricted to baseline instructions, whatever the CPU
/// offers; tests use it to prove both paths give the same labels and sums.
double wb_assign_nearest_baseline(const double *x, const double *row_norms, long rows, const wb_centers *centers,
                                  long *labels, double *sums, long *counts, int exact_objective, double *scratch);

#endif
