#!/usr/bin/env python3
"""Reference values from scikit-learn for the WorkbenchKit tests, and the shipped datasets.

Pinned versions (also in requirements-fixtures.txt beside this script):
    Python 3.11.7, scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1,
    joblib 1.6.0, threadpoolctl 3.8.0

Run from anywhere:
    pip install -r Tests/WorkbenchKitTests/Fixtures/requirements-fixtures.txt
    python3 Tests/WorkbenchKitTests/Fixtures/generate_fixtures.py

Writes, next to this script, one JSON file per dataset variant
(iris-raw.json, iris-standardized.json, wine-raw.json, wine-standardized.json),
each holding the exact data used, reference metric values for several label
sets, and Lloyd k-means results from explicit initial centers. It also writes
experiments/data/iris.csv and experiments/data/wine.csv from scikit-learn's
bundled copies. Floats are written with repr (shortest round-trip form), so
the Swift tests read back bit-identical inputs and references.
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris, load_wine
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
DATA_DIR = REPO / "experiments" / "data"

EXPECTED_VERSIONS = {"sklearn": "1.9.1", "numpy": "2.4.6"}

# The k-means settings the Swift side uses by default (scikit-learn's names).
MAX_ITER = 300
TOL = 1e-4
N_INIT_PLUSPLUS = 10
# Several seeds, because k-means++ reaches different local optima: scikit-learn's
# own n_init=10 fit finds the best known wine (raw, k=4) optimum for only about
# half of its random states. The Swift test compares best against best.
PLUSPLUS_RANDOM_STATES = [0, 1, 2, 3, 4]


def snake_case(name):
    """'sepal length (cm)' -> 'sepal_length_cm'; 'od280/od315_of_diluted_wines' -> 'od280_od315_of_diluted_wines'."""
    out = []
    for ch in name.lower():
        out.append(ch if ch.isalnum() else "_")
    text = "".join(out)
    while "__" in text:
        text = text.replace("__", "_")
    return text.strip("_")


def write_csv(path, feature_names, x, truth_name, truth):
    lines = [",".join(["id"] + feature_names + [truth_name])]
    for i, (row, cls) in enumerate(zip(x, truth)):
        lines.append(",".join([str(i + 1)] + [repr(float(v)) for v in row] + [cls]))
    path.write_text("\n".join(lines) + "\n")


def inertia_from_labels(x, labels):
    """Sum of squared distances of each row to the mean of its label's rows."""
    total = 0.0
    for k in np.unique(labels):
        members = x[labels == k]
        total += float(((members - members.mean(axis=0)) ** 2).sum())
    return total


def davies_bouldin_exact(x, labels):
    """Davies-Bouldin with exact Euclidean distances (differences, not scikit-learn's dot-product expansion).

    scikit-learn computes row-to-centroid distances as sqrt(|x|^2 - 2 x.c + |c|^2), whose absolute error
    is about sqrt(eps * |x|^2): a singleton cluster gets a spread near 1e-8 instead of 0, which moves the
    score by up to ~1e-8 relative. The Swift metric uses exact distances, so both values are recorded.
    """
    groups = np.unique(labels)
    centroids = np.array([x[labels == k].mean(axis=0) for k in groups])
    spreads = np.array([np.sqrt(((x[labels == k] - centroids[i]) ** 2).sum(axis=1)).mean() for i, k in enumerate(groups)])
    separations = np.sqrt(((centroids[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2))
    if np.allclose(spreads, 0) or np.allclose(separations, 0):
        return 0.0
    separations[separations == 0] = np.inf
    return float(np.mean(np.max((spreads[:, None] + spreads) / separations, axis=1)))


def metric_case(name, x, labels):
    return {
        "name": name,
        "labels": [int(v) for v in labels],
        "silhouette": float(silhouette_score(x, labels, metric="euclidean")),
        "calinski_harabasz": float(calinski_harabasz_score(x, labels)),
        "davies_bouldin": float(davies_bouldin_score(x, labels)),
        "davies_bouldin_exact_distances": davies_bouldin_exact(x, labels),
        "inertia": inertia_from_labels(x, labels),
    }


def explicit_kmeans_case(name, x, init):
    model = KMeans(n_clusters=init.shape[0], init=init, n_init=1, algorithm="lloyd", max_iter=MAX_ITER, tol=TOL)
    model.fit(x)
    return {
        "name": name,
        "k": int(init.shape[0]),
        "init": init.tolist(),
        "max_iter": MAX_ITER,
        "tol": TOL,
        "labels": [int(v) for v in model.labels_],
        "centers": model.cluster_centers_.tolist(),
        "inertia": float(model.inertia_),
        "n_iter": int(model.n_iter_),
    }


def explicit_inits(x):
    """Initial centers chosen without randomness in our code: rows picked by a fixed numpy stream,
    plus one case whose third center is far from every row, so scikit-learn must relocate an empty cluster."""
    n = x.shape[0]
    cases = []
    for k in (2, 3, 4):
        rows = np.random.RandomState(k).choice(n, size=k, replace=False)
        cases.append((f"k{k}", x[np.sort(rows)].copy()))
    far = np.vstack([x[0], x[n - 1], x.max(axis=0) + 100.0 * (x.max(axis=0) - x.min(axis=0))])
    cases.append(("k3-far-center", far))
    return cases


def dataset_fixture(dataset, variant, feature_names, x, truth):
    explicit = [explicit_kmeans_case(name, x, init) for name, init in explicit_inits(x)]
    label_sets = [("truth", truth)]
    singleton = truth.copy()
    singleton[0] = truth.max() + 1
    label_sets.append(("truth-with-singleton", singleton))
    label_sets += [(f"kmeans-{case['name']}", np.array(case["labels"])) for case in explicit]
    plusplus = []
    for k in (2, 3, 4):
        inertias = [
            float(KMeans(
                n_clusters=k, init="k-means++", n_init=N_INIT_PLUSPLUS, algorithm="lloyd",
                max_iter=MAX_ITER, tol=TOL, random_state=state,
            ).fit(x).inertia_)
            for state in PLUSPLUS_RANDOM_STATES
        ]
        plusplus.append({"k": k, "n_init": N_INIT_PLUSPLUS, "random_states": PLUSPLUS_RANDOM_STATES,
                         "inertias": inertias, "best_inertia": min(inertias)})
    return {
        "generator": "Tests/WorkbenchKitTests/Fixtures/generate_fixtures.py",
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__},
        "dataset": dataset,
        "variant": variant,
        "feature_names": feature_names,
        "rows": int(x.shape[0]),
        "columns": int(x.shape[1]),
        "data": x.tolist(),
        "metrics": [metric_case(name, x, labels) for name, labels in label_sets],
        "kmeans_explicit": explicit,
        "kmeans_plusplus": plusplus,
    }


def standardized(x):
    """(x - mean) / std with population std, as StandardScaler does."""
    return (x - x.mean(axis=0)) / x.std(axis=0)


def main():
    found = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    if found != EXPECTED_VERSIONS:
        raise SystemExit(f"expected {EXPECTED_VERSIONS}, found {found}; install requirements-fixtures.txt")
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for dataset, loader, truth_name in (("iris", load_iris, "species"), ("wine", load_wine, "cultivar")):
        bunch = loader()
        names = [snake_case(n) for n in bunch.feature_names]
        x = np.asarray(bunch.data, dtype=np.float64)
        truth = np.asarray(bunch.target, dtype=np.int64)
        write_csv(DATA_DIR / f"{dataset}.csv", names, x, truth_name, [str(bunch.target_names[t]) for t in truth])
        for variant, values in (("raw", x), ("standardized", standardized(x))):
            fixture = dataset_fixture(dataset, variant, names, values, truth)
            text = json.dumps(fixture, indent=1, sort_keys=True) + "\n"
            (HERE / f"{dataset}-{variant}.json").write_text(text)


if __name__ == "__main__":
    main()
