#!/usr/bin/env bash
# Usage: ci/private-classpath.sh DIR
# Copies the harness jar and every jar this project builds (experiments, reports) into DIR and
# prints a classpath that uses those copies. A run started from it keeps its classes while
# `mvn install` rewrites target/: before, only the harness jar was copied, and a rebuild during
# a run made it fail with NoClassDefFoundError on a model class it had not loaded yet.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$1
root=$(pwd)
cp harness/target/aebench-harness-0.1.0-SNAPSHOT.jar "$dir/aebench.jar"
entries=("$dir/aebench.jar")
IFS=: read -ra deps < harness/target/classpath.txt || true  # the file has no final newline
for jar in "${deps[@]}"; do
  case "$jar" in
    "$root"/*) cp "$jar" "$dir/" && entries+=("$dir/$(basename "$jar")") ;;
    *) entries+=("$jar") ;;
  esac
done
(IFS=:; echo "${entries[*]}")
