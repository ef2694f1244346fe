#!/usr/bin/env bash
# Times the overhead of one external trial (matrix hand-over, process start, answer checks) on
# 5,000 × 10 and 1,000,000 × 16 random matrices: `workbench run` records each trial's seconds in
# timings.jsonl; the probe plugin does no clustering work, so its trial time is the protocol's cost.
# Usage: experiments/benchmarks/plugin-overhead/measure.sh [workbench binary]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
workbench="${1:-$here/../../../.build/release/workbench}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for shape in 5000x10 1000000x16; do
  rows=${shape%x*}; columns=${shape#*x}
  python3 - "$rows" "$columns" "$work/data-$shape.csv" <<'PY'
import random, sys
rows, columns, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(1)
with open(path, "w") as f:
    f.write(",".join(f"x{j}" for j in range(columns)) + "\n")
    for _ in range(rows):
        f.write(",".join(f"{rng.gauss(0, 1):.6f}" for _ in range(columns)) + "\n")
PY
  cat > "$work/spec-$shape.json" <<JSON
{"name": "overhead-$shape", "plugins": ["$here"], "data": {"path": "data-$shape.csv"},
 "algorithms": [{"use": "overhead-probe"}], "metrics": ["inertia"]}
JSON
  for repeat in 1 2 3; do
    "$workbench" run "$work/spec-$shape.json" --out "$work/out" --fresh --quiet --jobs 1 > /dev/null
    echo "$shape run $repeat: $(cat "$work"/out/overhead-$shape/*/timings.jsonl)"
  done
done
