#!/usr/bin/env bash
# Intent published -> every matched vendor's webhook received, p50/p99, with 1,000 vendors subscribed.
# Usage: bench/intents.sh [vendors] [intents]   (defaults 1000 and 200; see IntentDeliveryBenchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openvrm.bench.IntentDeliveryBenchmark "${1:-1000}" "${2:-200}"
