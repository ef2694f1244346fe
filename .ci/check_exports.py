"""Loads a finished run's CSV exports with pandas, as an analyst would, and checks their structure.

Usage: python check_exports.py RUN_DIR DATA_CSV

RUN_DIR is a run folder (results/<experiment>/<run-key>/) of a run with the insight step on;
DATA_CSV is the data file the run read. Checked, each with plain `pandas.read_csv` defaults:

- leaderboard.csv: one row per line of trials.jsonl, its fixed columns present, `status` and `reason`
  last; the ranked trials first with ranks 1, 2, … (a `ranked` column, when there, is boolean and
  every row then has an integer rank); `score`, `stability` and every metric of the trial records
  floating point; config hashes 16 hex digits when read as text.
- segments.csv: `segment_id`, `name`, `size`, `share`, then `mean_<column>` per profiled numeric
  column, one column per field; integer ids and sizes, float shares summing to 1, unique names; the
  same segments, names and sizes as insight/<hash>.json of the chosen (rank-1) trial.
- customers.csv: one row per data row; the data's columns first with the dtypes pandas gives the data
  file itself, then any derived columns, then `segment_id` and `segment_name` (and `excluded_by`
  when a step excluded rows); every customer's name is its segment's name in segments.csv, and the
  segment counts are segments.csv's sizes.

Prints one line per file and exits 1 with the reason on the first failed check. Requirements:
requirements-exports.txt beside this file (pandas pinned).
"""

import json
import sys
from pathlib import Path

import pandas as pd
from pandas.api import types


def fail(message):
    print(f"check_exports: {message}", file=sys.stderr)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


LEADERBOARD_COLUMNS = ["rank", "score", "trial", "config_hash", "pipeline", "algorithm", "parameters", "clusters", "stability", "pareto"]


def check_leaderboard(run):
    board = pd.read_csv(run / "leaderboard.csv", dtype={"config_hash": str})
    records = [json.loads(line) for line in (run / "trials.jsonl").read_text().splitlines() if line.strip()]
    expect(len(board) == len(records), f"leaderboard.csv has {len(board)} rows, trials.jsonl {len(records)}")
    missing = [column for column in LEADERBOARD_COLUMNS + ["status", "reason"] if column not in board.columns]
    expect(not missing, f"leaderboard.csv lacks {missing}: {list(board.columns)}")
    expect(list(board.columns[-2:]) == ["status", "reason"], f"leaderboard.csv ends with {list(board.columns[-2:])}")
    expect(types.is_numeric_dtype(board["rank"]), f"rank is {board['rank'].dtype}")
    if "ranked" in board.columns:  # every row has a rank; the flag says which are ranked
        expect(types.is_bool_dtype(board["ranked"]), f"ranked is {board['ranked'].dtype}, not bool")
        expect(types.is_integer_dtype(board["rank"]) and list(board["rank"]) == list(range(1, len(board) + 1)), "ranks are not 1, 2, … on every row")
        ranked = board["ranked"]
    else:  # unranked rows have no rank
        ranked = board["rank"].notna()
    expect(ranked.any(), "leaderboard.csv ranks no trial")
    expect(list(ranked) == sorted(ranked, reverse=True), "ranked trials are not all before the unranked ones")
    expect(list(board.loc[ranked, "rank"].astype(int)) == list(range(1, int(ranked.sum()) + 1)), "ranks of the ranked trials are not 1, 2, …")
    metrics = sorted({name for record in records for name in record.get("metrics", {})})
    expect(metrics and all(name in board.columns for name in metrics), f"leaderboard.csv lacks metric columns of {metrics}")
    for column in ["score", "stability", *metrics]:
        expect(types.is_float_dtype(board[column]), f"leaderboard.csv column {column} is {board[column].dtype}, not float")
    expect(types.is_integer_dtype(board["trial"]), f"trial is {board['trial'].dtype}")
    expect(board["config_hash"].str.fullmatch(r"[0-9a-f]{16}").all(), "config hashes are not 16 hex digits")
    print(f"leaderboard.csv: {len(board)} trials, {int(ranked.sum())} ranked, metrics {', '.join(metrics)}")
    return board.loc[ranked].iloc[0]["config_hash"]


def check_segments(run, chosen):
    insight = json.loads((run / "insight" / f"{chosen}.json").read_text())
    segments = pd.read_csv(run / "segments.csv")
    numeric = [profile["column"] for profile in insight["profiles"]["numeric"]]
    expected = ["segment_id", "name", "size", "share"] + [f"mean_{column}" for column in numeric]
    expect(list(segments.columns) == expected, f"segments.csv columns {list(segments.columns)}, expected {expected}")
    expect(len(segments) == len(insight["segments"]), f"segments.csv has {len(segments)} rows, the insight {len(insight['segments'])} segments")
    expect(types.is_integer_dtype(segments["segment_id"]) and types.is_integer_dtype(segments["size"]), "segment_id or size is not integer")
    expect(types.is_string_dtype(segments["name"]) and segments["name"].is_unique, "names are not unique strings")
    expect(types.is_float_dtype(segments["share"]) and abs(segments["share"].sum() - 1) < 1e-9, "shares are not floats summing to 1")
    for column in expected[4:]:
        expect(types.is_float_dtype(segments[column]), f"segments.csv column {column} is {segments[column].dtype}, not float")
    from_json = [(s["id"], s["name"], s["size"]) for s in insight["segments"]]
    from_csv = list(zip(segments["segment_id"].tolist(), segments["name"].tolist(), segments["size"].tolist()))
    expect(from_csv == from_json, f"segments.csv {from_csv} differs from insight/{chosen}.json {from_json}")
    print(f"segments.csv: {len(segments)} segments of trial {chosen}: {'; '.join(segments['name'])}")
    return segments


def check_customers(run, data_path, segments):
    data = pd.read_csv(data_path)
    customers = pd.read_csv(run / "customers.csv")
    expect(len(customers) == len(data), f"customers.csv has {len(customers)} rows, the data {len(data)}")
    columns = list(customers.columns)
    expect(columns[: len(data.columns)] == list(data.columns), "customers.csv does not start with the data's columns")
    for column in data.columns:
        expect(customers[column].dtype == data[column].dtype, f"customers.csv column {column} is {customers[column].dtype}, the data's {data[column].dtype}")
    excluded = "excluded_by" in columns
    tail = ["segment_id", "segment_name"] + (["excluded_by"] if excluded else [])
    expect(columns[-len(tail):] == tail, f"customers.csv ends with {columns[-len(tail):]}, expected {tail}")
    derived = columns[len(data.columns):-len(tail)]
    for column in derived:
        expect(types.is_numeric_dtype(customers[column]) or types.is_string_dtype(customers[column]), f"derived column {column} is {customers[column].dtype}")
    labelled = customers["segment_id"].notna()
    expect(types.is_integer_dtype(customers["segment_id"]) if labelled.all() else types.is_float_dtype(customers["segment_id"]), "segment_id dtype")
    expect(labelled.sum() + (customers["excluded_by"].notna().sum() if excluded else 0) == len(customers), "a row has neither a segment nor an exclusion")
    names = dict(zip(segments["segment_id"], segments["name"]))
    expect((customers.loc[labelled, "segment_id"].astype(int).map(names) == customers.loc[labelled, "segment_name"]).all(), "segment_name differs from segments.csv")
    sizes = customers.loc[labelled, "segment_id"].astype(int).value_counts().sort_index()
    expect(sizes.to_dict() == dict(zip(segments["segment_id"], segments["size"])), f"segment counts {sizes.to_dict()} differ from segments.csv")
    print(f"customers.csv: {len(customers)} rows, {len(columns)} columns ({len(derived)} derived), {int(labelled.sum())} in segments")


def main():
    if len(sys.argv) != 3:
        fail("usage: check_exports.py RUN_DIR DATA_CSV")
    run = Path(sys.argv[1])
    chosen = check_leaderboard(run)
    segments = check_segments(run, chosen)
    check_customers(run, Path(sys.argv[2]), segments)


if __name__ == "__main__":
    main()
