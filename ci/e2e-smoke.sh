#!/usr/bin/env bash
# End-to-end check of the whole flow on the smoke profile: matrix -> runner -> CSV -> site.
# Also kills a run mid-way (SIGKILL) and checks that resuming loses and duplicates nothing, and
# that the cells rerun in a new process give bit-identical metrics.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run_cp=$(ci/private-classpath.sh "$out")
java_cmd=(java -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=6G -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
  -cp "$run_cp" org.aebench.harness.Main)
aebench() { "${java_cmd[@]}" "$@"; }
fail() { echo "e2e: FAIL: $*" >&2; exit 1; }
passed=0
ok() { echo "e2e: ok: $*"; passed=$((passed + 1)); }
# kill_mid_run DIR ROWS LOG ARGS...: a smoke run into DIR, killed (SIGKILL) once ROWS rows are in
kill_mid_run() {
  local dir=$1 want=$2 log=$3; shift 3
  # the JVM started directly (not through a function) so that $! is the JVM itself
  "${java_cmd[@]}" run --profile smoke --results "$dir" "$@" 2> "$log" &
  local pid=$! rows
  for _ in $(seq 1 600); do
    rows=$( [ -f "$dir/smoke/results.csv" ] && python3 ci/check_results.py rows "$dir/smoke" || echo 0)
    [ "$rows" -ge "$want" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || fail "the run ($*) finished before it could be killed"
  wait "$pid" 2>/dev/null || true
}

cells=$(aebench list --profile smoke | tail -1 | awk '{print $1}')
[ "$cells" -gt 0 ] || fail "the smoke profile has no cells"

# 1. a full smoke run, one cell at a time
aebench run --profile smoke --workers 1 --results "$out/a" 2> "$out/run-a.log" || { cat "$out/run-a.log" >&2; fail "smoke run exited non-zero"; }
python3 ci/check_results.py count "$out/a/smoke" "$cells" || fail "results after the first run"
ok "smoke run wrote $cells result rows, all ok or collapsed, curves consistent"

# 2. a rerun resumes: nothing left to do
aebench run --profile smoke --results "$out/a" 2> "$out/run-again.log"
grep -q "0 cells to run, $cells already in the results file" "$out/run-again.log" || { cat "$out/run-again.log" >&2; fail "rerun did not skip finished cells"; }
ok "rerun skipped all $cells finished cells"

# 3. kill -9 in the middle of a run with two workers, then resume
kill_mid_run "$out/b" 3 "$out/run-b1.log" --workers 2
before=$(python3 ci/check_results.py rows "$out/b/smoke")
[ "$before" -lt "$cells" ] || fail "nothing left to resume after the kill"
aebench run --profile smoke --workers 2 --results "$out/b" 2> "$out/run-b2.log" || { cat "$out/run-b2.log" >&2; fail "resumed run exited non-zero"; }
python3 ci/check_results.py count "$out/b/smoke" "$cells" || fail "results after kill and resume"
ok "killed after $before of $cells cells; resume left exactly $cells rows, no duplicates"

# 4. the same cells in other processes, two at a time, give identical metrics
python3 ci/check_results.py same "$out/a/smoke" "$out/b/smoke" || fail "metrics differ between processes or with two workers"
ok "metrics bit-identical across processes and between 1 and 2 workers for all $cells cells"

# 4a. each worker in a JVM of its own: killed (SIGKILL) mid-run, its workers end by themselves,
#     and the resumed run equals the serial one bit for bit
kill_mid_run "$out/p" 2 "$out/run-p1.log" --workers 2 --worker-processes
for _ in $(seq 1 120); do pgrep -f "Main worker --profile smoke .*$out/p/" >/dev/null || break; sleep 0.5; done
! pgrep -f "Main worker --profile smoke .*$out/p/" >/dev/null || fail "worker processes outlived their killed runner by a minute"
aebench run --profile smoke --workers 2 --worker-processes --results "$out/p" 2> "$out/run-p2.log" || { cat "$out/run-p2.log" >&2; fail "resumed worker-process run exited non-zero"; }
python3 ci/check_results.py count "$out/p/smoke" "$cells" || fail "results after kill and resume with worker processes"
python3 ci/check_results.py same "$out/a/smoke" "$out/p/smoke" || fail "metrics differ with worker processes"
ok "worker processes: killed runner's workers ended, resume gave $cells rows bit-identical to the serial run"

# 4b. the profile in 3 shards, merged, equals the serial run bit for bit; merging again changes nothing;
#     bad shard specifications and a missing shard folder are refused with exit 2
for i in 1 2 3; do
  aebench run --profile smoke --shard "$i/3" --workers 2 --results "$out/s$i" 2> "$out/shard$i.log" \
    || { cat "$out/shard$i.log" >&2; fail "shard $i/3 exited non-zero"; }
done
aebench merge "$out/m/smoke" "$out/s1/smoke" "$out/s2/smoke" "$out/s3/smoke" 2> "$out/merge1.log" || { cat "$out/merge1.log" >&2; fail "merge"; }
python3 ci/check_results.py count "$out/m/smoke" "$cells" || fail "merged shards"
python3 ci/check_results.py same "$out/a/smoke" "$out/m/smoke" || fail "merged shards differ from the serial run"
# each shard's run, predicted and measured, is in the merged ledger once
python3 - "$out/m/smoke/runs.csv" <<'PY' || fail "the merged runs.csv does not hold each shard's run once"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert sorted(r["shard"] for r in rows) == ["1/3", "2/3", "3/3"], rows
assert all(float(r["predicted_seconds"]) > 0 and float(r["measured_seconds"]) > 0 for r in rows), rows
PY
sum=$(cat "$out/m/smoke/results.csv" "$out/m/smoke/curves.csv" | sha256sum)
aebench merge "$out/m/smoke" "$out/s1/smoke" "$out/s2/smoke" "$out/s3/smoke" 2> "$out/merge2.log" || { cat "$out/merge2.log" >&2; fail "merge again"; }
grep -q "(unchanged)" "$out/merge2.log" && [ "$sum" = "$(cat "$out/m/smoke/results.csv" "$out/m/smoke/curves.csv" | sha256sum)" ] \
  || { cat "$out/merge2.log" >&2; fail "merging again changed the merged folder"; }
for bad in 0/0 3/2 x; do
  status=0; aebench list --profile smoke --shard "$bad" > /dev/null 2> "$out/bad.log" || status=$?
  [ "$status" -eq 2 ] && [ "$(wc -l < "$out/bad.log")" -eq 1 ] || { cat "$out/bad.log" >&2; fail "--shard $bad gave exit $status"; }
done
status=0; aebench merge "$out/m2" "$out/s1/smoke" "$out/nope/smoke" 2> "$out/bad.log" || status=$?
[ "$status" -eq 2 ] && [ ! -e "$out/m2" ] || { cat "$out/bad.log" >&2; fail "merging a missing shard gave exit $status"; }
ok "3 shards merged: $cells rows bit-identical to the serial run; merging again changes nothing; bad --shard and a missing shard refused (exit 2)"

# 5. the regression gate: this run against the committed smoke baseline is exact and identical;
#    a copy with one number nudged in its last bits fails, naming that cell and no other
aebench compare baselines/smoke "$out/a/smoke" --json "$out/a/smoke/comparison.json" > "$out/gate.txt" 2> "$out/gate.err" \
  || { cat "$out/gate.txt" "$out/gate.err" >&2; fail "the smoke run differs from baselines/smoke: a change that moves numbers updates the baseline (make baseline PROFILE=smoke)"; }
grep -q "^mode: exact" "$out/gate.txt" || { cat "$out/gate.txt" >&2; fail "the gate did not compare exactly on the machine that made the baseline"; }
mkdir -p "$out/nudged/smoke"
python3 - "$out/a/smoke/results.csv" "$out/nudged/smoke/results.csv" <<'PY'
import csv, math, sys
with open(sys.argv[1], newline="") as f:
    rows = list(csv.DictReader(f))
target = next(r for r in rows if r["experiment_id"] == "r000/deep-ae/mnist")
target["test_mse"] = repr(math.nextafter(float(target["test_mse"]), 1.0))
with open(sys.argv[2], "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
PY
status=0; aebench compare baselines/smoke "$out/nudged/smoke" --json "$out/nudged.json" > "$out/gate-nudged.txt" 2>&1 || status=$?
[ "$status" -eq 1 ] || { cat "$out/gate-nudged.txt" >&2; fail "a moved number gave exit $status, not 1"; }
python3 - "$out/nudged.json" <<'PY' || { cat "$out/gate-nudged.txt" >&2; fail "the gate should name exactly r000/deep-ae's test_mse"; }
import json, sys
report = json.load(open(sys.argv[1]))
moved = [(u["id"], m["metric"]) for u in report["units"] for m in u["metrics"] if m["verdict"] != "IDENTICAL"]
sys.exit(0 if moved == [("r000/deep-ae/mnist/seed=1", "test_mse")] else f"moved: {moved}")
PY
ok "regression gate: exact and identical against baselines/smoke; a one-ulp change is caught (exit 1), naming only that cell"

# 6. the site shows every cell and every reference value, and the gate's changes page
aebench site --profile smoke --results "$out/a" --out "$out/site" 2> "$out/site.log" || { cat "$out/site.log" >&2; fail "site"; }
python3 ci/check_results.py site "$out/a/smoke" "$out/site/smoke" reports/src/main/resources/aebench/reference/reference-values.csv \
  || fail "site content"
ok "site lists every experiment, one row per reference value and per claim, and every link and image resolves"
rm -rf results/e2e/site && mkdir -p results/e2e && cp -r "$out/site/smoke" results/e2e/site

[ -f "$out/site/smoke/changes.html" ] || fail "the site has no changes page though the results carry a comparison"

# 7. a reader's view: the site in headless Chromium (console errors, links, images, scoreboard == CSV)
/usr/bin/python3 ci/browser_test.py "$out/site/smoke" "$out/a/smoke/results.csv" --screenshots results/e2e/screenshots \
  || fail "browser test of the smoke site"
ok "smoke site checked in headless Chromium; screenshots in results/e2e/screenshots"

# 8. hostile strings in an experiment name, a section and a reference note are shown as text
mkdir -p "$out/h/smoke" "$out/refs"
cp reports/src/main/resources/aebench/reference/*.csv "$out/refs/"
evil_name='<img src=x onerror=alert(1)>'
evil_section='<script>alert(2)</script>'
evil_note='<b data-hostile>"quoted" & bold</b>'
python3 - "$out/a/smoke/results.csv" "$out/h/smoke/results.csv" "$out/refs/reference-values.csv" "$evil_name" "$evil_section" "$evil_note" <<'PY'
import csv, sys
src, dst, refs, name, section, note = sys.argv[1:]
with open(src, newline="") as f:
    rows = list(csv.DictReader(f))
fields = list(rows[0].keys())
bad = dict(next(r for r in rows if r["experiment_id"] == "r000/deep-ae/mnist"))
bad["experiment_id"] = "r000/" + name + "/mnist"
bad["cell_id"] = bad["experiment_id"] + "/seed=1"
bad["experiment"] = name
bad["section"] = section
with open(dst, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=fields)
    w.writeheader()
    w.writerows(rows + [bad])
with open(refs, newline="") as f:
    refrows = list(csv.DictReader(f))
refrows[0]["note"] = note
with open(refs, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(refrows[0].keys()))
    w.writeheader()
    w.writerows(refrows)
PY
aebench site --profile smoke --results "$out/h" --references "$out/refs" --out "$out/hsite" 2> "$out/hsite.log" || { cat "$out/hsite.log" >&2; fail "site with hostile strings"; }
/usr/bin/python3 ci/browser_test.py "$out/hsite/smoke" "$out/h/smoke/results.csv" --hostile "$evil_name" --hostile "$evil_section" --hostile "$evil_note" \
  || fail "hostile strings in the browser"
ok "hostile strings in an experiment name, a section and a reference note shown as text, nothing injected"

# 9. the published site: the full reproduction rendered from the committed baselines/full-seeds, no training, in Chromium too
# (a copy: a shard merged into baselines/ while this runs must not make the page and the CSV it is checked against differ)
mkdir -p "$out/baselines" && cp -r baselines/full-seeds "$out/baselines/"
start=$(date +%s)
aebench site --profile full-seeds --results "$out/baselines" --out "$out/psite" 2> "$out/psite.log" || { cat "$out/psite.log" >&2; fail "published site"; }
seconds=$(( $(date +%s) - start ))
/usr/bin/python3 ci/browser_test.py "$out/psite/full-seeds" "$out/baselines/full-seeds/results.csv" || fail "browser test of the published site"
grep -q 'of the profile' "$out/psite/full-seeds/index.html" || fail "the published index does not say how much of the profile it holds"
ok "published site from baselines/full-seeds in ${seconds} s ($(ls "$out/psite/full-seeds"/*.html | wc -l) pages), checked in headless Chromium"

echo "e2e: $passed passed, 0 failed"
