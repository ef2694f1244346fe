#!/usr/bin/env python3
"""The scikit-learn baseline of `workbench bench --compare`: the same workloads on the same files.

`workbench bench` generates the data and writes `bench-<size>.json` (paths and
shared settings) into its cache folder; this script reads that manifest, runs
one workload (untimed warm-ups, then timed repetitions) and prints one JSON
measurement in the shape the workbench's own children print:

    {"implementation": "scikit-learn", "workload": ..., "size": ..., "rows": ...,
     "columns": ..., "seconds": [...], "iterations": [...] | null,
     "peak_rss_bytes": ..., "skipped": null, "notes": [...], "environment": {...}}

Run it without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE so OpenBLAS picks this
machine's own kernel (`workbench bench --compare` removes them for this
command only):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 \
        experiments/benchmarks/sklearn_baseline.py --manifest .bench-cache/bench-L.json --workload kmeans

Pinned packages: experiments/benchmarks/requirements.txt.
"""

import argparse
import json
import os
import platform
import resource
import sys
import time
import warnings

import fastcluster
import joblib
import numpy as np
import pandas as pd
import scipy
import sklearn
import threadpoolctl
from sklearn import metrics
from scipy.cluster.hierarchy import fcluster
from sklearn.cluster import (
    OPTICS, AffinityPropagation, Birch, BisectingKMeans, KMeans, MeanShift, MiniBatchKMeans, SpectralClustering,
)
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import adjusted_rand_score, calinski_harabasz_score, davies_bouldin_score, silhouette_score
from sklearn.mixture import GaussianMixture

WORKLOADS = ["csv-load", "kmeans", "gmm", "silhouette", "grid"]


class FastclusterWard:
    """fastcluster's memory-saving Ward (`linkage_vector`), cut into k clusters: the fastest Ward peer.

    scikit-learn's AgglomerativeClustering builds scipy's n × n matrix instead (about 6× slower and 17× the
    memory at 20,000 rows), so the workbench's agglomerative workload is timed against this.
    """

    def __init__(self, n_clusters):
        self.n_clusters = n_clusters

    def fit(self, x):
        self.labels_ = fcluster(fastcluster.linkage_vector(x, method="ward"), self.n_clusters, criterion="maxclust")
        return self


# The plugin workloads (`workbench bench` runs one per registered algorithm and metric) that scikit-learn
# also implements, on the same rows with k = 8; the workbench's defaults are scikit-learn's where they differ
# only in name (minibatch n_init 3); agglomerative is timed against fastcluster, the fastest Ward. Any other
# name is reported as skipped, with the reason.
ALGORITHMS = {
    "minibatch-kmeans": lambda k, seed: MiniBatchKMeans(n_clusters=k, n_init=3, random_state=seed),
    "bisecting-kmeans": lambda k, seed: BisectingKMeans(n_clusters=k, random_state=seed),
    "agglomerative": lambda k, seed: FastclusterWard(n_clusters=k),
    "birch": lambda k, seed: Birch(n_clusters=k),
    "mean-shift": lambda k, seed: MeanShift(),
    "affinity-propagation": lambda k, seed: AffinityPropagation(random_state=seed),
    "spectral": lambda k, seed: SpectralClustering(n_clusters=k, affinity="nearest_neighbors", random_state=seed),
}
# Algorithms the workbench marks as scaling quadratically run, on both sides, on the first rows of the silhouette
# subset only (BenchWorkload.quadraticRows in Sources/WorkbenchBench/BenchWorkload.swift).
QUADRATIC_ROWS = 2000
QUADRATIC = {"mean-shift", "affinity-propagation"}
PEER_NOTES = {
    "agglomerative": f"peer: fastcluster {fastcluster.__version__} linkage_vector (ward), cut with scipy's fcluster",
}


def purity(truth, labels):
    table = metrics.cluster.contingency_matrix(truth, labels)
    return table.max(axis=0).sum() / table.sum()


def inertia(x, labels):
    return sum(((x[labels == c] - x[labels == c].mean(axis=0)) ** 2).sum() for c in np.unique(labels))


INTERNAL_METRICS = {
    "calinski-harabasz": calinski_harabasz_score,
    "davies-bouldin": davies_bouldin_score,
    "inertia": inertia,
}
EXTERNAL_METRICS = {
    "ari": metrics.adjusted_rand_score,
    "ami": metrics.adjusted_mutual_info_score,
    "nmi": metrics.normalized_mutual_info_score,
    "homogeneity": metrics.homogeneity_score,
    "completeness": metrics.completeness_score,
    "v-measure": metrics.v_measure_score,
    "fowlkes-mallows": metrics.fowlkes_mallows_score,
    "purity": purity,
}
NO_EQUIVALENT = {
    "kmedoids": "scikit-learn has no k-medoids (scikit-learn-extra is not part of the pinned baseline)",
    "kprototypes": "scikit-learn has no k-prototypes (the kmodes package is not part of the pinned baseline)",
    "fuzzy-cmeans": "scikit-learn has no fuzzy c-means (scikit-fuzzy is not part of the pinned baseline)",
    "simplified-silhouette": "scikit-learn has no simplified silhouette",
    "dunn": "scikit-learn has no Dunn index",
    "bic": "scikit-learn's GaussianMixture.bic runs a new E step; the workbench reads the fit's likelihood, so there is nothing alike to time",
    "aic": "scikit-learn's GaussianMixture.aic runs a new E step; the workbench reads the fit's likelihood, so there is nothing alike to time",
    "xie-beni": "scikit-learn has no Xie-Beni index",
    "gap": "scikit-learn has no gap statistic",
    "prediction-strength": "scikit-learn has no prediction strength",
}


def parallel_dbscan(x, p):
    from dbscan import DBSCAN as ParallelDBSCAN

    ParallelDBSCAN(x, eps=p["eps"], min_samples=int(p["min_samples"]))


def library_hdbscan(x, p):
    import hdbscan

    # The library's core distance leaves the row out: min_samples one less than the workbench's (scikit-learn's)
    # gives the same clustering.
    hdbscan.HDBSCAN(min_cluster_size=int(p["min_cluster_size"]), min_samples=int(p["min_cluster_size"]) - 1).fit(x)


# The density workloads run on the manifest's standardised density subset with its parameters, against the fastest
# peer where scikit-learn is not it (scikit-learn's DBSCAN keeps every neighbourhood: 73 s and 10.7 GiB at M).
DENSITY = {
    "dbscan": ("the dbscan package 1.0.0 (parallel), not scikit-learn", parallel_dbscan),
    "hdbscan": ("the hdbscan library 0.8.44 (Boruvka kd-tree), not scikit-learn", library_hdbscan),
    "optics": ("scikit-learn's OPTICS", lambda x, p: OPTICS(min_samples=int(p["min_samples"])).fit(x)),
}


class Skipped(Exception):
    """The workload has no scikit-learn counterpart; the message says why."""


def prepare_plugin(name, m, notes):
    """One fit of an algorithm, or one score of a k-means clustering (fitted untimed), on the silhouette rows."""
    if name in NO_EQUIVALENT:
        raise Skipped(NO_EQUIVALENT[name])
    if name in DENSITY and name in m.get("density_parameters", {}):
        peer, fit = DENSITY[name]
        parameters = m["density_parameters"][name]
        x = load_matrix(m["density_data"])
        notes.append(f"{peer}; standardised first {x.shape[0]} rows x {x.shape[1]} columns; "
                     + ", ".join(f"{k} {parameters[k]:g}" for k in sorted(parameters)))
        return lambda: (fit(x, parameters), None)[1]
    x = load_matrix(m["silhouette_data"])
    k, seed = m["cluster_count"], m["grid_seed"]
    if name in QUADRATIC:
        x = x[:QUADRATIC_ROWS]
    if name in ALGORITHMS:
        notes.extend([PEER_NOTES[name]] if name in PEER_NOTES else [])
        return lambda: (ALGORITHMS[name](k, seed).fit(x), None)[1]
    labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(x)
    if name in INTERNAL_METRICS:
        return lambda: (INTERNAL_METRICS[name](x, labels), None)[1]
    if name in EXTERNAL_METRICS:
        truth = pd.read_csv(m["silhouette_labels"])["label"].to_numpy()
        return lambda: (EXTERNAL_METRICS[name](truth, labels), None)[1]
    raise Skipped(f"unknown to this baseline script; add '{name}' to it or to NO_EQUIVALENT")


def peak_rss_bytes():
    """VmHWM of this process (the workbench reads the same line); ru_maxrss where /proc is missing."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def load_matrix(path):
    return pd.read_csv(path).to_numpy(dtype=np.float64)


def environment():
    pools = sorted(threadpoolctl.threadpool_info(), key=lambda p: (p.get("internal_api", ""), str(p.get("version")), p.get("filepath", "")))
    blas = "; ".join(
        f"{p.get('internal_api')} {p.get('version')} {p.get('architecture', '')} ({p.get('num_threads')} threads)".replace("  ", " ")
        for p in pools
    )
    return {
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "fastcluster": fastcluster.__version__,
        "pandas": pd.__version__,
        "joblib": joblib.__version__,
        "threadpoolctl": threadpoolctl.__version__,
        "blas": blas,
        "threadpool_info": json.dumps(pools, sort_keys=True),
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
        "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE", "(unset)"),
        "cores": str(os.cpu_count()),
    }


def grid_configuration(x, config, seed, resamples, kmeans_runs):
    """Fit one configuration, score it with three metrics, and measure bootstrap stability (ARI vs the full fit)."""
    method, k, covariance = config

    def model(random_state):
        if method == "kmeans":
            return KMeans(n_clusters=k, n_init=kmeans_runs, algorithm="lloyd", random_state=random_state)
        return GaussianMixture(n_components=k, covariance_type=covariance, random_state=random_state)

    labels = model(seed).fit_predict(x)
    scores = {}
    if len(np.unique(labels)) > 1:
        scores = {
            "silhouette": silhouette_score(x, labels),
            "calinski-harabasz": calinski_harabasz_score(x, labels),
            "davies-bouldin": davies_bouldin_score(x, labels),
        }
    rng = np.random.default_rng(seed)
    aris = []
    for b in range(resamples):
        rows = rng.integers(0, x.shape[0], x.shape[0])
        resample_labels = model(seed + b + 1).fit_predict(x[rows])
        aris.append(adjusted_rand_score(labels[rows], resample_labels))
    return scores, float(np.mean(aris)) if aris else None



def prepare(workload, m, notes):
    """Reads the inputs (untimed, except in csv-load and grid) and returns the timed body."""
    k, max_iter = m["cluster_count"], m["max_iterations"]
    if workload == "csv-load":
        return lambda: (pd.read_csv(m["data"]), None)[1]
    if workload == "kmeans":
        x, centers = load_matrix(m["data"]), load_matrix(m["initial_centers"])

        def kmeans():
            fit = KMeans(n_clusters=k, init=centers, n_init=1, max_iter=max_iter, tol=0, algorithm="lloyd").fit(x)
            return int(fit.n_iter_)

        return kmeans
    if workload == "gmm":
        x, means = load_matrix(m["data"]), load_matrix(m["initial_centers"])
        notes.append("init_params='random_from_data' for weights and covariances; means from means_init; the time includes that initialisation")

        def gmm():
            fit = GaussianMixture(
                n_components=k, covariance_type="full", means_init=means, max_iter=max_iter, tol=0, n_init=1,
                init_params="random_from_data", random_state=0,
            ).fit(x)
            return int(fit.n_iter_)

        return gmm
    if workload == "silhouette":
        x = load_matrix(m["silhouette_data"])
        labels = pd.read_csv(m["silhouette_labels"])["label"].to_numpy()
        return lambda: (silhouette_score(x, labels), None)[1]
    if workload == "grid":
        configs = [("kmeans", k, None) for k in m["grid_cluster_counts"]]
        if "gmm" in m.get("grid_methods", ["kmeans", "gmm"]):
            configs += [("gmm", k, c) for k in m["grid_cluster_counts"] for c in m["grid_covariance_types"]]
        else:
            notes.append("gmm configurations skipped, as on the workbench side (gmm not registered there)")
        notes.append(f"{len(configs)} configurations, {m['grid_resamples']} bootstrap resamples each, joblib n_jobs={m['grid_jobs']}")

        def grid():
            x = load_matrix(m["data"])
            joblib.Parallel(n_jobs=m["grid_jobs"])(
                joblib.delayed(grid_configuration)(x, config, m["grid_seed"], m["grid_resamples"], m["grid_kmeans_runs"])
                for config in configs
            )
            return None

        return grid
    return prepare_plugin(workload, m, notes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--manifest", required=True, help="bench-<size>.json written by `workbench bench`")
    parser.add_argument("--workload", required=True, help=f"{', '.join(WORKLOADS)}, or a registered algorithm or metric")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--warm-ups", type=int, default=1)
    args = parser.parse_args()
    with open(args.manifest) as f:
        m = json.load(f)
    warnings.simplefilter("ignore", ConvergenceWarning)
    notes = []
    rows, columns = m["rows"], m["columns"]
    if args.workload in DENSITY and args.workload in m.get("density_parameters", {}):
        with open(m["density_data"]) as f:
            columns = len(f.readline().split(","))
            rows = sum(1 for _ in f)
    elif args.workload not in WORKLOADS or args.workload == "silhouette":
        with open(m["silhouette_labels"]) as f:
            rows = sum(1 for _ in f) - 1
    seconds, iterations, skipped = [], [], None
    try:
        body = prepare(args.workload, m, notes)
    except Skipped as reason:
        skipped = str(reason)
    if skipped is None:
        for _ in range(args.warm_ups):
            body()
        for _ in range(args.repetitions):
            start = time.perf_counter()
            count = body()
            seconds.append(time.perf_counter() - start)
            if count is not None:
                iterations.append(count)
    measurement = {
        "implementation": "scikit-learn",
        "workload": args.workload,
        "size": m["size"],
        "rows": rows,
        "columns": columns,
        "seconds": seconds,
        "iterations": iterations if args.workload in ("kmeans", "gmm") else None,
        "peak_rss_bytes": peak_rss_bytes(),
        "skipped": skipped,
        "notes": notes,
        "environment": environment(),
    }
    json.dump(measurement, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
