#!/usr/bin/env python3
"""Reference values from scipy and scikit-learn for segment insight (tests across segments, special functions, CART).

Pinned versions (requirements-fixtures.txt beside this script):
    Python 3.11.7, scipy 1.17.1, numpy 2.4.6, scikit-learn 1.9.1, pandas 3.1.1, lifetimes 0.11.3

Run from anywhere:
    python3 Tests/WorkbenchKitTests/Fixtures/generate_insight_fixtures.py

Writes, next to this script:
  insight-special-functions.json
      scipy.special.gammainc / gammaincc / betainc / betaincc on a grid that
      reaches a = 100 000 and tails near 1e-300, and scipy.stats chi2.sf,
      f.sf, 2 * t.sf(|t|) and norm.sf.
  insight-tests.json
      for Iris by species, Wine by cultivar and the shipped customers by their
      true segment (experiments/data/*.csv): per numeric column (missing values
      dropped per group) f_oneway (F, p), kruskal (H, p), eta squared and
      epsilon squared, and mannwhitneyu(method="asymptotic") for every pair of
      groups with Holm's step-down adjustment (written out below; scipy has no
      Holm); per categorical column chi2_contingency(correction=False) and
      Cramer's V (scipy.stats.contingency.association). Iris and Wine have no
      categorical column, so each gets one binned from a measurement with
      pandas.cut (the labels are written out). Spearman's correlation
      (scipy.stats.spearmanr) of two customer columns for the discount section,
      and Wilson intervals (scipy.stats.binomtest(...).proportion_ci(method="wilson")).
      lifetimes' BetaGeoFitter on experiments/data/transactions.csv (r, alpha,
      a, b and P(alive) per customer), for the simulator's lapse process.
  insight-tree.json
      sklearn.tree.DecisionTreeClassifier(max_depth=4, random_state=0) on a
      seeded 3-class, 4-feature data set with distinct values (the first data
      seed from 1 that passes), checked here by brute force to have a unique best split at every node (so the feature
      order sklearn draws cannot matter): every node's feature, threshold,
      children and class counts.
Groups are the sorted distinct truth values, numbered from 0; pairs (i, j) with
i < j in that order. Floats are written with repr (shortest round trip).
"""

import json
import pathlib

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy import special, stats
from scipy.stats.contingency import association
from sklearn.tree import DecisionTreeClassifier
from lifetimes import BetaGeoFitter
from lifetimes.utils import summary_data_from_transaction_data

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parents[2] / "experiments" / "data"
EXPECTED = {"scipy": "1.17.1", "numpy": "2.4.6", "sklearn": "1.9.1", "pandas": "3.1.1", "lifetimes": "0.11.3"}


def check_versions():
    import lifetimes
    found = {"scipy": scipy.__version__, "numpy": np.__version__, "sklearn": sklearn.__version__, "pandas": pd.__version__,
             "lifetimes": lifetimes.__version__}
    for name, version in EXPECTED.items():
        if found[name] != version:
            raise SystemExit(f"{name} {found[name]} installed; the fixtures are pinned to {version} (pip install -r requirements-fixtures.txt)")


def special_functions():
    gamma = []
    for a in [0.5, 1.0, 2.5, 7.0, 10.0, 15.5, 50.0, 200.0, 2500.0, 100000.0]:
        for factor in [1e-3, 0.1, 0.5, 0.9, 1.0, 1.1, 2.0, 5.0, 20.0]:
            x = a * factor
            gamma.append({"a": a, "x": x, "p": float(special.gammainc(a, x)), "q": float(special.gammaincc(a, x))})
    for a, x in [(0.5, 300.0), (1.5, 650.0), (2.0, 680.0), (4.0, 700.0), (100000.0, 104000.0), (100000.0, 96500.0)]:
        gamma.append({"a": a, "x": x, "p": float(special.gammainc(a, x)), "q": float(special.gammaincc(a, x))})
    beta = []
    for a, b in [(0.5, 0.5), (1.0, 3.0), (2.5, 0.5), (7.0, 12.0), (15.0, 1.5), (60.0, 40.0), (2500.0, 2.0),
                 (100000.0, 1.5), (99996.0, 3.5), (0.5, 3000.0)]:
        for x in [1e-6, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999]:
            beta.append({"a": a, "b": b, "x": x, "p": float(special.betainc(a, b, x)),
                         "q": float(special.betaincc(a, b, x))})
        mean = a / (a + b)
        for x in [mean * (1 - 1e-4), mean, min(mean * (1 + 1e-4), 1 - 1e-12)]:
            beta.append({"a": a, "b": b, "x": x, "p": float(special.betainc(a, b, x)),
                         "q": float(special.betaincc(a, b, x))})
    chi2 = [{"x": x, "df": df, "sf": float(stats.chi2.sf(x, df))}
            for df in [1, 2, 4, 9, 24, 99, 4999] for x in [0.01, 0.5, 1.0, 3.84, 10.0, 50.0, 300.0, 1200.0, 6000.0]]
    f = [{"f": x, "d1": d1, "d2": d2, "sf": float(stats.f.sf(x, d1, d2))}
         for d1, d2 in [(1, 10), (2, 147), (2, 175), (4, 4995), (7, 199992), (3, 50.5)]
         for x in [0.01, 0.5, 1.0, 2.5, 10.0, 100.0, 1000.0, 5000.0]]
    t = [{"t": x, "df": df, "two_sided": float(2 * stats.t.sf(abs(x), df))}
         for df in [1.0, 3.7, 10.0, 97.25, 4000.0] for x in [0.0, 0.3, 1.0, 2.0, 5.0, 30.0, 300.0]]
    normal = [{"z": z, "sf": float(stats.norm.sf(z))} for z in [-3.0, -0.5, 0.0, 0.5, 1.96, 4.0, 10.0, 25.0, 37.0]]
    return {"source": f"scipy {scipy.__version__}", "gamma": gamma, "beta": beta, "chi2": chi2, "f": f,
            "t": t, "normal": normal}


def holm(p_values):
    """Holm's step-down adjustment: sorted ascending, p_(i) * (m - i), running maximum, capped at 1."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: (p_values[i], i))
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def group_tests(frame, truth, numeric, categorical):
    groups = sorted(frame[truth].dropna().unique())
    out_numeric = []
    for column in numeric:
        samples = [frame.loc[frame[truth] == g, column].dropna().to_numpy(dtype=float) for g in groups]
        everything = np.concatenate(samples)
        anova = stats.f_oneway(*samples)
        kruskal = stats.kruskal(*samples)
        grand = everything.mean()
        ss_total = float(((everything - grand) ** 2).sum())
        ss_between = float(sum(len(s) * (s.mean() - grand) ** 2 for s in samples))
        n = len(everything)
        pairs = []
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                result = stats.mannwhitneyu(samples[i], samples[j], alternative="two-sided", method="asymptotic")
                pairs.append({"a": i, "b": j, "u": float(result.statistic), "p": float(result.pvalue)})
        for pair, adjusted in zip(pairs, holm([p["p"] for p in pairs])):
            pair["p_holm"] = adjusted
        out_numeric.append({
            "column": column, "present": n, "missing": int(frame[column].isna().sum()),
            "f": float(anova.statistic), "f_p": float(anova.pvalue), "eta_squared": ss_between / ss_total,
            "h": float(kruskal.statistic), "h_p": float(kruskal.pvalue), "epsilon_squared": float(kruskal.statistic) / (n - 1),
            "pairs": pairs,
        })
    out_categorical = []
    for column in categorical:
        present = frame[[truth, column]].dropna()
        table = pd.crosstab(present[truth], present[column]).reindex(index=groups, fill_value=0)
        table = table[sorted(table.columns)]
        chi2, p, dof, _ = stats.chi2_contingency(table.to_numpy(), correction=False)
        out_categorical.append({
            "column": column, "categories": [str(c) for c in table.columns], "counts": table.to_numpy().tolist(),
            "chi2": float(chi2), "p": float(p), "dof": int(dof),
            "cramers_v": float(association(table.to_numpy(), method="cramer", correction=False)),
        })
    return {"groups": [str(g) for g in groups], "numeric": out_numeric, "categorical": out_categorical}


def datasets():
    iris = pd.read_csv(DATA / "iris.csv")
    iris["sepal_size"] = pd.cut(iris["sepal_length_cm"], [0, 5.5, 6.5, 10], labels=["short", "medium", "long"]).astype(str)
    wine = pd.read_csv(DATA / "wine.csv")
    wine["colour"] = pd.cut(wine["color_intensity"], [0, 3.5, 6.0, 20], labels=["pale", "medium", "deep"]).astype(str)
    customers = pd.read_csv(DATA / "customers.csv")
    out = {}
    for name, frame, truth, categorical in [("iris", iris, "species", ["sepal_size"]), ("wine", wine, "cultivar", ["colour"]),
                                            ("customers", customers, "segment", ["gender", "region"])]:
        numeric = [c for c in frame.columns if c != "id" and pd.api.types.is_numeric_dtype(frame[c])]
        entry = group_tests(frame, truth, numeric, categorical)
        entry["file"] = f"{name}.csv"
        entry["truth"] = truth
        entry["derived_categorical"] = {c: frame[c].tolist() for c in categorical if c not in ("gender", "region")}
        out[name] = entry
    rho = stats.spearmanr(customers["discount_share"], customers["frequency"])
    out["spearman"] = {"x": "discount_share", "y": "frequency", "rho": float(rho.statistic)}
    wilson = []
    for successes, trials in [(0, 10), (1, 10), (81, 263), (500, 1000), (999, 1000), (7, 7), (3, 5000)]:
        interval = stats.binomtest(successes, trials).proportion_ci(confidence_level=0.95, method="wilson")
        wilson.append({"successes": successes, "trials": trials, "low": float(interval.low), "high": float(interval.high)})
    out["wilson"] = wilson
    out["transactions_bgnbd"] = transactions_bgnbd()
    return out


def transactions_bgnbd():
    """lifetimes' BG/NBD fit on the shipped simulated transactions (days, as of 2026-06-30), and its P(alive) per customer."""
    t = pd.read_csv(DATA / "transactions.csv", parse_dates=["date"])
    summary = summary_data_from_transaction_data(t, "customer_id", "date", observation_period_end="2026-06-30", freq="D")
    bg = BetaGeoFitter(penalizer_coef=0.0).fit(summary["frequency"], summary["recency"], summary["T"])
    alive = bg.conditional_probability_alive(summary["frequency"], summary["recency"], summary["T"])
    return {"source": "lifetimes 0.11.3 BetaGeoFitter (penalizer 0) on experiments/data/transactions.csv",
            "r": float(bg.params_["r"]), "alpha": float(bg.params_["alpha"]), "a": float(bg.params_["a"]), "b": float(bg.params_["b"]),
            "customers": [str(c) for c in summary.index], "p_alive": [float(v) for v in alive]}


def best_splits(x, y, rows):
    """Every feature's best Gini decrease at the node holding `rows` (brute force, thresholds midway)."""
    def gini(labels):
        if len(labels) == 0:
            return 0.0
        counts = np.bincount(labels, minlength=3) / len(labels)
        return 1 - float((counts ** 2).sum())
    parent = gini(y[rows])
    best = []
    for feature in range(x.shape[1]):
        order = rows[np.argsort(x[rows, feature])]
        values = x[order, feature]
        top = -np.inf
        for cut in range(1, len(order)):
            if values[cut] <= values[cut - 1]:
                continue
            left, right = y[order[:cut]], y[order[cut:]]
            gain = parent - (len(left) * gini(left) + len(right) * gini(right)) / len(order)
            top = max(top, gain)
        best.append(top)
    return best


def tree_fixture(seed):
    """The fixture for data drawn from `seed`, or None when some node has tied best splits."""
    rng = np.random.default_rng(seed)
    centers = np.array([[0.0, 0.0, 0.0, 0.0], [2.0, 1.0, 0.0, -1.0], [0.5, 2.5, 1.5, 0.5]])
    labels = np.repeat([0, 1, 2], 40)
    x = np.round(centers[labels] + rng.normal(scale=1.0, size=(120, 4)), 6)
    assert all(len(np.unique(x[:, j])) == 120 for j in range(4)), "values must be distinct"
    model = DecisionTreeClassifier(max_depth=4, random_state=0).fit(x, labels)
    tree = model.tree_
    # The node's rows, following sklearn's own splits, to check each split is the unique best.
    node_rows = {0: np.arange(120)}
    for node in range(tree.node_count):
        if tree.children_left[node] == -1:
            continue
        rows = node_rows[node]
        gains = sorted(best_splits(x, labels, rows), reverse=True)
        if gains[0] - gains[1] <= 1e-9:
            return None
        go_left = x[rows, tree.feature[node]] <= tree.threshold[node]
        node_rows[tree.children_left[node]] = rows[go_left]
        node_rows[tree.children_right[node]] = rows[~go_left]
    nodes = []
    for node in range(tree.node_count):
        leaf = tree.children_left[node] == -1
        counts = [int(round(c)) for c in np.bincount(labels[node_rows[node]], minlength=3)]
        nodes.append({"feature": -1 if leaf else int(tree.feature[node]), "threshold": None if leaf else float(tree.threshold[node]),
                      "left": int(tree.children_left[node]), "right": int(tree.children_right[node]), "counts": counts})
    return {"source": f"sklearn {sklearn.__version__} DecisionTreeClassifier(max_depth=4, random_state=0)",
            "data_seed": seed, "x": x.tolist(), "y": labels.tolist(), "max_depth": 4, "nodes": nodes}


def write(name, payload):
    payload["generator"] = "Tests/WorkbenchKitTests/Fixtures/generate_insight_fixtures.py"
    payload["versions"] = dict(sorted(EXPECTED.items()))
    (HERE / name).write_text(json.dumps(payload, indent=1, allow_nan=False) + "\n")


if __name__ == "__main__":
    check_versions()
    write("insight-special-functions.json", special_functions())
    write("insight-tests.json", datasets())
    # The first data seed from 1 whose tree has a unique best split at every node.
    write("insight-tree.json", next(f for f in map(tree_fixture, range(1, 1000)) if f is not None))
