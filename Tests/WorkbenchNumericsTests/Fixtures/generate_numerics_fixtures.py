#!/usr/bin/env python3
"""Reference values for the WorkbenchNumerics tests that claim numpy's or SciPy's exact results.

Pinned versions (Tests/WorkbenchKitTests/Fixtures/requirements-fixtures.txt):
    Python 3.11.7, numpy 2.4.6, scipy 1.17.1

Run from anywhere:
    python3 Tests/WorkbenchNumericsTests/Fixtures/generate_numerics_fixtures.py

Writes numerics-reference.json next to this script:
  quantile      np.nanquantile (method "linear") of a sample with NaN at several q, of one NaN, of one value.
  pairwise_sum  np.sum of 1/(i + 3), i = 0..n-1, for sizes around numpy's 8-lane unrolling and 128-value
                blocks, and of (1..200) * 0.1 next to its left-to-right sum (the two differ).
  minimize      scipy.optimize.brent and fminbound on the functions MinimizeTests uses.
Inputs are built in the Swift tests the same way (each value one correctly rounded operation), so only the
results are stored. Floats are written with repr, so they read back bit-identical.
"""

import json
import math
import pathlib

import numpy as np
import scipy
from scipy import optimize

HERE = pathlib.Path(__file__).resolve().parent
EXPECTED_VERSIONS = {"numpy": "2.4.6", "scipy": "1.17.1"}
PAIRWISE_SIZES = [0, 1, 2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 130, 200, 256, 257, 1000]


def quantile():
    sample = [3.0, float("nan"), 1.0, 4.0, 1.5, 9.0, 2.6, 5.0]
    qs = [0, 0.01, 0.25, 0.5, 0.9, 0.99, 1]
    return {
        "sample": [None if math.isnan(v) else v for v in sample], "q": qs,
        "linear": [float(np.nanquantile(np.array(sample), q)) for q in qs],
        "single_value": {"values": [7.0], "q": 0.3, "linear": float(np.nanquantile(np.array([7.0]), 0.3))},
    }


def pairwise_sum():
    cases = []
    for n in PAIRWISE_SIZES:
        y = np.array([1.0 / (i + 3) for i in range(n)])
        sequential = 0.0
        for v in y:
            sequential += v
        cases.append({"n": n, "sum": float(np.sum(y)), "sequential": sequential})
    tenths = np.arange(1, 201) * 0.1
    sequential = 0.0
    for v in tenths:
        sequential += float(v)
    return {"reciprocals": cases, "tenths": {"n": 200, "sum": float(np.sum(tenths)), "sequential": sequential}}


def minimize():
    return {
        "brent_parabola": float(optimize.brent(lambda x: (x - 0.7) ** 2 + 3, brack=(-2, -1))),
        "fminbound_cos": float(optimize.fminbound(math.cos, 0, 6, xtol=1.48e-8)),
        "fminbound_boundary": float(optimize.fminbound(lambda x: x, 1, 2, xtol=1e-10)),
    }


def main():
    found = {"numpy": np.__version__, "scipy": scipy.__version__}
    if found != EXPECTED_VERSIONS:
        raise SystemExit(f"expected {EXPECTED_VERSIONS}, found {found}; install requirements-fixtures.txt")
    out = {"generator": "Tests/WorkbenchNumericsTests/Fixtures/generate_numerics_fixtures.py", "versions": found,
           "quantile": quantile(), "pairwise_sum": pairwise_sum(), "minimize": minimize()}
    (HERE / "numerics-reference.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
