#!/usr/bin/env bash
# Runs the smoke profile on a real Slurm cluster and checks the merged result against a serial run.
# Installs Debian's slurm-wlm and munge when missing, starts a one-node cluster on this machine
# (munged, slurmctld and slurmd with a generated key and a slurm.conf in a temporary folder, on
# ports of its own), submits the smoke profile as a 3-task array plus the merge job with
# ci/slurm/submit.sh, waits for them (bounded), and stops every daemon it started by its pid file,
# whether the test passes or fails.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
fail() { echo "slurm-test: FAIL: $*" >&2; exit 1; }

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  echo "slurm-test: installing slurm-wlm and munge"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

tmp=$(mktemp -d /tmp/aebench-slurm.XXXXXX)
chmod 755 "$tmp"
stop() {
  for pid_file in "$tmp/slurmd.pid" "$tmp/slurmctld.pid" "$tmp/munge/munged.pid"; do
    [ -s "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap stop EXIT

# munge: its own key, socket and pid file, run as the munge user as it insists
mkdir -p "$tmp/munge"
chown munge:munge "$tmp/munge" && chmod 700 "$tmp/munge"
mungekey -c -k "$tmp/munge/munge.key" -f >/dev/null 2>&1 || mungekey -c -k "$tmp/munge/munge.key"
chown munge:munge "$tmp/munge/munge.key" && chmod 400 "$tmp/munge/munge.key"
runuser -u munge -- munged --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.socket" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/munge/munged.log" --seed-file="$tmp/munge/munged.seed" --force
chmod 755 "$tmp/munge"

host=$(hostname -s)
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/results"
cat > "$tmp/slurm.conf" <<CONF
ClusterName=aebench-test
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$tmp/jobcomp.txt
NodeName=$host CPUs=2 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$tmp/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 1 60); do
  state=$(sinfo -h -N -o '%T' 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 1
done
[ "$state" = idle ] || { tail -5 "$tmp/slurmctld.log" "$tmp/slurmd.log" >&2; fail "the node did not come up (state '$state')"; }
echo "slurm-test: one-node cluster up on $host ($(sinfo -V)), pids $(cat "$tmp/slurmctld.pid") $(cat "$tmp/slurmd.pid")"

# the smoke profile as 3 shards of one CPU each, then the merge job
submitted=$(ci/slurm/submit.sh --profile smoke --shards 3 --cpus 1 --results "$tmp/results" --time 00:20:00 | tail -1)
echo "slurm-test: $submitted"
array=$(echo "$submitted" | sed -E 's/.*array job ([0-9]+).*/\1/')
merge=$(echo "$submitted" | sed -E 's/.*merge \+ site job ([0-9]+).*/\1/')
squeue -o '%.10i %.14j %.8T %.10M %R' | sed 's/^/slurm-test: squeue: /'
deadline=$(( $(date +%s) + 900 ))
while squeue -h -j "$array,$merge" 2>/dev/null | grep -q .; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "the jobs did not finish in 15 minutes: $(squeue -h)"
  sleep 3
done
sed 's/^/slurm-test: jobcomp: /' "$tmp/jobcomp.txt" | sed -E 's/ (NodeCnt|ProcCnt|WorkDir|ReservationName|Tres|Account|QOS|WcKey|Cluster|SubmitTime|EligibleTime|DerivedExitCode|StdOut|StdErr|StdIn|BlockId|ConnType|Geometry|Start|Reboot|Rotate|MaxProcs|UserId|GroupId|Partition|TimeLimit)=[^ ]*//g'
grep -q "JobId=$merge .*JobState=COMPLETED" "$tmp/jobcomp.txt" || { cat "$tmp"/results/aebench-*.log >&2 || true; fail "the merge job did not complete"; }
[ "$(grep -c "JobState=COMPLETED" "$tmp/jobcomp.txt")" -eq 4 ] || fail "expected 3 array tasks and the merge job COMPLETED"
[ -f "$tmp/results/site/smoke/index.html" ] || fail "the merge job rendered no site"

# the same profile serially, then bit for bit: the regression gate in exact mode, every cell identical
make --no-print-directory run PROFILE=smoke WORKERS=1 RESULTS_DIR="$tmp/serial" 2> "$tmp/serial.log" || [ $? -eq 3 ]
run_cp=$(ci/private-classpath.sh "$tmp")
java -cp "$run_cp" org.aebench.harness.Main compare "$tmp/serial/smoke" "$tmp/results/smoke" --markdown "$tmp/compare.md" >/dev/null 2>&1 \
  || { cat "$tmp/compare.md" >&2; fail "the merged shards differ from the serial run"; }
cells=$(java -cp "$run_cp" org.aebench.harness.Main list --profile smoke | tail -1 | awk '{print $1}')
grep -q "identical | $cells |" "$tmp/compare.md" || { cat "$tmp/compare.md" >&2; fail "not all $cells cells identical"; }
grep -q "Mode: exact" "$tmp/compare.md" || fail "the comparison was not in exact mode"
echo "slurm-test: ok: 3 Slurm array tasks + merge job, $cells cells merged, identical to a serial run in exact mode ($(( $(date +%s) - started )) s)"
