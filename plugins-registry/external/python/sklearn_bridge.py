#!/usr/bin/env python3
"""Any sklearn.cluster estimator as a ClusterWorkbench plugin (protocol v1).

    {"use": "sklearn", "params": {"estimator": "SpectralClustering", "kwargs": {"affinity": "nearest_neighbors"}}}

`estimator` is a class name in sklearn.cluster; `kwargs` go to its
constructor as they are; `k` (when above 0) becomes `n_clusters`; the trial
seed becomes `random_state` for estimators that take one (unless kwargs set
it). Labels are renumbered 0, 1, ... in order of first appearance, noise
(-1) kept. The scikit-learn version is recorded in the diagnostics, so a
changed installation shows up in `workbench verify`. Needs numpy and
scikit-learn where it runs (`pip install scikit-learn`); the workbench
itself never imports Python.
"""
import inspect
import sys

from workbench_protocol import PluginError, require_numeric, serve


def read_matrix(np, header):
    require_numeric(header, "the sklearn bridge")
    rows, width = header["rows"], len(header["columns"])
    if header["format"] == "binary":
        return np.fromfile(header["numeric"], dtype="<f8").reshape(rows, width)
    return np.loadtxt(header["csv"], delimiter=",", skiprows=1, ndmin=2).reshape(rows, width)


def fit(request):
    try:
        import numpy as np
        import sklearn
        import sklearn.cluster
    except ImportError as error:
        raise PluginError(f"scikit-learn is not installed for {sys.executable} ({error}); run: pip install scikit-learn")
    params = request["params"]
    name, k, kwargs = params["estimator"], params["k"], dict(params["kwargs"])
    estimator_class = getattr(sklearn.cluster, name, None)
    if not inspect.isclass(estimator_class) or not hasattr(estimator_class, "fit"):
        known = sorted(n for n in dir(sklearn.cluster) if inspect.isclass(getattr(sklearn.cluster, n)) and hasattr(getattr(sklearn.cluster, n), "fit"))
        raise PluginError(f"sklearn.cluster has no estimator '{name}'; use one of: {', '.join(known)}")
    accepted = inspect.signature(estimator_class).parameters
    unknown = sorted(set(kwargs) - set(accepted))
    if unknown:
        raise PluginError(f"{name} takes no argument {unknown[0]!r}; it takes: {', '.join(accepted)}")
    x = read_matrix(np, request["input"])
    if k > 0:
        if "n_clusters" not in accepted:
            raise PluginError(f"{name} takes no number of clusters; leave k at 0")
        if x.shape[0] < k:
            raise PluginError(f"k = {k} clusters need at least {k} rows", "insufficient_samples", int(x.shape[0]), k)
        kwargs["n_clusters"] = k
    if "random_state" in accepted and "random_state" not in kwargs:
        kwargs["random_state"] = int(request["seed"]) % (2**32)
    try:
        estimator = estimator_class(**kwargs)
        raw = estimator.fit_predict(x)
    except (ValueError, TypeError, np.linalg.LinAlgError) as error:
        raise PluginError(f"{name}: {error}")
    order = {}
    for label in raw.tolist():
        if label >= 0:
            order.setdefault(label, len(order))
    labels = [order[label] if label >= 0 else -1 for label in raw.tolist()]
    diagnostics = {"notes": [f"scikit-learn {sklearn.__version__}: {name}({', '.join(f'{key}={kwargs[key]!r}' for key in sorted(kwargs))})"]}
    inertia = getattr(estimator, "inertia_", None)
    if inertia is not None and np.isfinite(inertia):
        diagnostics["inertia"] = float(inertia)
    iterations = getattr(estimator, "n_iter_", None)
    if isinstance(iterations, (int, np.integer)):
        diagnostics["iterations"] = int(iterations)
    return {"labels": labels, "diagnostics": diagnostics}


if __name__ == "__main__":
    serve({"fit": fit})
