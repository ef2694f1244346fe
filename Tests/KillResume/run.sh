#!/usr/bin/env bash
# Kills `workbench run SPEC` with SIGKILL at random moments, resuming after each kill, and proves the
# finished run identical to an uninterrupted one.
#
#   Tests/KillResume/run.sh WORKBENCH SPEC DATA [KILLS] [SEED]
#
# WORKBENCH is the built binary (debug or release), DATA the spec's data file (for `assign`), KILLS
# defaults to 20 and SEED (bash's RANDOM) to 1. Set REFERENCE to a finished run folder of the same spec
# and data to skip the uninterrupted run, and PAUSE_MS (default 1500) to the longest pause before a kill
# (a few seconds of a debug build's run are a fraction of a second of a release build's).
#
# Each round starts the run (resuming the previous round's folder), waits until 0, 1 or 2 more trials
# are recorded (so kills fall before, during and between trials and, once every trial is recorded, in
# the finalize step), then a random pause of up to PAUSE_MS, and sends SIGKILL. A run that finishes first is not
# counted as a kill. After KILLS kills one last run resumes to the end, and the script checks that:
#  - every byte-stable file equals the uninterrupted run's (`diff -r` without the manifest, timings and lock);
#  - the manifest says "finished" and no temporary file (`.*.partial-*`) is left;
#  - `assign` with each trial's saved model labels DATA exactly as the trial's labels file does.
# It prints one line per round and exits non-zero on the first check that fails.
set -euo pipefail
usage="usage: Tests/KillResume/run.sh WORKBENCH SPEC DATA [KILLS] [SEED]"
workbench=$(realpath "${1:?$usage}")
spec=$(realpath "${2:?$usage}")
data=$(realpath "${3:?$usage}")
kills=${4:-20}
RANDOM=${5:-1}
max_pause=${PAUSE_MS:-1500}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run_folder() { { find "$1" -mindepth 2 -maxdepth 2 -type d 2> /dev/null || true; } | head -n 1; }
recorded() { local folder; folder=$(run_folder "$1"); { [ -n "$folder" ] && find "$folder/trials" -name record.json 2> /dev/null || true; } | wc -l; }
alive() { local state; state=$(ps -o stat= -p "$1" 2> /dev/null) && [[ $state != Z* ]]; }

reference=${REFERENCE:-}
if [ -z "$reference" ]; then
  "$workbench" run "$spec" --out "$out/reference" --quiet > /dev/null
  reference=$(run_folder "$out/reference")
fi
total=$(find "$reference/trials" -name record.json | wc -l)

killed=0
round=0
while [ "$killed" -lt "$kills" ]; do
  round=$((round + 1))
  before=$(recorded "$out/killed")
  target=$((before + RANDOM % 3))
  [ "$target" -gt "$total" ] && target=$total
  pause=$(((RANDOM * 32768 + RANDOM) % (max_pause + 1)))
  delay=$(printf '%d.%03d' $((pause / 1000)) $((pause % 1000)))
  "$workbench" run "$spec" --out "$out/killed" --quiet > /dev/null 2> "$out/stderr" &
  pid=$!
  while alive "$pid" && [ "$(recorded "$out/killed")" -lt "$target" ]; do sleep 0.05; done
  sleep "$delay"
  kill -KILL "$pid" 2> /dev/null || true
  status=0
  { wait "$pid"; } 2> /dev/null || status=$?
  case $status in
    137) killed=$((killed + 1)); echo "round $round: killed ($killed of $kills) with $(recorded "$out/killed") of $total trials recorded (waited for $target, then ${delay} s)" ;;
    0) echo "round $round: finished before its kill" ;;
    *) cat "$out/stderr"; echo "round $round: run exited with $status"; exit 1 ;;
  esac
done

"$workbench" run "$spec" --out "$out/killed" --quiet > /dev/null
resumed=$(run_folder "$out/killed")
diff -r -x manifest.json -x timings.jsonl -x timing.json -x .lock "$reference" "$resumed"
grep -q '"status": "finished"' "$resumed/manifest.json"
leftovers=$(find "$resumed" -name '.*.partial-*')
[ -z "$leftovers" ] || { echo "temporary files left: $leftovers"; exit 1; }
checked=0
for model in "$resumed"/trials/*/model.json; do
  hash=$(basename "$(dirname "$model")")
  "$workbench" assign "$resumed" --trial "$hash" "$data" | cut -d, -f1,2 > "$out/assigned.csv"
  cut -d, -f1,2 "$resumed/trials/$hash/labels.csv" | cmp - "$out/assigned.csv" || { echo "assign disagrees with trials/$hash/labels.csv"; exit 1; }
  checked=$((checked + 1))
done
echo "ok: $killed kills in $round rounds; byte-identical to the uninterrupted run ($total trials); no temporary file left; assign agrees with $checked labels files"
