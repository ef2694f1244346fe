"""Writes the labelled data sets the model-selection test runs the workbench on (issue 12).

Each file has an `id` column, numeric features and a `truth` column (the generating class). Together with
the shipped Wine and Iris data and simulated customers (drawn by the workbench itself at several seeds),
they test that the rank-1 trial of a multi-pipeline, multi-algorithm grid recovers the truth nearly as
well as the best trial of the grid.

Run from this folder:  python3 generate_selection_suite.py   (versions: ../requirements-fixtures.txt)

Breast Cancer Wisconsin (Diagnostic): W. Wolberg, O. Mangasarian, N. Street and W. Street, UCI Machine Learning
Repository, 1995, https://doi.org/10.24432/C5DW2B, CC BY 4.0 (as bundled by scikit-learn).
"""
import json

import numpy as np
import pandas as pd
import sklearn
from sklearn.datasets import load_breast_cancer, make_blobs

DATASETS = []


def save(name, x, y, description):
    frame = pd.DataFrame(x, columns=[f"x{i + 1}" for i in range(x.shape[1])])
    frame.insert(0, "id", range(1, len(frame) + 1))
    frame["truth"] = [f"c{v}" for v in y]
    frame.to_csv(f"{name}.csv", index=False, float_format="%.10g")
    DATASETS.append({"file": f"{name}.csv", "rows": len(frame), "classes": int(len(set(y))), "description": description})


# Four blobs in 5-D with one feature in units 1000 times larger: only a scaled space sees all four.
x, y = make_blobs(n_samples=600, n_features=5, centers=4, cluster_std=1.5, random_state=1)
x[:, 0] *= 1000
save("blobs-1000x", x, y, "four blobs in 5-D, one feature in units 1000 times larger")

# Three blobs stretched by a linear map (scikit-learn's anisotropic example).
x, y = make_blobs(n_samples=600, centers=3, random_state=170)
save("anisotropic", x @ np.array([[0.6, -0.6], [-0.4, 0.8]]), y, "three blobs stretched by a linear map")

# Three blobs of very different sizes and spreads.
x, y = make_blobs(
    n_samples=[400, 150, 50], n_features=3, cluster_std=[1.0, 1.5, 0.5], centers=[[0, 0, 0], [6, 6, 0], [0, 7, 5]], random_state=2)
save("unequal", x, y, "three blobs of 400, 150 and 50 rows with spreads 1, 1.5 and 0.5")

# Six separated blobs in 5-D: the dispersion keeps falling steeply past k = 4, so its elbow (Kneedle) comes
# before the six; silhouette peaks at six.
x, y = make_blobs(n_samples=1200, n_features=5, centers=6, cluster_std=1.5, random_state=3)
save("six-blobs", x, y, "six blobs in 5-D, spread 1.5")

# Hard cases, reported and guarded against regressions but not in the suite's averages (see SelectionSuiteTests).
# Breast Cancer Wisconsin (Diagnostic), as bundled by scikit-learn: two overlapping classes in 30 features.
cancer = load_breast_cancer()
save("breast-cancer", cancer.data, cancer.target, "Breast Cancer Wisconsin (Diagnostic), 569 rows, 30 features, malignant or benign (hard case)")

# Three pairs of close blobs: at the coarse level three groups, at the fine level six (hard case).
pairs = [np.add(a, b) for a in [(0, 0, 0), (15, 0, 0), (0, 15, 0)] for b in [(0, 0, 0), (4, 0, 0)]]
x, y = make_blobs(n_samples=1500, centers=np.array(pairs, dtype=float), cluster_std=1.0, random_state=9)
save("three-pairs", x, y, "three pairs of close blobs in 3-D: six blobs, or three groups (hard case)")

with open("selection-suite.json", "w") as out:
    json.dump(
        {"generator": "generate_selection_suite.py", "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__},
         "datasets": DATASETS}, out, indent=2, sort_keys=True)
    out.write("\n")
