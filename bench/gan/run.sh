#!/usr/bin/env bash
# ms per D+G step at batch 128: labkit (DJL 0.36 + PyTorch 2.7.1) against PyTorch 1.13 (Debian python3-torch),
# the same models and algorithm, in the same session, each at 1 and 2 intra-op threads, `uptime` beside each line.
# usage: bench/gan/run.sh [steps reps]     (default 50 steps x 5 reps)   needs: python3-torch, dataset-fashion-mnist
# MODELS (mlp dcgan dcgan32; default mlp dcgan), THREADS (labkit's, default "1 2") and PAIRS (PyTorch's
# threads/BLAS threads, default "1/1 1/2 2/1") pick what runs: THREADS=1 PAIRS=1/1 MODELS=dcgan32 bench/gan/run.sh 10 5
set -euo pipefail
cd "$(dirname "$0")/../.."
steps=${1:-50}
reps=${2:-5}
./mvnw -q -B -o test-compile -pl lib
./mvnw -q -B -o dependency:build-classpath -pl lib -Dmdep.outputFile="$PWD/lib/target/gan-bench-cp.txt" >/dev/null
source .mvn/select-jdk.sh && labkit_select_jdk
cp="lib/target/classes:lib/target/test-classes:$(cat lib/target/gan-bench-cp.txt)"
for model in ${MODELS:-mlp dcgan}; do
  for threads in ${THREADS:-1 2}; do
    echo "load: $(uptime | sed 's/.*load average: //')"
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$cp" \
      dev.labkit.gan.GanStepBench "$model" "$threads" "$steps" "$reps" 2>/dev/null | sed 's/^/labkit /'
  done
  # PyTorch: torch threads / BLAS (OpenBLAS) threads; 2 / 2 oversubscribes the 2 cores (5-10x slower), so it is left out
  for pair in ${PAIRS:-1/1 1/2 2/1}; do
    echo "load: $(uptime | sed 's/.*load average: //')"
    t=${pair%/*} b=${pair#*/}
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$b /usr/bin/python3 bench/gan/torch_gan_step.py "$model" "$t" "$steps" "$reps" \
      | sed "s|threads $t|threads $t / BLAS $b|"
  done
done
