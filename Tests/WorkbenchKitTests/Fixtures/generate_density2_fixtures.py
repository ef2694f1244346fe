#!/usr/bin/env python3
"""Reference values for the mean-shift, affinity-propagation and spectral tests, from scikit-learn.

Pinned versions (requirements-fixtures.txt beside this script):
    Python 3.11.7, scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1

Run from anywhere (after generate_fixtures.py has written the dataset fixtures):
    pip install -r Tests/WorkbenchKitTests/Fixtures/requirements-fixtures.txt
    python3 Tests/WorkbenchKitTests/Fixtures/generate_density2_fixtures.py

Datasets: Gaussian blobs generated here (continuous values, so no two
distances tie) and iris/wine standardized, read from iris-standardized.json
and wine-standardized.json (the exact doubles the Swift tests use).

mean-shift: `sklearn.cluster.MeanShift` for several settings. A bandwidth of
0 stands for scikit-learn's `bandwidth=None` (estimated with
`estimate_bandwidth(X)`, quantile 0.3, every row); the estimate is recorded.
A given bandwidth is passed as a Python float, as a user would, so bin seeds
are computed in float32 (numpy 2 keeps `float32 array * float` in float32).

affinity-propagation: `sklearn.cluster.AffinityPropagation` (euclidean
affinity) twice per setting: as shipped (random_state 0: scikit-learn adds
noise of relative size 1e-16 to the similarities, from numpy's generator,
which the workbench does not reproduce; it draws its own from the trial
seed), and with that noise removed (a RandomState whose standard_normal
returns zeros), which the workbench's message passing must match exactly:
exemplars, labels and iterations.

spectral: `sklearn.cluster.SpectralClustering(affinity="nearest_neighbors",
assign_labels="kmeans", random_state=0)` labels, and the smallest
eigenvalues of the normalized Laplacian of the same graph
(`scipy.sparse.csgraph.laplacian(normed=True)` of ½ (C + Cᵀ), C from
`kneighbors_graph(include_self=True)`), computed densely with
`scipy.linalg.eigh`, plus the graph's connected components.

Writes density2-reference.json next to this script. Floats are written with
repr, so they round-trip exactly.
"""

import json
import pathlib
import warnings

import numpy as np
import scipy
import scipy.linalg
from scipy.sparse import csgraph
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import euclidean_distances
from sklearn.cluster import AffinityPropagation, MeanShift, SpectralClustering, estimate_bandwidth
from sklearn.neighbors import kneighbors_graph

HERE = pathlib.Path(__file__).resolve().parent
EXPECTED_VERSIONS = {"sklearn": "1.9.1", "numpy": "2.4.6", "scipy": "1.17.1"}


def blobs():
    """Three Gaussian blobs in 3-D, 40 rows each, rows shuffled."""
    rng = np.random.default_rng(77)
    centers = np.array([[0, 0, 0], [5, 5, 0], [0, 6, 5]], dtype=float)
    x = np.concatenate([c + rng.normal(scale=0.8, size=(40, 3)) for c in centers])
    return x[rng.permutation(len(x))]


def load(name):
    return np.array(json.loads((HERE / f"{name}.json").read_text())["data"], dtype=np.float64)


def mean_shift_cases(x, settings):
    cases = []
    for s in settings:
        bandwidth = s.get("bandwidth", 0.0)
        model = MeanShift(
            bandwidth=float(bandwidth) if bandwidth > 0 else None,
            bin_seeding=s.get("bin_seeding", False), min_bin_freq=s.get("min_bin_freq", 1),
            cluster_all=s.get("cluster_all", True), max_iter=s.get("max_iter", 300)).fit(x)
        used = float(bandwidth) if bandwidth > 0 else float(estimate_bandwidth(x))
        cases.append({
            "bandwidth": float(bandwidth), "bin_seeding": s.get("bin_seeding", False), "min_bin_freq": s.get("min_bin_freq", 1),
            "cluster_all": s.get("cluster_all", True), "max_iter": s.get("max_iter", 300),
            "used_bandwidth": used, "labels": model.labels_.tolist(), "centers": model.cluster_centers_.tolist(),
            "n_iter": int(model.n_iter_),
        })
    return cases


class NoNoise(np.random.RandomState):
    """A RandomState whose standard_normal gives zeros: AffinityPropagation without its tie-breaking noise."""

    def standard_normal(self, size=None):
        return np.zeros(size)


def affinity_cases(x, settings):
    cases = []
    for s in settings:
        kwargs = {"damping": s.get("damping", 0.5), "max_iter": s.get("max_iter", 200), "convergence_iter": s.get("convergence_iter", 15)}
        if "preference" in s:
            kwargs["preference"] = s["preference"]
        case = {**kwargs, "preference": s.get("preference", "median")}
        for key, state in (("noise_free", NoNoise(0)), ("shipped", 0)):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                model = AffinityPropagation(random_state=state, **kwargs).fit(x)
            case[key] = {"labels": model.labels_.tolist(), "exemplars": np.asarray(model.cluster_centers_indices_, dtype=int).tolist(),
                         "n_iter": int(model.n_iter_)}
        case["median"] = float(np.median(-euclidean_distances(x, squared=True)))
        cases.append(case)
    return cases


def spectral_cases(x, settings):
    cases = []
    for k, neighbors in settings:
        connectivity = kneighbors_graph(x, n_neighbors=neighbors, include_self=True)
        affinity = 0.5 * (connectivity + connectivity.T)
        laplacian = csgraph.laplacian(affinity, normed=True).toarray()
        eigenvalues = scipy.linalg.eigh(laplacian, eigvals_only=True)[:k]
        components = csgraph.connected_components(affinity, directed=False)[0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            model = SpectralClustering(n_clusters=k, affinity="nearest_neighbors", n_neighbors=neighbors, assign_labels="kmeans",
                                       random_state=0).fit(x)
        cases.append({"k": k, "n_neighbors": neighbors, "labels": model.labels_.tolist(), "eigenvalues": eigenvalues.tolist(),
                      "components": int(components)})
    return cases


def main():
    versions = {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__}
    for name, expected in EXPECTED_VERSIONS.items():
        if versions[name] != expected:
            raise SystemExit(f"{name} {versions[name]} is installed; these fixtures are pinned to {expected}")
    datasets = {"blobs": blobs(), "iris-standardized": load("iris-standardized"), "wine-standardized": load("wine-standardized")}
    mean_shift_settings = {
        "blobs": [{}, {"bin_seeding": True}, {"bandwidth": 1.5, "bin_seeding": True, "min_bin_freq": 3}, {"bandwidth": 1.2, "cluster_all": False}],
        "iris-standardized": [{}, {"bin_seeding": True}, {"bandwidth": 0.9, "cluster_all": False}, {"bandwidth": 1.1, "bin_seeding": True, "max_iter": 5}],
        "wine-standardized": [{}, {"bandwidth": 2.6, "bin_seeding": True, "min_bin_freq": 2}, {"bandwidth": 2.2, "cluster_all": False}],
    }
    affinity_settings = {
        "blobs": [{}, {"damping": 0.9}, {"preference": -50.0}, {"max_iter": 20}],
        "iris-standardized": [{}, {"damping": 0.8, "preference": -20.0}, {"convergence_iter": 5}],
        "wine-standardized": [{}, {"damping": 0.7}, {"preference": -100.0, "damping": 0.9}],
    }
    spectral_settings = {
        "blobs": [(3, 10), (3, 5), (4, 15)],
        "iris-standardized": [(2, 10), (3, 10), (3, 20)],
        "wine-standardized": [(3, 10), (3, 25)],
    }
    out = {"versions": versions, "generator": pathlib.Path(__file__).name, "datasets": {}}
    for name, x in datasets.items():
        entry = {"mean_shift": mean_shift_cases(x, mean_shift_settings[name]),
                 "affinity_propagation": affinity_cases(x, affinity_settings[name]),
                 "spectral": spectral_cases(x, spectral_settings[name])}
        if name == "blobs":
            entry["data"] = x.tolist()
        out["datasets"][name] = entry
    path = HERE / "density2-reference.json"
    path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
