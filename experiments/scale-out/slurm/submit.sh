#!/usr/bin/env bash
# Runs an experiment as a Slurm job array of N shards plus a merge job that waits for all of them.
#
#   submit.sh SPEC N SHARDS OUT     prints "<array job id> <merge job id>"
#
# SHARDS is a fresh folder for the shard stores and OUT the results root of the merged run, both on
# storage every node sees. WORKBENCH names the binary (default: workbench on the PATH). The merge
# job depends on the array with afterok: it starts when every task succeeded, and a cluster with
# DependencyParameters=kill_invalid_depend cancels it when a task failed (otherwise it stays
# pending with reason DependencyNeverSatisfied). Logs go to SHARDS/logs/.
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 SPEC N SHARDS OUT" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
absolute() { (mkdir -p "$1" && cd "$1" && pwd); }
count=$2
shards=$(absolute "$3")
export SPEC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export SHARDS=$shards OUT=$(absolute "$4") SHARD_COUNT=$count WORKBENCH=${WORKBENCH:-$(command -v workbench)}
mkdir -p "$shards/logs"
array=$(sbatch --parsable --array=0-$((count - 1)) --output="$shards/logs/shard-%A_%a.out" "$here/shard-array.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"$array" --output="$shards/logs/merge-%j.out" "$here/merge.sbatch")
echo "$array $merge"
