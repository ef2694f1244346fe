#!/usr/bin/env python3
"""Reference values for gmm, kmeans (elkan), fuzzy-cmeans, minibatch-kmeans and bisecting-kmeans tests.

Pinned versions (requirements-fixtures.txt beside this script):
    Python 3.11.7, scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1, scikit-fuzzy 0.5.0

Run from anywhere (after generate_fixtures.py has written the dataset fixtures):
    pip install -r Tests/WorkbenchKitTests/Fixtures/requirements-fixtures.txt
    python3 Tests/WorkbenchKitTests/Fixtures/generate_algos2_fixtures.py

Inputs are read from iris-standardized.json and wine-standardized.json (the
exact doubles the Swift tests use). Writes algos2-reference.json next to this
script. Floats are written with repr, so they round-trip exactly.
"""

import json
import pathlib
import warnings

import numpy as np
import sklearn
import skfuzzy
from sklearn.cluster import BisectingKMeans, KMeans, MiniBatchKMeans
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture
from sklearn.mixture._gaussian_mixture import _estimate_gaussian_parameters

HERE = pathlib.Path(__file__).resolve().parent
EXPECTED_VERSIONS = {"sklearn": "1.9.1", "numpy": "2.4.6", "skfuzzy": "0.5.0"}
DATASETS = ["iris-standardized", "wine-standardized"]
COVARIANCE_TYPES = ["full", "tied", "diag", "spherical"]


def load(name):
    return np.array(json.loads((HERE / f"{name}.json").read_text())["data"], dtype=np.float64)


def gmm_start(x, k, covariance_type, reg_covar):
    """Starting weights, means and precisions as scikit-learn's own "kmeans" initialisation builds them,
    from the labels of KMeans(n_init=1, random_state=0), so the Swift side can pin the same start."""
    labels = KMeans(n_clusters=k, n_init=1, random_state=0).fit(x).labels_
    resp = np.zeros((x.shape[0], k))
    resp[np.arange(x.shape[0]), labels] = 1
    weights, means, covariances = _estimate_gaussian_parameters(x, resp, reg_covar, covariance_type)
    weights = weights / weights.sum()
    if covariance_type == "full":
        precisions = np.array([np.linalg.inv(c) for c in covariances])
        stacked = precisions.reshape(k * x.shape[1], x.shape[1])
    elif covariance_type == "tied":
        precisions = np.linalg.inv(covariances)
        stacked = precisions
    elif covariance_type == "diag":
        precisions = 1.0 / covariances
        stacked = precisions
    else:
        precisions = 1.0 / covariances
        stacked = precisions.reshape(k, 1)
    return weights, means, precisions, stacked


def gmm_case(x, k, covariance_type, max_iter, tol):
    reg_covar = 1e-6
    weights, means, precisions, stacked = gmm_start(x, k, covariance_type, reg_covar)
    model = GaussianMixture(
        n_components=k, covariance_type=covariance_type, tol=tol, reg_covar=reg_covar, max_iter=max_iter, n_init=1,
        weights_init=weights, means_init=means, precisions_init=precisions, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x)
    return {
        "k": k, "covariance_type": covariance_type, "max_iter": max_iter, "tol": tol, "reg_covar": reg_covar,
        "weights_init": [weights.tolist()], "means_init": means.tolist(), "precisions_init": stacked.tolist(),
        "n_iter": int(model.n_iter_), "converged": bool(model.converged_),
        "score": float(model.score(x)), "bic": float(model.bic(x)), "aic": float(model.aic(x)),
        "n_parameters": int(model._n_parameters()),
        "labels": [int(v) for v in model.predict(x)],
        "predict_proba": model.predict_proba(x).tolist() if max_iter == 100 else None,
        "weights": model.weights_.tolist(), "means": model.means_.tolist(),
    }


def elkan_cases(x):
    """KMeans(algorithm="elkan") from the same explicit centers as the Lloyd fixtures, for the record."""
    out = []
    for k in (2, 3, 4):
        rows = np.sort(np.random.RandomState(k).choice(x.shape[0], size=k, replace=False))
        model = KMeans(n_clusters=k, init=x[rows], n_init=1, algorithm="elkan", max_iter=300, tol=1e-4).fit(x)
        out.append({"k": k, "init": x[rows].tolist(), "labels": [int(v) for v in model.labels_],
                    "inertia": float(model.inertia_), "n_iter": int(model.n_iter_)})
    return out


def fuzzy_case(x, k, m, seed):
    """scikit-fuzzy's cmeans from initial memberships drawn here (columns normalised), so Swift can start from the same."""
    u0 = np.random.RandomState(seed).rand(k, x.shape[0])
    u0 = u0 / u0.sum(axis=0, keepdims=True)
    centers, u, _, _, jm, p, _ = skfuzzy.cluster.cmeans(x.T, k, m, error=1e-4, maxiter=300, init=u0.copy())
    return {"k": k, "m": m, "tol": 1e-4, "max_iter": 300, "initial_memberships": u0.T.tolist(),
            "centers": centers.tolist(), "memberships": u.T.tolist(), "iterations": int(p), "objective": float(jm[-1])}


MINIBATCH_RANDOM_STATES = list(range(20))


def minibatch_case(x, k):
    """MiniBatchKMeans with default settings (n_init=3 as the Swift default) over 20 random states: its inertia
    is a random variable, so the Swift test compares the distribution (median) rather than one draw."""
    inertias = [float(MiniBatchKMeans(n_clusters=k, n_init=3, random_state=s).fit(x).inertia_) for s in MINIBATCH_RANDOM_STATES]
    best = float(KMeans(n_clusters=k, n_init=10, random_state=0).fit(x).inertia_)
    return {"k": k, "random_states": MINIBATCH_RANDOM_STATES, "inertias": inertias,
            "median_inertia": float(np.median(inertias)), "kmeans_inertia": best}


BISECTING_RANDOM_STATES = list(range(20))


def bisecting_case(x, k, strategy):
    """BisectingKMeans with default settings (init="random", n_init=1) over 20 random states: which clusters the
    random 2-means starts reach varies with the state, so the Swift test compares the median and the best."""
    inertias = [float(BisectingKMeans(n_clusters=k, bisecting_strategy=strategy, random_state=s).fit(x).inertia_)
                for s in BISECTING_RANDOM_STATES]
    return {"k": k, "bisecting_strategy": strategy, "random_states": BISECTING_RANDOM_STATES, "inertias": inertias,
            "median_inertia": float(np.median(inertias)), "best_inertia": min(inertias)}


def main():
    found = {"sklearn": sklearn.__version__, "numpy": np.__version__, "skfuzzy": skfuzzy.__version__}
    if found != EXPECTED_VERSIONS:
        raise SystemExit(f"expected {EXPECTED_VERSIONS}, found {found}; install requirements-fixtures.txt")
    out = {"generator": "Tests/WorkbenchKitTests/Fixtures/generate_algos2_fixtures.py", "versions": found, "datasets": {}}
    for name in DATASETS:
        x = load(name)
        gmm = [gmm_case(x, 3, t, 100, 1e-3) for t in COVARIANCE_TYPES]
        gmm += [gmm_case(x, 4, t, 7, 0.0) for t in COVARIANCE_TYPES]
        fuzzy = [fuzzy_case(x, 3, 2.0, 0), fuzzy_case(x, 4, 1.5, 1), fuzzy_case(x, 2, 3.0, 2)]
        minibatch = [minibatch_case(x, k) for k in (3, 4)]
        bisecting = [bisecting_case(x, k, s) for k in (3, 4) for s in ("biggest_inertia", "largest_cluster")]
        out["datasets"][name] = {"gmm": gmm, "elkan": elkan_cases(x), "fuzzy_cmeans": fuzzy, "minibatch_kmeans": minibatch,
                                 "bisecting_kmeans": bisecting}
    (HERE / "algos2-reference.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
