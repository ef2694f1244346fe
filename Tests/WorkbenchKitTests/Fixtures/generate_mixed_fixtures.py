#!/usr/bin/env python3
"""Reference values for k-medoids, Gower dissimilarity and k-prototypes (the mixed-data algorithms).

Pinned versions (also in requirements-fixtures.txt beside this script):
    Python 3.11.7, numpy 2.4.6, scipy 1.17.1, kmedoids 0.5.5, kmodes 0.12.2
    (scikit-learn 1.9.1 and joblib come in with kmodes)

Run from anywhere:
    pip install -r Tests/WorkbenchKitTests/Fixtures/requirements-fixtures.txt
    python3 Tests/WorkbenchKitTests/Fixtures/generate_mixed_fixtures.py

Writes, next to this script:

* gower-reference.json: a small mixed table (numeric columns, one of them
  constant, and categorical columns) with its full Gower dissimilarity matrix
  as R's cluster::daisy(metric = "gower") defines it, plus new rows (one with
  an unseen level, values outside the fit range) against the fit rows scaled
  with the fit rows' ranges (which daisy itself cannot do). `daisy_gower` below
  re-implements daisy's formula (see its docstring) with numpy, step for step;
  generate_r_fixtures.R runs R's own daisy on this table (gower-daisy.json),
  and GowerTests checks GowerRows against both.
* kmedoids-reference.json: PAM (BUILD + SWAP, `kmedoids.pam`, the original
  algorithm from the authors of FastPAM) on Iris and Wine (standardized, the
  data of iris-standardized.json / wine-standardized.json) with Euclidean,
  Manhattan and cosine dissimilarities, and on the mixed table with Gower;
  and the alternating (Voronoi) k-medoids (`kmedoids.alternating`) from fixed
  initial medoids.
* kprototypes-reference.json: kmodes' KPrototypes on a mixed table from
  explicit initial centroids (numeric centroids + categorical codes), with the
  default gamma; and the categorical centroids Cao's initialisation picks.

Dissimilarity matrices are computed from exact differences (scipy's cdist), not
scikit-learn's dot-product expansion, whose ~1e-8 absolute error would move
PAM's sums. Floats are written with repr, so the Swift tests read back
bit-identical inputs.
"""

import importlib.metadata
import json
import pathlib

import kmedoids
import numpy as np
from kmodes.kprototypes import KPrototypes
from kmodes.util.dissim import matching_dissim
from kmodes.util.init_methods import init_cao
from scipy.spatial.distance import cdist

HERE = pathlib.Path(__file__).resolve().parent

EXPECTED_VERSIONS = {"numpy": "2.4.6", "scipy": "1.17.1", "kmedoids": "0.5.5", "kmodes": "0.12.2"}
MAX_ITER = 300


def versions():
    found = {name: importlib.metadata.version(name) for name in EXPECTED_VERSIONS}
    for name, want in EXPECTED_VERSIONS.items():
        if found[name] != want:
            raise SystemExit(f"{name} {found[name]} installed; the fixtures are pinned to {want}")
    return found


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def rows(m):
    return [floats(r) for r in np.asarray(m, dtype=np.float64)]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def mixed_table(seed, n_per_group):
    """Three groups of rows: numeric columns drawn around group means, categorical columns favouring a group level.

    Column 'const' is constant (range 0, which daisy replaces by 1).
    """
    rng = np.random.default_rng(seed)
    means = np.array([[0.0, 10.0], [3.0, 14.0], [-2.0, 20.0]])
    colours = ["blue", "green", "red"]
    sizes = ["large", "small"]
    numeric, colour, size, truth = [], [], [], []
    for g in range(3):
        for _ in range(n_per_group):
            x = means[g] + rng.normal(size=2) * np.array([1.0, 2.0])
            numeric.append([round(float(x[0]), 3), round(float(x[1]), 3), 7.5])
            colour.append(colours[g] if rng.random() < 0.8 else colours[rng.integers(3)])
            size.append(sizes[g % 2] if rng.random() < 0.75 else sizes[rng.integers(2)])
            truth.append(g)
    return np.array(numeric), [colour, size], truth


def codes_of(column):
    levels = sorted(set(column))
    return levels, [levels.index(v) for v in column]


def daisy_gower(num_fit, cat_fit, num_new=None, cat_new=None):
    """Gower dissimilarity as cluster::daisy(metric = "gower") computes it, without missing values, equal weights.

    daisy.q: colR <- apply(x, 2, range); sx <- colR[2,] - colR[1,]; sx[sx == 0] <- 1;
    x <- scale(x, center = colR[1,], scale = sx); then daisy.c sums, per pair, |x_i - x_j| for
    interval ("I") columns and (x_i != x_j) for nominal ("N") columns, and divides by the number of
    columns. Ranges come from the fit rows; new rows are scaled with them.
    """
    lo = num_fit.min(axis=0)
    sx = num_fit.max(axis=0) - lo
    sx[sx == 0] = 1.0
    a_num = (num_fit - lo) / sx
    b_num = a_num if num_new is None else (num_new - lo) / sx
    a_cat = np.array(cat_fit).T
    b_cat = a_cat if cat_new is None else np.array(cat_new).T
    p = num_fit.shape[1] + a_cat.shape[1]
    out = np.zeros((b_num.shape[0], a_num.shape[0]))
    for i in range(b_num.shape[0]):
        for j in range(a_num.shape[0]):
            total = 0.0
            for f in range(a_num.shape[1]):
                total += abs(b_num[i, f] - a_num[j, f])
            for f in range(a_cat.shape[1]):
                total += 1.0 if b_cat[i, f] != a_cat[j, f] else 0.0
            out[i, j] = total / p
    return out, lo, sx


def gower_fixture():
    numeric, categorical, _ = mixed_table(seed=3, n_per_group=4)
    levels_codes = [codes_of(c) for c in categorical]
    codes = [lc[1] for lc in levels_codes]
    d, lo, sx = daisy_gower(numeric, codes)
    new_numeric = np.array([[1.0, 12.0, 7.5], [10.0, -4.0, 9.0]])
    new_labels = [["green", "purple"], ["small", "large"]]
    new_codes = [[lc[0].index(v) if v in lc[0] else -1 for v in col] for lc, col in zip(levels_codes, new_labels)]
    d_new, _, _ = daisy_gower(numeric, codes, new_numeric, new_codes)
    return {
        "numeric": rows(numeric),
        "categorical": [{"name": name, "levels": lc[0], "codes": lc[1]} for name, lc in zip(["colour", "size"], levels_codes)],
        "minimums": floats(lo),
        "ranges": floats(sx),
        "dissimilarities": rows(d),
        "new_numeric": rows(new_numeric),
        "new_categorical": new_labels,
        "new_dissimilarities": rows(d_new),
    }


def pam_case(name, d, k):
    result = kmedoids.pam(d, k, max_iter=MAX_ITER, init="build")
    build = kmedoids.pam_build(d, k)
    return {
        "name": name,
        "k": k,
        "build_medoids": ints(build.medoids),
        "build_loss": float(build.loss),
        "medoids": ints(result.medoids),
        "labels": ints(result.labels),
        "loss": float(result.loss),
        "swaps": int(result.n_swap),
    }


def alternating_case(name, d, start):
    result = kmedoids.alternating(d, np.array(start, dtype=np.int64), max_iter=MAX_ITER)
    return {
        "name": name,
        "start": ints(start),
        "medoids": ints(result.medoids),
        "labels": ints(result.labels),
        "loss": float(result.loss),
    }


def kmedoids_fixture():
    out = {}
    for dataset in ["iris-standardized", "wine-standardized"]:
        x = np.array(json.loads((HERE / f"{dataset}.json").read_text())["data"], dtype=np.float64)
        cases = []
        for metric, scipy_name in [("euclidean", "euclidean"), ("manhattan", "cityblock"), ("cosine", "cosine")]:
            d = cdist(x, x, metric=scipy_name)
            if metric == "cosine":
                np.fill_diagonal(d, 0.0)
                d = np.clip(d, 0.0, 2.0)
            for k in ([2, 3, 4] if metric != "cosine" else [3]):
                case = pam_case(f"{metric} k={k}", d, k)
                case["metric"] = metric
                cases.append(case)
        d = cdist(x, x, metric="euclidean")
        alternating = []
        for k, seed in [(3, 0), (4, 1)]:
            start = np.random.default_rng(seed).choice(x.shape[0], size=k, replace=False)
            case = alternating_case(f"euclidean k={k} seed={seed}", d, start)
            case["metric"] = "euclidean"
            alternating.append(case)
        out[dataset] = {"pam": cases, "alternating": alternating}
    numeric, categorical, _ = mixed_table(seed=11, n_per_group=15)
    levels_codes = [codes_of(c) for c in categorical]
    d, _, _ = daisy_gower(numeric, [lc[1] for lc in levels_codes])
    mixed_cases = []
    for k in [2, 3, 4]:
        case = pam_case(f"gower k={k}", d, k)
        case["metric"] = "gower"
        mixed_cases.append(case)
    out["mixed"] = {
        "numeric": rows(numeric),
        "categorical": [{"name": name, "levels": lc[0], "codes": lc[1]} for name, lc in zip(["colour", "size"], levels_codes)],
        "pam": mixed_cases,
        "alternating": [dict(alternating_case("gower k=3", d, [0, 1, 2]), metric="gower")],
    }
    return out


def kprototypes_fixture():
    numeric, categorical, truth = mixed_table(seed=5, n_per_group=20)
    numeric = numeric[:, :2]
    levels_codes = [codes_of(c) for c in categorical]
    x = np.empty((numeric.shape[0], 4), dtype=object)
    x[:, 0:2] = numeric
    x[:, 2] = categorical[0]
    x[:, 3] = categorical[1]
    cat_codes = np.array([lc[1] for lc in levels_codes]).T
    cases = []
    for name, num_init, cat_init in [
        ("truth-like start", [[0.0, 10.0], [3.0, 14.0], [-2.0, 20.0]], [[0, 0], [1, 1], [2, 0]]),
        ("shuffled start", [[1.0, 12.0], [2.0, 16.0], [-1.0, 19.0]], [[1, 0], [0, 1], [2, 1]]),
    ]:
        model = KPrototypes(n_clusters=3, init=[np.array(num_init), np.array(cat_init)], n_init=1, max_iter=100)
        model.fit(x, categorical=[2, 3])
        # kmodes silently falls back to random starts when an explicit start leaves a cluster empty;
        # the Swift test starts from exactly these prototypes, so such a start would not be comparable.
        start_costs = ((numeric[:, None, :] - np.array(num_init)[None]) ** 2).sum(axis=2) + model.gamma * (
            cat_codes[:, None, :] != np.array(cat_init)[None]).sum(axis=2)
        if len(set(start_costs.argmin(axis=1))) != 3:
            raise SystemExit(f"the explicit start '{name}' leaves a cluster empty")
        cases.append({
            "name": name,
            "init_numeric": rows(num_init),
            "init_codes": [ints(r) for r in cat_init],
            "labels": ints(model.labels_),
            "cost": float(model.cost_),
            "iterations": int(model.n_iter_),
            "numeric_centroids": rows(model._enc_cluster_centroids[0]),
            "codes": [ints(r) for r in model._enc_cluster_centroids[1]],
            "gamma": float(model.gamma),
        })
    cao = [ints(r) for r in init_cao(cat_codes, 3, matching_dissim)]
    return {
        "numeric": rows(numeric),
        "categorical": [{"name": name, "levels": lc[0], "codes": lc[1]} for name, lc in zip(["colour", "size"], levels_codes)],
        "truth": truth,
        "default_gamma": float(0.5 * np.mean(numeric.astype(np.float64).std(axis=0))),
        "cao_codes_k3": cao,
        "explicit": cases,
    }


def write(name, payload, found):
    payload = dict(payload, generator="generate_mixed_fixtures.py", versions=found)
    (HERE / name).write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n")


def main():
    found = versions()
    write("gower-reference.json", gower_fixture(), found)
    write("kmedoids-reference.json", kmedoids_fixture(), found)
    write("kprototypes-reference.json", kprototypes_fixture(), found)


if __name__ == "__main__":
    main()
