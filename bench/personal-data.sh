#!/usr/bin/env bash
# The personal data API under load: authorised reads and durable writes of vault records through HTTP.
# Usage: bench/personal-data.sh [seconds [threads]]   (default 20 s measured after 20 s warm-up, 8 client threads)
# On the embedded default (H2 file in a new temporary directory); SPRING_PROFILES_ACTIVE=postgres bench/personal-data.sh
# runs it on PostgreSQL (127.0.0.1:5432/test, a schema of its own, dropped at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openvrm.bench.PersonalDataBenchmark "${1:-20}" "${2:-8}"
