#!/usr/bin/env bash
# A bank statement of N rows from upload to done, as CSV, camt.053 and MT940, and an overlapping re-import.
# Usage: bench/statements.sh [rows]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openvrm.bench.StatementImportBenchmark "${1:-200000}"
