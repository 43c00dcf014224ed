#!/usr/bin/env bash
# "Who bids?": OpenVRM's MatchingIndex against Apache Lucene Monitor 9.11.1, one thread, same generated
# workload (fixed seed), for 10,000, 100,000 and 1,000,000 subscriptions in one run.
# Usage: bench/matching.sh [sizes [ours|both [market|skewed]]]   e.g. bench/matching.sh 10000,100000
#        (defaults: 10000,100000,1000000, both engines, the market workload);
#        bench/matching.sh 1000000 ours          times our index alone (no Lucene), for quick runs;
#        bench/matching.sh 1000000 both skewed   the stress workload (see bench/matching/.../SkewedGeography.java).
# The results in bench/matching-results.txt come from: bench/matching.sh | tee bench/matching-results.txt
# and those in bench/matching-skewed.txt from: bench/matching.sh 10000,100000,1000000 ours skewed
# Lucene is a dependency of bench/matching/pom.xml only, never of the hub.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -f bench/matching/pom.xml package
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xms10g -Xmx10g -XX:+UseG1GC -XX:+AlwaysPreTouch \
  -cp "bench/matching/target/classes:bench/matching/target/lib/*" \
  org.openvrm.bench.matching.MatchingBenchmark "${1:-10000,100000,1000000}" ${2:+"$2"} ${3:+"$3"}
