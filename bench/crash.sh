#!/usr/bin/env bash
# kill -9 under write load: the packaged hub, 8 API clients creating and editing records, killed with
# SIGKILL after 1.5-4 s, started again on the same data; every acknowledged write and the audit chain
# are checked after each restart (src/test/java/org/openvrm/KillNineTrials.java).
# Usage: bench/crash.sh [trials [seed]]   (default 20 trials on the embedded H2 file as shipped;
# SPRING_PROFILES_ACTIVE=postgres bench/crash.sh 5 runs on PostgreSQL in a schema of its own).
# Exits 1 if anything acknowledged was lost.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openvrm.bench.CrashBenchmark "${1:-20}" ${2:+"$2"}
