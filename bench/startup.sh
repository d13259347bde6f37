#!/usr/bin/env bash
# The start-up row of bench/README.md: a warm `./jbang logreg --smoke …` command, whole (launcher, JVM, data,
# fit, run folder), against the peer's `python3 -c 'import sklearn.linear_model'`, back to back.
# Usage: bench/startup.sh [repetitions, default 5]. Prints each time, then the medians, with the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
py=/usr/bin/python3 # Debian's python3 with python3-sklearn
out=$(mktemp -d)
ours=(./jbang logreg --smoke --set model.penalty=l2 --set model.c=1 --no-site --out "$out")
"${ours[@]}" >/dev/null 2>&1 # warm: the library built, the command and its class-data archive kept
"${ours[@]}" >/dev/null 2>&1
seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
ours_times=() peer_times=()
for ((i = 1; i <= reps; i++)); do # interleaved, so both see the same machine
  ours_times+=("$(seconds "${ours[@]}")")
  peer_times+=("$(seconds env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" -c 'import sklearn.linear_model')")
done
echo "labkit: ${ours_times[*]} s; median $(printf '%s\n' "${ours_times[@]}" | median) s"
echo "python3 -c 'import sklearn.linear_model': ${peer_times[*]} s; median $(printf '%s\n' "${peer_times[@]}" | median) s"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out"
