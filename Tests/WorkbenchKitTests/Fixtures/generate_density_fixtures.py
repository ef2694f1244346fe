#!/usr/bin/env python3
"""Reference values for the dbscan, hdbscan and optics tests.

Pinned versions (requirements-fixtures.txt beside this script):
    Python 3.11.7, scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1, hdbscan 0.8.44

Run from anywhere (after generate_fixtures.py has written the dataset fixtures):
    pip install -r Tests/WorkbenchKitTests/Fixtures/requirements-fixtures.txt
    python3 Tests/WorkbenchKitTests/Fixtures/generate_density_fixtures.py

Data: three sets generated here (Gaussian blobs with uniform noise; blobs of
very different density; integer points with many duplicates and tied
distances) and the standardised Iris and Wine rows (iris-standardized.json,
wine-standardized.json, the exact doubles the Swift tests use). For each set
and a handful of settings it records:

- sklearn.cluster.DBSCAN: labels_.
- sklearn.cluster.HDBSCAN: labels_ and probabilities_; the `hdbscan` library's
  outlier_scores_ (GLOSH) and approximate_predict labels and probabilities
  for a few new rows. The library's core distance does not count the row
  itself, so it runs with min_samples one less than scikit-learn's, which
  gives the same clustering. Where mutual reachability distances tie, several
  spanning trees are minimal and a row joining two clusters at exactly the
  same height may go to either, or fall out of a cluster that is not
  selected (scikit-learn's choice follows its Prim order and NumPy's
  unstable argsort). Cases marked `exact` (min_samples 2 on data without
  duplicate rows, where a row's core distance is its nearest neighbour's
  distance and the spanning tree is unique) are compared value for value, with the library's
  outlier scores and predictions where its partition is scikit-learn's;
  the others list in `tied` the rows whose smallest mutual reachability
  reaches several clusters, which may then take any of them or noise. The
  duplicates set has no HDBSCAN cases: on its lattice nearly every distance
  ties, so the reference tree is one arbitrary choice among many (dbscan and
  optics, which do not depend on a spanning tree, are compared on it).
- sklearn.cluster.OPTICS: ordering_, reachability_, core_distances_,
  predecessor_ and labels_ (+inf written as null).

Writes density-reference.json next to this script. Floats are written with
repr, so they round-trip exactly.
"""

import json
import pathlib
import warnings

import hdbscan
import numpy as np
import sklearn
from hdbscan.prediction import approximate_predict
from sklearn.cluster import DBSCAN, HDBSCAN, OPTICS
from sklearn.neighbors import NearestNeighbors

HERE = pathlib.Path(__file__).resolve().parent
EXPECTED_VERSIONS = {"sklearn": sklearn.__version__ == "1.9.1", "numpy": np.__version__ == "2.4.6"}


def standardized(name):
    return np.array(json.loads((HERE / f"{name}.json").read_text())["data"], dtype=np.float64)


def generated():
    rng = np.random.default_rng(20261207)
    centers = np.array([[0.0, 0.0], [6.0, 1.0], [2.0, 7.0]])
    blobs = np.vstack([c + 0.7 * rng.standard_normal((100, 2)) for c in centers])
    noise = rng.uniform(-4, 10, size=(40, 2))
    varied_centers = np.array([[0.0, 0.0, 0.0], [8.0, 0.0, 0.0], [0.0, 12.0, 0.0]])
    spreads = [0.3, 1.0, 2.5]
    varied = np.vstack([c + s * rng.standard_normal((120, 3)) for c, s in zip(varied_centers, spreads)])
    duplicates = np.vstack([rng.integers(1, 7, size=(90, 2)), rng.integers(10, 14, size=(60, 2))]).astype(np.float64)
    return {
        "blobs-noise": np.vstack([blobs, noise]),
        "varied-density": varied,
        "duplicates": duplicates,
    }


def floats(values):
    return [None if not np.isfinite(v) else float(v) for v in values]


def ints(values):
    return [int(v) for v in values]


def tied_rows(x, labels, min_samples, metric):
    """Rows whose smallest mutual reachability to another cluster equals that to their own: either cluster is minimal."""
    core = NearestNeighbors(n_neighbors=min_samples, metric=metric).fit(x).kneighbors(x, min_samples)[0][:, -1]
    distances = sklearn.metrics.pairwise_distances(x, metric=metric)
    mr = np.maximum(np.maximum(core[:, None], core[None, :]), distances)
    np.fill_diagonal(mr, np.inf)
    tied = []
    for p in np.flatnonzero(labels >= 0):
        clustered = labels >= 0
        best = mr[p][clustered].min()
        choices = sorted(set(int(l) for l in labels[clustered & (mr[p] == best)]))
        if len(choices) > 1:
            tied.append({"row": int(p), "labels": choices})
    return tied


DBSCAN_CASES = [
    {"eps": 0.5, "min_samples": 5, "metric": "euclidean"},
    {"eps": 0.8, "min_samples": 10, "metric": "euclidean"},
    {"eps": 1.0, "min_samples": 4, "metric": "manhattan"},
    {"eps": 0.05, "min_samples": 5, "metric": "cosine"},
    {"eps": 1.5, "min_samples": 1, "metric": "euclidean"},
]

# min_samples 2 makes mutual reachability ties rare on continuous data (a row's core distance is its nearest
# neighbour's distance), so the spanning tree is unique and every value is compared exactly ("exact").
# With larger min_samples a row's core distance ties many edges and only the tie-tolerant label check applies.
HDBSCAN_CASES = [
    {"min_cluster_size": 5, "min_samples": 2},
    {"min_cluster_size": 10, "min_samples": 2, "cluster_selection_method": "leaf"},
    {"min_cluster_size": 10, "min_samples": 2, "cluster_selection_epsilon": 0.5},
    {"min_cluster_size": 8, "min_samples": 2, "allow_single_cluster": True},
    {"min_cluster_size": 5, "min_samples": 2, "max_cluster_size": 40},
    {"min_cluster_size": 6, "min_samples": 2, "metric": "manhattan"},
    {"min_cluster_size": 5},
    {"min_cluster_size": 15, "min_samples": 5},
    {"min_cluster_size": 10, "cluster_selection_method": "leaf"},
    {"min_cluster_size": 8, "allow_single_cluster": True},
]

OPTICS_CASES = [
    {"min_samples": 5},
    {"min_samples": 10, "xi": 0.1, "min_cluster_size": 15},
    {"min_samples": 8, "predecessor_correction": False},
    {"min_samples": 5, "max_eps": 1.0},
    {"min_samples": 5, "cluster_method": "dbscan", "eps": 0.6},
    {"min_samples": 6, "metric": "manhattan"},
]


def dbscan_case(x, case):
    labels = DBSCAN(**case).fit(x).labels_
    return {"params": case, "labels": ints(labels)}


def hdbscan_case(x, case, queries, distinct):
    fit = HDBSCAN(copy=True, **case).fit(x)
    min_samples = case.get("min_samples", case["min_cluster_size"])
    exact = distinct and min_samples <= 2
    out = {
        "params": case,
        "exact": exact,
        "labels": ints(fit.labels_),
        "probabilities": floats(fit.probabilities_),
        "tied": tied_rows(x, fit.labels_, min_samples, case.get("metric", "euclidean")),
        "library": None,
    }
    # The library's core distance leaves the row itself out: its min_samples = scikit-learn's - 1 gives the same
    # clustering. Its values are kept for exact cases where its partition is scikit-learn's, with its labels
    # translated to scikit-learn's numbering.
    library = hdbscan.HDBSCAN(prediction_data=True, **{**case, "min_samples": min_samples - 1}).fit(x)
    if exact and same_partition(fit.labels_, library.labels_):
        to_sklearn = {int(b): int(a) for a, b in zip(fit.labels_, library.labels_)}
        predicted, strengths = approximate_predict(library, queries)
        out["library"] = {
            "outlier_scores": floats(library.outlier_scores_),
            "predict_queries": queries.tolist(),
            "predict_labels": [to_sklearn.get(int(l), -1) if l >= 0 else -1 for l in predicted],
            "predict_probabilities": floats(strengths),
        }
    return out


def same_partition(a, b):
    pairs = set(zip(a.tolist(), b.tolist()))
    return len(pairs) == len(set(a.tolist())) == len(set(b.tolist())) and all((x == -1) == (y == -1) for x, y in pairs)


def optics_case(x, case):
    fit = OPTICS(**case).fit(x)
    return {
        "params": case,
        "ordering": ints(fit.ordering_),
        "reachability": floats(fit.reachability_),
        "core_distances": floats(fit.core_distances_),
        "predecessor": ints(fit.predecessor_),
        "labels": ints(fit.labels_),
    }


def main():
    warnings.simplefilter("ignore")
    if not all(EXPECTED_VERSIONS.values()):
        print("warning: versions differ from requirements-fixtures.txt:", sklearn.__version__, np.__version__)
    datasets = generated()
    datasets["iris-standardized"] = standardized("iris-standardized")
    datasets["wine-standardized"] = standardized("wine-standardized")
    rng = np.random.default_rng(7)
    out = {"generator": "generate_density_fixtures.py", "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "hdbscan": "0.8.44"}, "datasets": []}
    for name, x in datasets.items():
        queries = x[rng.choice(x.shape[0], 6, replace=False)] + 0.3 * rng.standard_normal((6, x.shape[1]))
        distinct = len(np.unique(x, axis=0)) == x.shape[0]
        out["datasets"].append({
            "name": name,
            "data": x.tolist(),
            "dbscan": [dbscan_case(x, c) for c in DBSCAN_CASES],
            "hdbscan": [] if name == "duplicates" else [hdbscan_case(x, c, queries, distinct) for c in HDBSCAN_CASES],
            "optics": [optics_case(x, c) for c in OPTICS_CASES],
        })
    (HERE / "density-reference.json").write_text(json.dumps(out, indent=None, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
