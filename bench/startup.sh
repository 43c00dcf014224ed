#!/usr/bin/env bash
# Start-up to ready, and resident memory when idle, of the packaged hub on the embedded default.
# Usage: bench/startup.sh [runs]   (after ./mvnw package -DskipTests)
# "Ready" is the first 200 from GET / after launch (the process is serving pages); RSS is read
# from /proc after 30 s idle. Each run starts from an empty ./data in a scratch directory, so
# Flyway migrates a new database every time (the worst case).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=target/openvrm.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=18080

# Class data sharing as the production recipe of docs/operations.md does it (see bench/production-start.sh):
# extract the jar, record the classes that start-up and the first pages load (a training run that
# serves a few pages, then stops), and dump a static archive from that list without its lambda
# proxies (JDK 17 crashes dumping Saxon's); the measured runs map that archive, and -Xshare:on makes
# them fail rather than run without it.
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
(cd "$work" && exec java -XX:DumpLoadedClassList=app/classes.lst -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Dspring.datasource.url="jdbc:h2:file:$work/training/openvrm;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0" \
  -jar app/openvrm.jar --server.port=$port >"$work/training.log" 2>&1) &
trainer=$!
until curl -s -o /dev/null "http://localhost:$port/" 2>/dev/null; do sleep 0.2; done
for page in / /login /signup /vendor/signup /me /v3/api-docs; do curl -s -o /dev/null "http://localhost:$port$page"; done
kill -TERM "$trainer"; wait "$trainer" 2>/dev/null || true
grep -v '^@lambda-proxy' "$work/app/classes.lst" >"$work/app/classes-cds.lst"
(cd "$work" && java -Xshare:dump -XX:SharedClassListFile=app/classes-cds.lst -XX:SharedArchiveFile=app/openvrm.jsa \
  -jar app/openvrm.jar >"$work/dump.log" 2>&1) || { echo "dumping the archive failed: see $work/dump.log" >&2; exit 1; }

measure() {
  local label=$1; shift
  for i in $(seq 1 "$runs"); do
    rm -rf "$work/data"
    local start end pid rss
    start=$(date +%s%N)
    (cd "$work" && exec java "$@" -jar app/openvrm.jar --server.port=$port >"$work/log" 2>&1) &
    pid=$!
    until curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/" 2>/dev/null | grep -q 200; do sleep 0.05; done
    end=$(date +%s%N)
    sleep 30
    rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$(pgrep -P $pid java || echo $pid)/status" 2>/dev/null || awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    started=$(grep -o 'Started OpenVrmApplication in [0-9.]* seconds' "$work/log" | grep -o '[0-9.]*' | head -n 1)
    printf '%-34s run %d: ready in %5.2f s (Spring: started in %s s), idle RSS %4d MB\n' "$label" "$i" \
      "$(echo "($end - $start) / 1000000000" | bc -l)" "$started" "$rss"
  done
}

[ -n "${SKIP_DEFAULT:-}" ] || measure "default JVM"
measure "CDS + C1 + SerialGC (as run)" -Xshare:on -XX:SharedArchiveFile=app/openvrm.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${EXTRA_JVM_ARGS:-}
