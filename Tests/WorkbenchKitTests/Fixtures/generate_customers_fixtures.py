"""Reference values for the customer-lifetime models (BG/NBD, Gamma-Gamma, CLV, 2F1).

Run from this folder with the pinned packages of requirements-fixtures.txt
(lifetimes 0.11.3 on Python 3.11.7):  python3 generate_customers_fixtures.py
Writes customers-cdnow.json, customers-special.json and customers-rfm.json. The CDNOW summaries
in cdnow/ are the files lifetimes ships (see cdnow/README.md).
"""
import importlib.metadata
import json
import os

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from scipy.special import hyp2f1

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED_VERSIONS = {"lifetimes": "0.11.3", "pandas": "3.1.1", "numpy": "2.4.6", "scipy": "1.17.1"}


def versions():
    found = {name: importlib.metadata.version(name) for name in EXPECTED_VERSIONS}
    if found != EXPECTED_VERSIONS:
        raise SystemExit(f"expected {EXPECTED_VERSIONS}, found {found}; install requirements-fixtures.txt")
    return found


def floats(values):
    return [float(v) for v in values]


def cdnow():
    summary = pd.read_csv(os.path.join(HERE, "cdnow", "cdnow_customers_summary.csv"))
    bg = BetaGeoFitter(penalizer_coef=0.0)
    bg.fit(summary["frequency"], summary["recency"], summary["T"])
    r, alpha, a, b = (float(bg.params_[k]) for k in ["r", "alpha", "a", "b"])
    x, tx, T = summary["frequency"], summary["recency"], summary["T"]
    log_params = np.log([r, alpha * bg._scale, a, b])
    mean_nll = float(bg._negative_log_likelihood(log_params, x.to_numpy(), (tx * bg._scale).to_numpy(),
                                                 (T * bg._scale).to_numpy(), np.ones(len(x)), 0.0))
    p_alive = bg.conditional_probability_alive(x, tx, T)
    expected_39 = bg.conditional_expected_number_of_purchases_up_to_time(39, x, tx, T)
    expected_52 = bg.conditional_expected_number_of_purchases_up_to_time(52, x, tx, T)

    monetary = pd.read_csv(os.path.join(HERE, "cdnow", "cdnow_customers_summary_with_transactions.csv"))
    monetary = monetary.rename(columns={"x": "frequency", "t_x": "recency", "zbar": "monetary_value"})
    returning = monetary[monetary["frequency"] > 0]
    gg = GammaGammaFitter(penalizer_coef=0.0)
    gg.fit(returning["frequency"], returning["monetary_value"])
    p, q, v = (float(gg.params_[k]) for k in ["p", "q", "v"])
    spend = gg.conditional_expected_average_profit(monetary["frequency"], monetary["monetary_value"])
    # lifetimes' CLV over 12 months of weekly data (4.345 weeks a month), 1 % a month.
    clv = gg.customer_lifetime_value(bg, monetary["frequency"], monetary["recency"], monetary["T"],
                                     monetary["monetary_value"], time=12, discount_rate=0.01, freq="W")
    return {
        "source": "lifetimes 0.11.3 BetaGeoFitter / GammaGammaFitter (penalizer 0) on cdnow/*.csv",
        "bgnbd": {"r": r, "alpha": alpha, "a": a, "b": b,
                  "mean_negative_log_likelihood_scaled": mean_nll, "time_scale": float(bg._scale)},
        "p_alive": floats(p_alive),
        "expected_purchases_39": floats(expected_39),
        "expected_purchases_52": floats(expected_52),
        "gamma_gamma": {"p": p, "q": q, "v": v},
        "expected_spend": floats(spend),
        "clv_12_months": {"months": 12, "period": 4.345, "discount_rate": 0.01, "values": floats(clv)},
        "clv_partial_period": clv_partial_period(),
    }


def clv_partial_period():
    """CLV over a horizon that is not a whole number of periods, from lifetimes' own predictions.

    lifetimes' customer_lifetime_value only sums whole periods, so its terms are combined here with the rule
    CustomerLifetimeValue documents: the purchases expected in each period (lifetimes' conditional expectations at
    the period ends) times lifetimes' expected spend, discounted at each period's end, the last, partial one at its
    own end (exponent horizon / period). Fixed model parameters, one customer.
    """
    bg = BetaGeoFitter()
    bg.params_ = pd.Series({"r": 0.24, "alpha": 4.4, "a": 0.79, "b": 2.4})
    gg = GammaGammaFitter()
    gg.params_ = pd.Series({"p": 6.25, "q": 3.74, "v": 15.45})
    x, tx, age, mean_spend = 3, 20, 30, 40.0
    horizon, period, rate = 10.0, 4.0, 0.02
    ends = [4.0, 8.0, 10.0]
    expected = [float(bg.conditional_expected_number_of_purchases_up_to_time(t, x, tx, age)) for t in ends]
    spend = float(gg.conditional_expected_average_profit(x, mean_spend))
    clv, before = 0.0, 0.0
    for end, purchases in zip(ends, expected):
        clv += spend * (purchases - before) / (1 + rate) ** (end / period)
        before = purchases
    return {"bgnbd": {"r": 0.24, "alpha": 4.4, "a": 0.79, "b": 2.4}, "gamma_gamma": {"p": 6.25, "q": 3.74, "v": 15.45},
            "x": x, "t_x": tx, "T": age, "mean_spend": mean_spend, "horizon": horizon, "period": period,
            "discount_rate": rate, "expected_purchases_at_period_ends": expected, "expected_spend": spend, "clv": clv}


def special():
    cases = []
    for a, b, c, z in [(0.5, 1.5, 2.0, 0.3), (2.0, 3.0, 4.5, 0.0), (2.243, 3.426, 2.219, 0.5),
                       (10.24, 12.43, 13.22, 0.8), (1.0, 1.0, 2.0, 0.99), (30.2, 31.4, 32.2, 0.6),
                       (0.25, 2.4, 2.2, 0.95), (150.0, 152.0, 152.5, 0.7)]:
        cases.append({"a": a, "b": b, "c": c, "z": z, "log_hyp2f1": float(np.log(hyp2f1(a, b, c, z)))})
    return {"source": "scipy.special.hyp2f1 (scipy 1.17.1)", "hyp2f1": cases}


def rfm():
    """pandas' quintile-scoring recipe on value lists with ties (row order breaks ties)."""
    rng = np.random.default_rng(4)
    cases = []
    for values in [[5.0, 1.0, 3.0, 3.0, 2.0, 9.0, 9.0, 0.5, 3.0, 7.0, 1.0, 4.0, 3.0],
                   [float(v) for v in rng.integers(1, 6, size=37)],
                   [float(v) for v in np.round(rng.lognormal(3, 1, size=101), 2)],
                   [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]]:
        series = pd.Series(values)
        scores = pd.qcut(series.rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
        reversed_scores = pd.qcut(series.rank(method="first"), 5, labels=[5, 4, 3, 2, 1]).astype(int)
        cases.append({"values": values, "scores": [int(v) for v in scores],
                      "reversed": [int(v) for v in reversed_scores]})
    return {"source": "pandas 3.1.1: pd.qcut(s.rank(method='first'), 5, labels=[1..5]) and labels=[5..1]",
            "cases": cases}


def write(name, payload):
    payload["generator"] = "Tests/WorkbenchKitTests/Fixtures/generate_customers_fixtures.py"
    payload["versions"] = versions()
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(payload, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    versions()
    write("customers-cdnow.json", cdnow())
    write("customers-special.json", special())
    write("customers-rfm.json", rfm())
