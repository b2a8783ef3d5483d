#!/usr/bin/env bash
# Runs an aebench profile on a Slurm cluster: builds and fetches the data once here (the login
# node), then submits one array task per shard and a merge + site job that starts when every
# task has succeeded. Usage:
#   ci/slurm/submit.sh --profile full-seeds --shards 16 --results /scratch/$USER/aebench [--partition P] [--time 02:00:00]
# Size the array first: make estimate PROFILE=full-seeds SHARDS=16 (each shard's cells and predicted time).
set -euo pipefail
cd "$(dirname "$0")/../.."
profile=ci shards=4 results= partition= time_limit=02:00:00 merge_time=00:30:00 cpus=2 parallel=
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --partition) partition=$2; shift 2 ;;
    --time) time_limit=$2; shift 2 ;;
    --merge-time) merge_time=$2; shift 2 ;;
    --cpus) cpus=$2; shift 2 ;;
    --max-parallel) parallel=$2; shift 2 ;;
    -h|--help) sed -n 2,7p "$0"; exit 0 ;;
    *) echo "submit.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$results" ] || { echo "submit.sh: --results FOLDER (on the shared file system) is required" >&2; exit 2; }
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: --shards must be a whole number >= 1, got '$shards'" >&2; exit 2; }
command -v sbatch >/dev/null || { echo "submit.sh: sbatch not found: run this on a Slurm login node" >&2; exit 2; }
make --no-print-directory build data
mkdir -p "$results"
results=$(cd "$results" && pwd)
common=(--export="ALL,AEBENCH_PROFILE=$profile,AEBENCH_RESULTS=$results,AEBENCH_PROJECT=$PWD" --chdir="$results")
[ -z "$partition" ] || common+=(--partition="$partition")
array=$(sbatch --parsable "${common[@]}" --time="$time_limit" --cpus-per-task="$cpus" \
  --array="0-$((shards - 1))${parallel:+%$parallel}" "$PWD/ci/slurm/reproduce.sbatch")
merge=$(sbatch --parsable "${common[@]}" --time="$merge_time" --dependency="afterok:${array%%;*}" "$PWD/ci/slurm/merge.sbatch")
echo "submitted: shards array job ${array%%;*} ($shards tasks), merge + site job $merge; results in $results/$profile, site in $results/site/$profile"
