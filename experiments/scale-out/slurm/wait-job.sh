#!/usr/bin/env bash
# Waits for a Slurm job to end and exits 0 only when it COMPLETED (reads `scontrol show job`, since a
# cluster without accounting has no sacct).   wait-job.sh JOB_ID [TIMEOUT_SECONDS (default 1800)]
set -euo pipefail
job=$1
deadline=$((SECONDS + ${2:-1800}))
while [ $SECONDS -lt $deadline ]; do
  state=$(scontrol show job "$job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -n 1)
  case $state in
    COMPLETED) exit 0 ;;
    FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | PREEMPTED | BOOT_FAIL | DEADLINE)
      echo "job $job ended $state" >&2
      scontrol show job "$job" >&2
      exit 1 ;;
  esac
  sleep 1
done
echo "job $job did not end within the timeout" >&2
exit 1
