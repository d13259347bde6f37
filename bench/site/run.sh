#!/usr/bin/env bash
# The report site at scale: 1,000 synthetic run folders (10 metrics x 1,000 steps each), a full
# build, an incremental build after one new run, page sizes, and time to interactive in headless
# Chromium. Usage: bench/site/run.sh [folder] [runs] [steps]   (defaults: /tmp/labkit-site-bench 1000 1000)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
./mvnw -q -pl lib test-compile
./mvnw -q -pl lib dependency:build-classpath -Dmdep.outputFile="$root/lib/target/bench.classpath" >/dev/null
source .mvn/select-jdk.sh && labkit_select_jdk
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); chromium: $(/usr/bin/chromium --version 2>/dev/null || echo none)"
cd lib
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  dev.labkit.report.SiteBench "$@"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
