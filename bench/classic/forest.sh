#!/usr/bin/env bash
# The random forest row of bench/README.md: labkit's forest and scikit-learn's, back to back, on the same
# 20,000 Fashion-MNIST training images (the first ones, fashion20k.py's split) and the 10,000 test images.
# Usage: bench/classic/forest.sh [rounds]   (default 3; round r: ours in a fresh JVM, then scikit-learn,
# both seeded 41 + r, so the rounds also show how test accuracy varies with the seed)
# Each line has the 1-minute load average before its fit. Add `smile` as a second argument to also fit
# Smile's forest (SmileForestModel, ≈ 45–90 s) once at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
rounds=${1:-3}
py=/usr/bin/python3 # Debian's python3 with python3-sklearn (a pyenv python3 may come first in PATH)

./mvnw -q -o -pl lib compile
./mvnw -q -o -pl lib dependency:build-classpath -Dmdep.outputFile="$root/lib/target/bench.classpath" >/dev/null
source .mvn/select-jdk.sh && labkit_select_jdk
cp="lib/target/classes:$(cat lib/target/bench.classpath)"
"$JAVA_HOME/bin/javac" -nowarn --add-modules jdk.incubator.vector -cp "$cp" -d lib/target/bench-classic \
  bench/classic/ClassifiersBench.java 2> >(grep -v -i -e 'warning' >&2)
ours() {
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx6g \
    -Dsplit=first -cp "lib/target/bench-classic:$cp" "$@" 2> >(grep -v '^WARNING' >&2)
}
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p')"
echo "python: $("$py" -c 'import sklearn, sys; print(sys.version.split()[0], "sklearn", sklearn.__version__)')"
for ((r = 1; r <= rounds; r++)); do
  ours -Dseed=$((41 + r)) ClassifiersBench forest
  (cd bench/classic && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" forest_peer.py 1 $((41 + r)))
done
if [[ "${2:-}" == "smile" ]]; then ours ClassifiersBench forest-smile; fi
