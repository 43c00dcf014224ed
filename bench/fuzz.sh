#!/usr/bin/env bash
# The API fuzzer at volume: malformed requests to every operation of the hub's OpenAPI document, as
# a person, a vendor and anonymous (src/test/java/org/openvrm/ApiFuzzer.java).
# Usage: bench/fuzz.sh [requests [seed [port]]]   (default 100000 requests, a random seed, a new hub
# in this JVM on an H2 file; SPRING_PROFILES_ACTIVE=postgres for PostgreSQL; a port fuzzes a hub
# already running there). Exits 1 on any finding: a 5xx, internals in a body, an /api/ error that
# is not application/problem+json. The seed is printed, so a finding can be sent again.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openvrm.bench.ApiFuzzBenchmark "${1:-100000}" "${2:-}" ${3:+"$3"}
