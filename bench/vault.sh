#!/usr/bin/env bash
# Vault put+get throughput through HTTP, encrypted vs. encryption switched off, in one run.
# Usage: bench/vault.sh [rounds]   (default 5; each round measures a batch in each mode, 4 KiB and 1 MiB)
# JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/vault.sh runs the same classes on another JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openvrm.bench.VaultBenchmark "${1:-5}"
