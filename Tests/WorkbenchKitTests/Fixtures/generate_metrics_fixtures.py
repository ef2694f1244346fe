#!/usr/bin/env python3
"""Reference values from scikit-learn for the metrics and `workbench evaluate` tests.

Pinned versions (requirements-fixtures.txt beside this script):
    Python 3.11.7, scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1

Run from anywhere:
    python3 Tests/WorkbenchKitTests/Fixtures/generate_metrics_fixtures.py

Writes, next to this script:
  metrics-iris.json, metrics-wine.json, metrics-blobs-noise.json
      the data, several label sets (truth, k-means, random, a singleton cluster,
      a single cluster, noise rows), and for each: silhouette (on non-noise rows,
      with per-row values), every external metric against the truth (all rows,
      noise -1 kept as its own cluster), and the contingency table.
  metrics-internal-extra.json
      simplified silhouette and Dunn index (numpy/scipy formulas; scikit-learn
      has neither) for the same label sets, and GaussianMixture fits with their
      total log-likelihood, parameter count, bic() and aic(); and fuzzy
      partitions (seeded Dirichlet memberships, weighted centers, m = 2 and 1.5)
      with the Xie-Beni index from its formula.
  metrics-student-t.json
      scipy's t quantiles for the 95 % interval of subsampled silhouettes.
  evaluate-blobs.json
      a data CSV, a labels CSV in the runner's format (with excluded rows),
      and every metric scikit-learn gives on the scored rows, raw and
      standard-scaled: the acceptance data for `workbench evaluate --json`.
Floats are written with repr (shortest round trip), so the tests read
back bit-identical inputs.
"""

import json
import pathlib

import numpy as np
import scipy
import sklearn
from scipy.stats import t as student_t
from sklearn.cluster import KMeans
from scipy.spatial.distance import cdist
from sklearn.datasets import load_iris, load_wine, make_blobs
from sklearn.mixture import GaussianMixture
from sklearn.metrics import (
    adjusted_mutual_info_score,
    adjusted_rand_score,
    completeness_score,
    fowlkes_mallows_score,
    homogeneity_score,
    normalized_mutual_info_score,
    silhouette_samples,
    silhouette_score,
    v_measure_score,
)
from sklearn.metrics.cluster import contingency_matrix
from sklearn.preprocessing import StandardScaler

HERE = pathlib.Path(__file__).resolve().parent
EXPECTED = {"sklearn": "1.9.1", "numpy": "2.4.6", "scipy": "1.17.1"}


def check_versions():
    found = {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__}
    if found != EXPECTED:
        raise SystemExit(f"expected {EXPECTED}, found {found}; install requirements-fixtures.txt")


def floats(values):
    return [float(v) for v in values]


def purity(truth, labels):
    c = contingency_matrix(truth, labels)
    return float(c.max(axis=0).sum() / c.sum())


def external(truth, labels):
    """Every external metric on the rows whose truth is not None (noise -1 is a cluster)."""
    keep = [i for i, t in enumerate(truth) if t is not None]
    t = np.array([truth[i] for i in keep])
    l = np.array([labels[i] for i in keep])
    return {
        "ari": float(adjusted_rand_score(t, l)),
        "ami": float(adjusted_mutual_info_score(t, l)),
        "nmi": float(normalized_mutual_info_score(t, l)),
        "homogeneity": float(homogeneity_score(t, l)),
        "completeness": float(completeness_score(t, l)),
        "v-measure": float(v_measure_score(t, l)),
        "v-measure-beta-2": float(v_measure_score(t, l, beta=2.0)),
        "fowlkes-mallows": float(fowlkes_mallows_score(t, l)),
        "purity": purity(t, l),
    }


def internal(x, labels):
    """Silhouette on the non-noise rows, as the workbench defines it; None where scikit-learn raises."""
    labels = np.asarray(labels)
    keep = labels >= 0
    xk, lk = x[keep], labels[keep]
    k = len(np.unique(lk))
    if k < 2 or k >= len(lk):
        return {"silhouette": None, "silhouette_samples": None}
    samples = silhouette_samples(xk, lk)
    full = [None] * len(labels)
    for i, s in zip(np.flatnonzero(keep), samples):
        full[i] = float(s)
    return {"silhouette": float(silhouette_score(xk, lk)), "silhouette_samples": full}


def case(name, x, truth, labels):
    labels = [int(v) for v in labels]
    out = {"name": name, "labels": labels}
    out.update(internal(x, labels))
    out["external"] = external(truth, labels)
    keep = [i for i, t in enumerate(truth) if t is not None]
    c = contingency_matrix(np.array([truth[i] for i in keep]), np.array([labels[i] for i in keep]))
    out["contingency"] = c.tolist()
    return out


def dataset(name, x, truth, extra_cases):
    rng = np.random.RandomState(7)
    n = len(x)
    km = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(x)
    singleton = km.copy()
    singleton[0] = km.max() + 1
    cases = [
        case("truth-codes", x, truth, np.unique(truth, return_inverse=True)[1]),
        case("kmeans-3", x, truth, km),
        case("random-4", x, truth, rng.randint(0, 4, n)),
        case("singleton", x, truth, singleton),
        case("single-cluster", x, truth, np.zeros(n, dtype=int)),
    ] + [case(cname, x, truth, labels) for cname, labels in extra_cases]
    return {"name": name, "data": [floats(r) for r in x], "truth": truth, "cases": cases}


def simplified_silhouette(x, labels):
    labels = np.asarray(labels)
    keep = labels >= 0
    xk, lk = x[keep], labels[keep]
    groups = np.unique(lk)
    if len(groups) < 2 or len(groups) >= len(lk):
        return None
    means = np.array([xk[lk == g].mean(axis=0) for g in groups])
    d = cdist(xk, means)
    own = np.searchsorted(groups, lk)
    a = d[np.arange(len(lk)), own]
    d[np.arange(len(lk)), own] = np.inf
    b = d.min(axis=1)
    scale = np.maximum(a, b)
    s = np.where(scale > 0, (b - a) / np.where(scale > 0, scale, 1), 0.0)
    sizes = np.array([np.sum(lk == g) for g in groups])
    s[sizes[own] == 1] = 0.0
    return float(s.mean())


def dunn(x, labels):
    labels = np.asarray(labels)
    keep = labels >= 0
    xk, lk = x[keep], labels[keep]
    groups = np.unique(lk)
    if len(groups) < 2 or len(groups) >= len(lk):
        return None
    d = cdist(xk, xk)
    same = lk[:, None] == lk[None, :]
    diameter = d[same].max()
    if diameter == 0:
        return None
    return float(d[~same].min() / diameter)


def extra(x, cases):
    return [
        {"name": c["name"], "labels": c["labels"], "simplified_silhouette": simplified_silhouette(x, c["labels"]), "dunn": dunn(x, c["labels"])}
        for c in cases
    ]


def mixtures(x):
    out = []
    for k in [2, 3, 4]:
        gm = GaussianMixture(n_components=k, random_state=0).fit(x)
        n = x.shape[0]
        out.append(
            {
                "k": k,
                "rows": n,
                "log_likelihood": float(gm.score(x) * n),
                "parameter_count": int(gm._n_parameters()),
                "bic": float(gm.bic(x)),
                "aic": float(gm.aic(x)),
            }
        )
    return out


def xie_beni_cases(x):
    rng = np.random.RandomState(5)
    out = []
    for k, m in [(3, 2.0), (4, 1.5)]:
        u = rng.dirichlet(np.ones(k), size=x.shape[0])
        w = u**m
        centers = (w.T @ x) / w.sum(axis=0)[:, None]
        compact = sum(w[i, c] * np.sum((x[i] - centers[c]) ** 2) for i in range(x.shape[0]) for c in range(k))
        sep = min(np.sum((centers[c] - centers[e]) ** 2) for c in range(k) for e in range(c + 1, k))
        out.append(
            {"m": m, "memberships": u.tolist(), "centers": centers.tolist(), "xie_beni": float(compact / (x.shape[0] * sep))}
        )
    return out


def write(name, obj):
    obj["generator"] = "Tests/WorkbenchKitTests/Fixtures/generate_metrics_fixtures.py"
    obj["versions"] = dict(EXPECTED)
    (HERE / name).write_text(json.dumps(obj, indent=1) + "\n")


def main():
    check_versions()
    iris = load_iris()
    x = iris.data
    truth = [str(iris.target_names[t]) for t in iris.target]
    missing = list(truth)
    for i in range(0, len(missing), 10):
        missing[i] = None
    iris_fixture = dataset("iris", x, truth, [])
    # Missing truth values: external metrics compare only the rows that have one.
    km = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(x)
    iris_fixture["missing_truth"] = {"truth": missing, "labels": [int(v) for v in km], "external": external(missing, km)}
    write("metrics-iris.json", iris_fixture)
    extras = {"iris": {"data": iris_fixture["data"], "cases": extra(x, iris_fixture["cases"]), "mixtures": mixtures(x), "fuzzy": xie_beni_cases(x)}}

    wine = load_wine()
    xw = StandardScaler().fit_transform(wine.data)
    wine_fixture = dataset("wine-standardized", xw, [f"class_{t}" for t in wine.target], [])
    write("metrics-wine.json", wine_fixture)
    extras["wine"] = {"data": wine_fixture["data"], "cases": extra(xw, wine_fixture["cases"]), "mixtures": mixtures(xw)}

    xb, yb = make_blobs(n_samples=400, centers=5, n_features=6, cluster_std=1.5, random_state=3)
    noisy = yb.copy()
    noisy[::9] = -1
    rng = np.random.RandomState(11)
    many = rng.randint(0, 40, len(xb))
    blobs_fixture = dataset("blobs-noise", xb, [f"c{t}" for t in yb], [("noise-every-9th", noisy), ("random-40", many)])
    write("metrics-blobs-noise.json", blobs_fixture)
    extras["blobs-noise"] = {"data": blobs_fixture["data"], "cases": extra(xb, blobs_fixture["cases"]), "mixtures": []}
    # A labelling whose clusters are single repeated points: Dunn is undefined (diameter 0).
    extras["zero-diameter"] = {
        "data": [[0.0, 0.0], [0.0, 0.0], [3.0, 4.0], [3.0, 4.0]],
        "cases": extra(np.array([[0.0, 0.0], [0.0, 0.0], [3.0, 4.0], [3.0, 4.0]]), [{"name": "pairs", "labels": [0, 0, 1, 1]}]),
        "mixtures": [],
    }
    write("metrics-internal-extra.json", extras)

    write(
        "metrics-student-t.json",
        {"quantiles_975": [{"df": df, "t": float(student_t.ppf(0.975, df))} for df in [1, 2, 9, 30, 31, 40, 60, 100, 999]]},
    )

    # `workbench evaluate`: ids are strings, a truth column, a labels file whose
    # excluded rows have an empty label and an excluded_by step.
    xe, ye = make_blobs(n_samples=120, centers=3, n_features=4, cluster_std=2.0, random_state=5)
    ids = [f"cust-{i:04d}" for i in range(len(xe))]
    labels = KMeans(n_clusters=4, n_init=10, random_state=1).fit_predict(xe).astype(int)
    labels[::13] = -1
    excluded = set(range(5, len(xe), 17))
    data_lines = ["customer,f1,f2,f3,f4,segment"] + [
        ",".join([ids[i]] + [repr(float(v)) for v in xe[i]] + [f"s{ye[i]}"]) for i in range(len(xe))
    ]
    label_lines = ["customer,label,excluded_by"] + [
        f"{ids[i]},,1:remove-outliers" if i in excluded else f"{ids[i]},{labels[i]}," for i in range(len(xe))
    ]
    scored = [i for i in range(len(xe)) if i not in excluded]
    ls = labels[scored]
    truth = [f"s{ye[i]}" for i in scored]
    expected = {}
    for scale in ["none", "standard"]:
        xs = xe[scored] if scale == "none" else StandardScaler().fit_transform(xe[scored])
        values = internal(xs, ls)
        del values["silhouette_samples"]
        values.update(external(truth, ls))
        del values["v-measure-beta-2"]
        expected[scale] = values
    write(
        "evaluate-blobs.json",
        {
            "data_csv": "\n".join(data_lines) + "\n",
            "labels_csv": "\n".join(label_lines) + "\n",
            "excluded_rows": len(excluded),
            "scored_rows": len(scored),
            "noise_rows": int((ls == -1).sum()),
            "expected": expected,
        },
    )


if __name__ == "__main__":
    main()
