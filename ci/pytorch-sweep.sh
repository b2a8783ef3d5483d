#!/usr/bin/env bash
# Measures PyTorch's training step in the settings that decide its speed on this machine (OpenBLAS
# variant, ATen kernels, conv layout, denormals), one factor at a time from the pthread OpenBLAS,
# so that `make bench-pytorch` can use the fastest as the reference (docs/performance.md).
# Usage: ci/pytorch-sweep.sh OUT_DIR [MODEL,...]; each configuration's pytorch.csv goes to OUT_DIR/<name>/.
set -euo pipefail
out=${1:?usage: ci/pytorch-sweep.sh OUT_DIR [MODEL,...]}
models=${2:-r001/conv-ae/variant=deconv/mnist,r000/deep-ae/mnist,r003/denoising-conv/filters=64/sigma=0.1/fashion-mnist,r002/conv-ae/colored-mnist}
python=${PYTORCH_PYTHON:-/usr/bin/python3}
blas_dir=/usr/lib/x86_64-linux-gnu
run_cp=$(ci/private-classpath.sh "$(mktemp -d)")
configs=(
  "pthread          openblas-pthread default"
  "openmp           openblas-openmp  default"
  "pthread-avx512   openblas-pthread AVX512"
  "pthread-nhwc     openblas-pthread default --channels-last"
  "pthread-denormal openblas-pthread default --keep-denormals"
)
for line in "${configs[@]}"; do
  read -r name blas capability option <<<"$line"
  [ -d "$blas_dir/$blas" ] || { echo "pytorch-sweep: $blas_dir/$blas missing (apt-get install libopenblas0-${blas#openblas-})" >&2; exit 2; }
  env LD_LIBRARY_PATH="$blas_dir/$blas" $( [ "$capability" = default ] || echo "ATEN_CPU_CAPABILITY=${capability,,}" ) \
    java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$run_cp" org.aebench.harness.Main bench --quick \
      --pytorch "$python" --model "$models" --out "$out/$name" ${option:+--pytorch-option=$option} 2>&1 | grep '^pytorch:' | sed "s|^|$name |"
done
