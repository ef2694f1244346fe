#!/usr/bin/env bash
# A throw-away single-node Slurm cluster on this machine, for trying the job-array recipe and for CI.
#
#   local-cluster.sh start STATE_DIR   start munged, slurmctld and slurmd; prints the SLURM_CONF to export
#   local-cluster.sh stop STATE_DIR    stop exactly the daemons `start` started (by the PIDs it recorded)
#
# Needs Debian's slurmctld, slurmd, slurm-client and munge packages; no systemd: the daemons run in the
# foreground in the background of this script, each PID recorded in STATE_DIR/pids. Everything (key,
# sockets, state, logs) lives under STATE_DIR. Ports default to 16817/16818 (SLURMCTLD_PORT, SLURMD_PORT).
# What it took to make this work:
# - munged refuses a socket folder not searchable by everyone: socket folder 755, key in its own 700
#   folder, umask 022; slurm.conf's AuthInfo=socket=… points every Slurm program at that socket;
# - SlurmctldHost=NAME(127.0.0.1) (NAME must be this host's short name: slurmctld checks it), NodeAddr=127.0.0.1
#   and `slurmd -N NAME` avoid host-name lookups; the node line comes from `slurmd -C` (CPUs and memory);
# - proctrack/linuxproc and task/none need no cgroups; there is no accounting (sacct fails: read
#   `scontrol show job` instead); DependencyParameters=kill_invalid_depend cancels a job whose
#   afterok dependency can no longer be met (the merge after a failed array) instead of leaving it pending.
set -euo pipefail

usage() { echo "usage: $0 start|stop STATE_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
state=$(mkdir -p "$2" && cd "$2" && pwd)
node=wbnode

start() {
  if [ -s "$state/pids" ]; then echo "$state/pids exists: a cluster from this folder may be running; stop it first" >&2; exit 1; fi
  umask 022
  mkdir -p "$state/munge-key" "$state/munge-run" "$state/log" "$state/ctld" "$state/spool"
  chmod 700 "$state/munge-key"
  chmod 755 "$state" "$state/munge-run"
  mungekey --create --keyfile="$state/munge-key/munge.key" --force
  chmod 600 "$state/munge-key/munge.key"
  local socket="$state/munge-run/munge.socket"
  munged --foreground --force --socket="$socket" --key-file="$state/munge-key/munge.key" \
    --pid-file="$state/munge-run/munged.pid" --seed-file="$state/munge-key/munged.seed" \
    --log-file="$state/log/munged.log" > "$state/log/munged.out" 2>&1 &
  echo "munged $!" >> "$state/pids"
  for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
  [ -S "$socket" ] || { echo "munged did not start; see $state/log/munged.log" >&2; exit 1; }

  local hardware
  hardware=$(slurmd -C | head -n 1 | sed -e "s/^NodeName=[^ ]*/NodeName=$node NodeAddr=127.0.0.1/")
  cat > "$state/slurm.conf" <<CONF
ClusterName=workbench
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=${SLURMCTLD_PORT:-16817}
SlurmdPort=${SLURMD_PORT:-16818}
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
SlurmUser=$(id -un)
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/ctld/slurmctld.pid
SlurmdPidFile=$state/spool/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
DependencyParameters=kill_invalid_depend
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
$hardware
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
  slurmctld -D -i -f "$state/slurm.conf" > "$state/log/slurmctld.out" 2>&1 &
  echo "slurmctld $!" >> "$state/pids"
  slurmd -D -N "$node" -f "$state/slurm.conf" > "$state/log/slurmd.out" 2>&1 &
  echo "slurmd $!" >> "$state/pids"
  export SLURM_CONF="$state/slurm.conf"
  for _ in $(seq 100); do
    if sinfo -h -N -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'; then
      echo "export SLURM_CONF=$state/slurm.conf"
      return
    fi
    sleep 0.1
  done
  echo "the node did not come up; see $state/log/" >&2
  sinfo -N >&2 || true
  exit 1
}

stop() {
  [ -f "$state/pids" ] || { echo "no $state/pids: nothing started from this folder" >&2; return; }
  # Stop in reverse order of starting, each by the PID recorded when it was started.
  tac "$state/pids" | while read -r name pid; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "stopped $name ($pid)"
    fi
  done
  rm -f "$state/pids"
}

case $action in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
