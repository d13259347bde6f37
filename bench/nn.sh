#!/usr/bin/env bash
# The training-loop benchmark: labkit's hand-written DJL loop, the bare DJL calls, and the same loop in
# plain PyTorch, in the same session on the same data. Writes bench/nn-results.md (and prints it).
# Usage: bench/nn.sh [epochs per timing, default 6] [thread counts, default "1 2"]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=bench/nn-results.md
py=/usr/bin/python3 # Debian's python3 with python3-torch (a pyenv python3 may come first in PATH)
epochs=${1:-6}
threads=${2:-1 2}

# the library and the bench main (lib/src/test/java/dev/labkit/neural/NeuralBench.java)
./mvnw -q -o -pl lib test-compile
./mvnw -q -o -pl lib dependency:build-classpath -Dmdep.outputFile="$root/lib/target/bench.classpath" >/dev/null
source .mvn/select-jdk.sh && labkit_select_jdk
ours() {
  (cd lib && LABKIT_HOME="$root" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx6g \
    -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" dev.labkit.neural.NeuralBench "$@" \
    2> >(grep -v -e '^WARNING' -e '^\[W' >&2)) | grep '^|'
}
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

log=$(mktemp)
{
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "- java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); DJL 0.36.0, libtorch 2.7.1 (CPU)"
  echo "- python: $("$py" -c 'import sys, torch; print(sys.version.split()[0], "torch", torch.__version__)')"
  echo "- $(load) (start)"
  echo
  echo "### PyTorch: seconds per epoch (median of $epochs epochs, the first left out), batch 128, Adam"
  echo
  echo "| model | threads | PyTorch s/epoch | PyTorch CPU s/epoch (main thread) |"
  echo "|---|---|---|---|"
  # OMP_NUM_THREADS=1: libtorch's own pool is set by set_num_threads; no second pool beside it
  OMP_NUM_THREADS=1 "$py" bench/torch_softmax.py "$epochs" $threads
  echo
  echo "- $(load) (after PyTorch)"
  echo
  echo "### labkit: our loop and the bare DJL calls, seconds per epoch (same medians)"
  echo
  ours "$epochs" timing "$(echo $threads | tr ' ' ',')"
  echo
  echo "- $(load) (after labkit timing)"
  echo
  echo "### labkit: softmax regression, 10 epochs, batch 128, 48,000 / 12,000 split, test accuracy (seed 42)"
  echo
  ours "$epochs" accuracy
  echo
  echo "- $(load) (end)"
} | tee "$log"
cp "$log" "$out"
echo "written $out"
