#!/usr/bin/env bash
# The open market between two whole hubs in one JVM: publish on A -> all offers of B's vendors visible on A
# (p50/p99, beside the same intent published locally on B), and inbound signed `search` throughput on B.
# Usage: bench/market.sh [vendors] [intents] [seconds] [clients]   (defaults 100, 30, 20, 8; see OpenMarketBenchmark)
# SPRING_PROFILES_ACTIVE=postgres runs both hubs on PostgreSQL (schemas bench_market_a and _b, cleaned first).
# SKIP_BUILD=1 runs what is built, with the classpath in target/bench-classpath.txt (on a shared machine: build
# once, under its Maven lock, then run).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openvrm.bench.OpenMarketBenchmark "${1:-100}" "${2:-30}" "${3:-20}" "${4:-8}"
