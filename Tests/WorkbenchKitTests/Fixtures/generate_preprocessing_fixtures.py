#!/usr/bin/env python3
"""Reference values from scikit-learn / numpy for the preprocessing steps' tests.

Pinned versions (requirements-fixtures.txt beside this script):
    Python 3.11.7, scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1

Run from anywhere:
    python3 Tests/WorkbenchKitTests/Fixtures/generate_preprocessing_fixtures.py

Writes preprocessing.json next to this script: input matrices (Iris, Wine, a
small seeded matrix with missing cells and the five-row table with gaps of
DataTable+GapsSample.swift), each step's settings and scikit-learn's (or
numpy's) fitted statistics and transformed output; SimpleImputer's answers on
ties and text; and numpy's quartile fences on two columns of
StepContractTests.table. Missing cells are written as null. Floats are written with repr (shortest round-trip
form), so the Swift tests read back bit-identical inputs.
"""

import json
import pathlib

import numpy as np
import scipy
import sklearn
from sklearn.datasets import load_iris, load_wine
from sklearn.decomposition import PCA
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.preprocessing import (
    MaxAbsScaler,
    MinMaxScaler,
    OneHotEncoder,
    PowerTransformer,
    RobustScaler,
    StandardScaler,
)

HERE = pathlib.Path(__file__).resolve().parent
EXPECTED_VERSIONS = {"sklearn": "1.9.1", "numpy": "2.4.6", "scipy": "1.17.1"}


def matrix(x):
    """Rows of floats, NaN as null."""
    return [[None if np.isnan(v) else float(v) for v in row] for row in np.asarray(x, dtype=float)]


def vector(x):
    return [None if np.isnan(v) else float(v) for v in np.asarray(x, dtype=float)]


def with_missing():
    """A seeded 40 x 4 matrix on a small scale with about 15 % missing cells (no row entirely missing)."""
    rng = np.random.default_rng(7)
    x = np.round(rng.normal(size=(40, 4)) * [1.0, 2.0, 0.5, 3.0] + [0, 5, -1, 10], 3)
    mask = rng.random(x.shape) < 0.15
    mask[mask.all(axis=1), 0] = False
    x[mask] = np.nan
    return x


def gaps_sample():
    """DataTable.gapsSample (DataTable+GapsSample.swift): columns a, b, c; c is constant."""
    return np.array([[1, 10, 5], [2, np.nan, 5], [4, 30, 5], [7.5, 25, 5], [np.nan, 12.5, 5]], dtype=float)


def impute_on_text():
    """SimpleImputer on a numeric column with tied modes and on a text column (missing as None)."""
    numeric = np.array([[3], [1], [3], [1], [np.nan], [2]], dtype=float)
    text = np.array([["b"], ["a"], [None], ["b"], ["a"], ["c"]], dtype=object)
    constant = np.array([["x"], [None], ["y"], ["x"]], dtype=object)
    return {
        "tied_numeric": vector(numeric[:, 0]),
        "tied_numeric_most_frequent": float(SimpleImputer(strategy="most_frequent").fit(numeric).statistics_[0]),
        "tied_text": [v for v in text[:, 0]],
        "tied_text_most_frequent": str(SimpleImputer(strategy="most_frequent", missing_values=None).fit(text).statistics_[0]),
        "text_constant_fill": str(SimpleImputer(strategy="constant", missing_values=None).fit(constant).statistics_[0]),
    }


def tukey_fences():
    """numpy quartiles of the present cells and the 1.5 IQR fences, on StepContractTests.table's income and frequency."""
    columns = {"income": [52, 61, np.nan, 48, 250, 57, 49, 66, 60, 55], "frequency": [3, 5, 4, 2, 30, 4, np.nan, 6, 5, 4]}
    out = {"columns": list(columns), "values": [vector(v) for v in columns.values()], "factor": 1.5, "lower": [], "upper": []}
    for values in columns.values():
        q1, q3 = np.nanquantile(np.array(values, dtype=float), [0.25, 0.75])
        out["lower"].append(float(q1 - 1.5 * (q3 - q1)))
        out["upper"].append(float(q3 + 1.5 * (q3 - q1)))
    return out


def main():
    versions = {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__}
    if versions != EXPECTED_VERSIONS:
        raise SystemExit(f"expected {EXPECTED_VERSIONS}, found {versions}")
    iris = load_iris().data
    wine = load_wine().data
    wine_std = StandardScaler().fit_transform(wine)
    missing = with_missing()
    gaps = gaps_sample()
    data = {"iris": iris, "wine": wine, "wine_standardized": wine_std, "missing": missing, "gaps": gaps}
    out = {"generator": "Tests/WorkbenchKitTests/Fixtures/generate_preprocessing_fixtures.py", "versions": versions,
           "data": {name: matrix(x) for name, x in data.items()}, "cases": []}
    cases = out["cases"]

    def case(step, dataset, params, output, learned):
        cases.append({"step": step, "data": dataset, "params": params, "output": matrix(output), "learned": learned})

    for dataset in ["iris", "wine", "missing"]:
        x = data[dataset]
        for lo, hi in [(0, 1), (-1, 2)]:
            s = MinMaxScaler(feature_range=(lo, hi)).fit(x)
            case("minmax-scaler", dataset, {"min": lo, "max": hi}, s.transform(x),
                 {"data_min": vector(s.data_min_), "data_max": vector(s.data_max_)})
        s = MaxAbsScaler().fit(x)
        case("maxabs-scaler", dataset, {}, s.transform(x), {"max_abs": vector(s.max_abs_)})
        for params in [{}, {"q_min": 10.0, "q_max": 90.0}, {"with_centering": False}, {"with_scaling": False}]:
            s = RobustScaler(
                with_centering=params.get("with_centering", True), with_scaling=params.get("with_scaling", True),
                quantile_range=(params.get("q_min", 25.0), params.get("q_max", 75.0))).fit(x)
            case("robust-scaler", dataset, params, s.transform(x), {
                "center": vector(s.center_) if s.center_ is not None else None,
                "scale": vector(s.scale_) if s.scale_ is not None else None})
        for lower, upper in [(0.01, 0.99), (0.05, 0.9)]:
            lo = np.nanquantile(x, lower, axis=0)
            hi = np.nanquantile(x, upper, axis=0)
            case("clip", dataset, {"lower": lower, "upper": upper}, np.clip(x, lo, hi),
                 {"lower": vector(lo), "upper": vector(hi)})

    case("log1p", "wine", {}, np.log1p(wine), {})

    for params in [{}, {"with_mean": False}, {"with_std": False}]:
        s = StandardScaler(**params).fit(gaps)
        case("standard-scaler", "gaps", params, s.transform(gaps), {
            "mean": vector(s.mean_), "var": vector(s.var_) if s.var_ is not None else None,
            "scale": vector(s.scale_) if s.scale_ is not None else None})
    for strategy in ["mean", "median", "most_frequent"]:
        imp = SimpleImputer(strategy=strategy).fit(gaps)
        case("impute", "gaps", {"strategy": strategy}, imp.transform(gaps), {"statistics": vector(imp.statistics_)})
    out["impute_text"] = impute_on_text()
    out["tukey_fences"] = tukey_fences()

    for dataset in ["iris", "wine", "wine_standardized", "missing"]:
        x = data[dataset]
        for standardize in [True, False]:
            p = PowerTransformer(method="yeo-johnson", standardize=standardize).fit(x)
            case("power-transform", dataset, {"method": "yeo-johnson", "standardize": standardize},
                 p.transform(x), {"lambdas": vector(p.lambdas_)})
    for dataset in ["iris", "wine"]:
        x = data[dataset]
        # Wine has zeros only if any; Box-Cox needs strictly positive data.
        assert (x > 0).all()
        for standardize in [True, False]:
            p = PowerTransformer(method="box-cox", standardize=standardize).fit(x)
            case("power-transform", dataset, {"method": "box-cox", "standardize": standardize},
                 p.transform(x), {"lambdas": vector(p.lambdas_)})

    for dataset, params in [
        ("iris", {"n_components": 2}), ("iris", {"n_components": 4, "whiten": True}), ("iris", {"variance": 0.95}),
        ("wine_standardized", {"variance": 0.8}), ("wine_standardized", {"n_components": 5, "whiten": True}),
        ("wine", {"n_components": 3}),
    ]:
        x = data[dataset]
        n = params.get("n_components", params.get("variance"))
        p = PCA(n_components=n, whiten=params.get("whiten", False), svd_solver="covariance_eigh").fit(x)
        full = PCA(svd_solver="covariance_eigh").fit(x)
        case("pca", dataset, params, p.transform(x), {
            "components": matrix(p.components_), "explained_variance": vector(p.explained_variance_),
            "explained_variance_ratio": vector(p.explained_variance_ratio_),
            "all_explained_variance_ratio": vector(full.explained_variance_ratio_), "mean": vector(p.mean_)})
        # The "auto" solver must agree with the solver used above, or the fixture would mislead.
        auto = PCA(n_components=n, whiten=params.get("whiten", False)).fit(x)
        assert np.allclose(np.abs(auto.components_), np.abs(p.components_), rtol=0, atol=1e-10)

    for weights in ["uniform", "distance"]:
        for k in [1, 3, 5]:
            imp = KNNImputer(n_neighbors=k, weights=weights).fit(missing)
            case("knn-impute", "missing", {"n_neighbors": k, "weights": weights}, imp.transform(missing), {})
    # New rows imputed from the fit rows: the second half, fitted on the first half.
    imp = KNNImputer(n_neighbors=3, weights="distance").fit(missing[:20])
    case("knn-impute-new-rows", "missing", {"n_neighbors": 3, "weights": "distance", "fit_rows": 20},
         imp.transform(missing[20:]), {})

    regions = np.array(["north", "south", "east", "north", "west", "east", "south", "north"], dtype=object)
    enc = OneHotEncoder(sparse_output=False).fit(regions.reshape(-1, 1))
    enc_drop = OneHotEncoder(sparse_output=False, drop="first").fit(regions.reshape(-1, 1))
    out["one_hot"] = {
        "labels": list(regions), "categories": list(enc.categories_[0]),
        "output": enc.transform(regions.reshape(-1, 1)).tolist(),
        "output_drop_first": enc_drop.transform(regions.reshape(-1, 1)).tolist(),
        "names": list(enc.get_feature_names_out(["region"])),
    }

    text = json.dumps(out, indent=1, sort_keys=True) + "\n"
    (HERE / "preprocessing.json").write_text(text)


if __name__ == "__main__":
    main()
