#!/usr/bin/env python3
"""Reference values for the agglomerative and birch tests: scipy linkage matrices, scikit-learn labels.

Pinned versions (requirements-fixtures.txt beside this script):
    Python 3.11.7, scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1, fastcluster 1.3.0

Run from anywhere (after generate_fixtures.py has written the dataset fixtures):
    pip install -r Tests/WorkbenchKitTests/Fixtures/requirements-fixtures.txt
    python3 Tests/WorkbenchKitTests/Fixtures/generate_hierarchical_fixtures.py

Datasets: two generated here (Gaussian blobs with continuous values, so no two
distances are equal, and an integer grid with duplicate rows, full of ties),
and iris/wine, raw and standardized, read from iris-raw.json, ... (the exact
doubles the Swift tests use). For each dataset and linkage (ward, complete,
average, single; euclidean, and manhattan and cosine for the non-ward
linkages on some datasets) it records scipy's linkage matrix
(`scipy.cluster.hierarchy.linkage`), whether the case is tie-free (all
pairwise distances and all merge heights distinct to 1e-12 relative, so the
merge structure is unique), and the labels of
`sklearn.cluster.AgglomerativeClustering` for several `n_clusters` and
`distance_threshold` values. For every ward case, fastcluster's
`linkage_vector` (the memory-saving peer) must give the same matrix when the
case is tie-free; the script checks it (with ties the two break them
differently, and their trees differ on the grid). Birch cases record `sklearn.cluster.Birch` labels and
subcluster centers. scikit-learn's Birch compares near-tied distances with
the rounding of its BLAS; `blas` records the OpenBLAS core type used.

Writes hierarchical-reference.json next to this script. Floats are written
with repr, so they round-trip exactly.
"""

import json
import pathlib
import warnings

import fastcluster
import numpy as np
import scipy
import sklearn
import threadpoolctl
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import pdist
from sklearn.cluster import AgglomerativeClustering, Birch
from sklearn.exceptions import ConvergenceWarning

HERE = pathlib.Path(__file__).resolve().parent
EXPECTED_VERSIONS = {"sklearn": "1.9.1", "numpy": "2.4.6", "scipy": "1.17.1", "fastcluster": "1.3.0"}
LINKAGES = ["ward", "complete", "average", "single"]
OTHER_METRICS = {"blobs", "iris-raw", "wine-standardized"}
SCIPY_METRIC = {"euclidean": "euclidean", "manhattan": "cityblock", "cosine": "cosine"}
CLUSTER_COUNTS = [2, 3, 5]


def blobs():
    """Three Gaussian blobs in 4-D, 30 rows each, rows shuffled."""
    rng = np.random.default_rng(2024)
    centers = np.array([[0, 0, 0, 0], [4, 4, 0, 1], [0, 5, 5, -2]], dtype=float)
    x = np.concatenate([c + rng.normal(scale=0.9, size=(30, 4)) for c in centers])
    return x[rng.permutation(len(x))]


def grid_with_duplicates():
    """A 5 × 4 integer grid in 2-D, plus six of its points again: many equal distances and zero heights."""
    points = [[i, j] for i in range(5) for j in range(4)]
    return np.array(points + [points[k] for k in (0, 3, 7, 7, 12, 19)], dtype=float)


def load(name):
    return np.array(json.loads((HERE / f"{name}.json").read_text())["data"], dtype=np.float64)


def distinct(values):
    """True when no two values agree to 1e-12 relative (or 1e-300 absolute)."""
    v = np.sort(np.asarray(values))
    gaps = np.diff(v)
    return bool(np.all(gaps > 1e-12 * np.maximum(np.abs(v[1:]), 1e-300)))


def agglomerative_case(x, method, metric):
    z = linkage(x, method=method, metric=SCIPY_METRIC[metric])
    heights = z[:, 2]
    case = {
        "linkage": method,
        "metric": metric,
        "Z": z.tolist(),
        "tie_free": distinct(pdist(x, SCIPY_METRIC[metric])) and distinct(heights),
        "cuts": [],
        "thresholds": [],
    }
    for k in CLUSTER_COUNTS:
        model = AgglomerativeClustering(n_clusters=k, linkage=method, metric=metric).fit(x)
        case["cuts"].append({"k": k, "labels": model.labels_.tolist()})
    # Thresholds halfway between two well-separated merge heights near the top of the tree, so rounding in the
    # last bits of a height cannot move a merge across the threshold.
    gaps = [i for i in range(len(heights) - 2, 0, -1) if heights[i] - heights[i - 1] > 1e-6 * heights[i]]
    for i in gaps[1:4:2]:
        t = float((heights[i] + heights[i - 1]) / 2)
        model = AgglomerativeClustering(n_clusters=None, distance_threshold=t, linkage=method, metric=metric).fit(x)
        case["thresholds"].append({"distance_threshold": t, "n_clusters": int(model.n_clusters_), "labels": model.labels_.tolist()})
    if method == "ward" and case["tie_free"]:
        # With ties the two break them differently (on the grid their trees differ); without, they must agree.
        peer = fastcluster.linkage_vector(x, method="ward")
        assert np.array_equal(peer[:, [0, 1, 3]], z[:, [0, 1, 3]]), "fastcluster's ward tree differs from scipy's"
        assert np.allclose(peer[:, 2], heights, rtol=1e-12, atol=0), "fastcluster's ward heights differ from scipy's"
    return case


def birch_cases(x, settings):
    cases = []
    for threshold, branching_factor, k in settings:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model = Birch(threshold=threshold, branching_factor=branching_factor, n_clusters=k if k > 0 else None).fit(x)
        cases.append({
            "threshold": threshold, "branching_factor": branching_factor, "k": k,
            "labels": model.labels_.tolist(), "subcluster_centers": model.subcluster_centers_.tolist(),
        })
    return cases


def main():
    versions = {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
                "fastcluster": fastcluster.__version__}
    for name, expected in EXPECTED_VERSIONS.items():
        if versions[name] != expected:
            raise SystemExit(f"{name} {versions[name]} is installed; these fixtures are pinned to {expected}")
    datasets = {"blobs": blobs(), "grid-duplicates": grid_with_duplicates()}
    for name in ["iris-raw", "iris-standardized", "wine-raw", "wine-standardized"]:
        datasets[name] = load(name)
    birch_settings = {
        "blobs": [(0.5, 50, 3), (0.9, 4, 3), (0.9, 4, 0)],
        "grid-duplicates": [(0.6, 3, 4), (0.4, 50, 0)],
        "iris-raw": [(0.5, 50, 3), (0.3, 5, 3)],
        "iris-standardized": [(0.5, 50, 3), (0.4, 6, 0)],
        "wine-raw": [(25.0, 50, 3), (15.0, 5, 3)],
        "wine-standardized": [(1.5, 50, 3), (1.2, 8, 4), (1.2, 8, 0)],
    }
    out = {"versions": versions, "generator": pathlib.Path(__file__).name,
           "blas": [p.get("architecture") for p in threadpoolctl.threadpool_info() if p.get("user_api") == "blas"],
           "datasets": {}}
    for name, x in datasets.items():
        entry = {}
        if name in ("blobs", "grid-duplicates"):
            entry["data"] = x.tolist()
        metrics = ["euclidean", "manhattan", "cosine"] if name in OTHER_METRICS else ["euclidean"]
        entry["agglomerative"] = [
            agglomerative_case(x, method, metric)
            for method in LINKAGES for metric in metrics if method != "ward" or metric == "euclidean"
        ]
        entry["birch"] = birch_cases(x, birch_settings[name])
        out["datasets"][name] = entry
    path = HERE / "hierarchical-reference.json"
    path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
