#!/usr/bin/env python3
"""k-means in pure Python, standard library only: the Python example of ClusterWorkbench's plugin protocol v1.

The protocol plumbing (request, table, answer) is in workbench_protocol.py
beside it. Lloyd's algorithm with k-means++ starts drawn from
random.Random(seed); the best of n_init starts by inertia. Failures the
plugin understands are answered as {"error": {...}}; anything else is a
crash, which the workbench records on the trial.
"""
import random

from workbench_protocol import PluginError, numeric_rows, serve


def squared(a, b):
    return sum((x - y) * (x - y) for x, y in zip(a, b))


def nearest(row, centers):
    best, best_distance = 0, float("inf")
    for c, center in enumerate(centers):
        d = squared(row, center)
        if d < best_distance:
            best, best_distance = c, d
    return best, best_distance


def plus_plus(rows, k, rng):
    centers = [rows[rng.randrange(len(rows))]]
    closest = [squared(row, centers[0]) for row in rows]
    while len(centers) < k:
        total = sum(closest)
        pick = rng.randrange(len(rows))
        if total > 0:
            target = rng.random() * total
            for i, d in enumerate(closest):
                target -= d
                if target < 0:
                    pick = i
                    break
        centers.append(rows[pick])
        closest = [min(d, squared(row, rows[pick])) for d, row in zip(closest, rows)]
    return [list(c) for c in centers]


def lloyd(rows, k, max_iter, tol, rng):
    centers = plus_plus(rows, k, rng)
    width = len(rows[0])
    labels = None
    for iteration in range(1, max_iter + 1):
        assigned = [nearest(row, centers) for row in rows]
        new_labels = [label for label, _ in assigned]
        sums = [[0.0] * width for _ in range(k)]
        counts = [0] * k
        for row, label in zip(rows, new_labels):
            counts[label] += 1
            for j, x in enumerate(row):
                sums[label][j] += x
        moved = 0.0
        for c in range(k):
            if counts[c]:
                center = [s / counts[c] for s in sums[c]]
                moved += squared(center, centers[c])
                centers[c] = center
        if new_labels == labels or moved <= tol:
            labels = new_labels
            return labels, centers, iteration, True
        labels = new_labels
    return labels, centers, max_iter, False


def fit(request):
    params = request["params"]
    k, max_iter, n_init, tol = params["k"], params["max_iter"], params["n_init"], params["tol"]
    rows = numeric_rows(request["input"], "py-kmeans")
    if len(rows) < k:
        raise PluginError(f"k = {k} clusters need at least {k} rows", "insufficient_samples", len(rows), k)
    rng = random.Random(int(request["seed"]))
    best = None
    for _ in range(n_init):
        labels, centers, iterations, converged = lloyd(rows, k, max_iter, tol, rng)
        inertia = sum(squared(row, centers[label]) for row, label in zip(rows, labels))
        if best is None or inertia < best[0]:
            best = (inertia, labels, centers, iterations, converged)
    inertia, labels, centers, iterations, converged = best
    order = {}
    for label in labels:
        order.setdefault(label, len(order))
    kept = [centers[old] for old, _ in sorted(order.items(), key=lambda item: item[1])]
    notes = [] if len(kept) == k else [f"found {len(kept)} distinct clusters, fewer than k = {k}"]
    return {
        "labels": [order[label] for label in labels],
        "centers": kept,
        "model": {"centers": kept},
        "diagnostics": {"iterations": iterations, "converged": converged, "inertia": inertia, "notes": notes},
    }


def predict(request):
    centers = request["model"]["centers"]
    rows = numeric_rows(request["input"], "py-kmeans")
    return {"labels": [nearest(row, centers)[0] for row in rows]}


if __name__ == "__main__":
    serve({"fit": fit, "predict": predict})
