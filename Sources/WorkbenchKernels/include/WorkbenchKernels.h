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


// MARK: Exponentials
//
// eˣ by our own code rather than the C library's (a different variant per CPU): x = n·ln 2 + r with
// n = round(x / ln 2) (Cody–Waite, ln 2 split so n·ln2_high is exact), eʳ by its Taylor series to degree 13
// on |r| ≤ ln 2 / 2 (truncation below 5·10⁻¹⁸ relative), 2ⁿ from its bit pattern. Every operation is a
// separately rounded +, − or ×, so the bits are the same on every instruction set and build; the result
// is within 2 ulps of the C library over the whole range. NaN gives NaN, +∞ gives +∞, −∞ gives 0; results
// above the largest double are +∞ and below the smallest subnormal 0; subnormal results are scaled in two
// steps (at most one extra rounding). The kernel below runs four values at a time, with AVX2 where the CPU
// has it, and gives exactly `wb_exp` of each value.

/// eˣ.
double wb_exp(double x);

/// Normalises each of `rows` rows of `k` log values vᵢ (row-major) in place into log probabilities, and
/// writes the probabilities to `linear` (same layout); returns the sum of the rows' normalisers, added in
/// row order. With m the row's largest value (NaN never is), eᵢ = `wb_exp`(vᵢ − m) and s = Σ eᵢ (in index
/// order), the normaliser is m + log s (the C library's log), the log probabilities vᵢ − (m + log s) and
/// the probabilities eᵢ / s, which sum to 1 more closely than exp of the log probabilities would. A row
/// whose m is not finite (all −∞, or a +∞) has normaliser m and becomes vᵢ − m and `wb_exp` of that
/// (NaN or ±∞, for the caller to report). Rows run four at a time in vector lanes, each exactly as it
/// would alone.
double wb_normalize_log_rows(double *logs, long rows, long k, double *linear);
double wb_normalize_log_rows_baseline(double *logs, long rows, long k, double *linear);

// MARK: Gaussian forms
//
// The quadratic forms and weighted scatter of a Gaussian mixture's E and M steps. Each value is computed
// with separately rounded operations in a fixed order that does not depend on the instruction set, so
// both paths give the same bits.

/// For each of `rows` rows `x` (row-major, `d` wide) the quadratic form ‖W (x − mean)‖², written to
/// `out[row · stride + offset]`. `w` is `d × d` row-major and only its lower triangle is read. Per row:
/// yⱼ = Σᵢ≤ⱼ wⱼᵢ (xᵢ − meanᵢ) adding in increasing i, then Σⱼ yⱼ² adding in increasing j. `scratch` holds
/// `8 · d` doubles.
void wb_lower_quadratic_forms(const double *x, long rows, long d, const double *mean, const double *w, double *out, long stride,
                              long offset, double *scratch);
void wb_lower_quadratic_forms_baseline(const double *x, long rows, long d, const double *mean, const double *w, double *out,
                                       long stride, long offset, double *scratch);

/// The doubles of scratch `wb_add_weighted_scatter` needs for `d` columns.
long wb_weighted_scatter_scratch_count(long d);

/// Adds Σᵣ weightᵣ (xᵣ − mean)(xᵣ − mean)ᵀ to the lower triangle of `scatter` (`d × d`, row-major), the
/// weight of row r being `weights[r · stride + offset]`. Rows are taken in blocks of four, one per lane
/// (a partial last block is padded with weight 0); blocks whose four weights are 0 add nothing. Each entry
/// adds weightᵣ·cⱼ·cᵢ (as (weightᵣ·cⱼ)·cᵢ, c = x − mean) lane by lane over the blocks in order, and the
/// four lanes are added as (l₀ + l₁) + (l₂ + l₃) into `scatter`. `scratch` holds
/// `wb_weighted_scatter_scratch_count(d)` doubles.
void wb_add_weighted_scatter(const double *x, long rows, long d, const double *weights, long stride, long offset, const double *mean,
                             double *scatter, double *scratch);
void wb_add_weighted_scatter_baseline(const double *x, long rows, long d, const double *weights, long stride, long offset,
                                      const double *mean, double *scatter, double *scratch);

/// For each of `k` components c, `counts[c]` = Σᵣ wᵣc and `sums[c · d + j]` = Σᵣ wᵣc · xᵣⱼ, with wᵣc =
/// `weights[r · k + c]` (a row-major `rows × k` matrix) and x row-major `rows × d`; rows are added in order
/// and zero weights add nothing to `sums`. Both outputs are overwritten.
void wb_weighted_sums(const double *x, long rows, long d, const double *weights, long k, double *counts, double *sums);
void wb_weighted_sums_baseline(const double *x, long rows, long d, const double *weights, long k, double *counts, double *sums);

/// For each component c, `squares[c · d + j]` = Σᵣ (wᵣc · (xᵣⱼ − μcⱼ)) · (xᵣⱼ − μcⱼ), with μ = `means`
/// (`k × d`), rows added in order, zero weights skipped. `squares` is overwritten.
void wb_weighted_squared_deviations(const double *x, long rows, long d, const double *weights, long k, const double *means,
                                    double *squares);
void wb_weighted_squared_deviations_baseline(const double *x, long rows, long d, const double *weights, long k, const double *means,
                                             double *squares);

#endif
