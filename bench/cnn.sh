#!/usr/bin/env bash
# cnn() against the same network in PyTorch (Debian python3-torch), seconds per epoch on 48,000 Fashion-MNIST
# images, batch 128, Adam, back to back in one session. Writes bench/cnn-results.md.
# Usage: bench/cnn.sh [epochs per timing, default 3: the first left out] [thread counts, default "1 2"]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py=/usr/bin/python3
epochs=${1:-3}
threads=${2:-1 2}
./mvnw -q -o -pl lib test-compile
./mvnw -q -o -pl lib dependency:build-classpath -Dmdep.outputFile="$root/lib/target/bench.classpath" >/dev/null
source .mvn/select-jdk.sh && labkit_select_jdk
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
log=$(mktemp)
{
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
  echo "- python: $("$py" -c 'import sys, torch; print(sys.version.split()[0], "torch", torch.__version__)')"
  echo "- $(load) (start)"
  echo
  echo "| model | threads | PyTorch s/epoch | PyTorch CPU s/epoch (main thread) |"
  echo "|---|---|---|---|"
  # the peer without the machine's OpenBLAS settings, which slow PyTorch (PEERS.md)
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 MODELS=cnn "$py" bench/torch_softmax.py "$epochs" $threads
  echo
  echo "- $(load) (after PyTorch)"
  echo
  (cd lib && LABKIT_HOME="$root" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx6g \
    -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" dev.labkit.neural.NeuralBench \
    "$epochs" timing "$(echo $threads | tr ' ' ',')" cnn 2> >(grep -v -e '^WARNING' -e '^\[W' >&2)) | grep '^|'
  echo
  echo "- $(load) (end)"
} | tee "$log"
cp "$log" bench/cnn-results.md
echo "written bench/cnn-results.md"
