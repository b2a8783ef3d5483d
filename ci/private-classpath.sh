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
# The harness jar by pattern, so the version lives in the pom alone; a stale jar of another version is an error, not a guess.
shopt -s nullglob
jars=(harness/target/aebench-harness-*.jar)
if [ ${#jars[@]} -ne 1 ]; then
  echo "private-classpath: expected one harness/target/aebench-harness-*.jar, found ${#jars[@]} (run make clean build)" >&2
  exit 1
fi
cp "${jars[0]}" "$dir/aebench.jar"
entries=("$dir/aebench.jar")
IFS=: read -ra deps < harness/target/classpath.txt || true  # the file has no final newline
for jar in "${deps[@]}"; do
  case "$jar" in
    # a module built alone (mvn -pl harness) finds its siblings in the local repository, which
    # the next mvn install rewrites just the same: copy those too
    "$root"/* | */org/aebench/*) cp "$jar" "$dir/" && entries+=("$dir/$(basename "$jar")") ;;
    *) entries+=("$jar") ;;
  esac
done
(IFS=:; echo "${entries[*]}")
