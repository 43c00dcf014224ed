#!/usr/bin/env bash
# The production start of docs/operations.md (extract, training run, class data sharing archive, start), run as
# written in a scratch directory, so that CI fails when the recipe stops working on the JDK.
# Usage: bench/production-start.sh [jar]   (after ./mvnw package; default target/openvrm.jar; about 1 min)
# Each step must succeed and the archive must exist; the hub must answer 200 on GET / within 120 s
# and have loaded most of its classes from the archive (-Xlog:class+load, count printed); started
# against a missing archive, and against one built before the jar changed, it must refuse to start
# (-Xshare:on). Runs from the scratch directory, so ./data is a new H2 database; port is a free one.
# JDK 17's dynamic archive (-XX:ArchiveClassesAtExit) crashed here in its dump (SIGSEGV in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary: Saxon's lambdas implement an
# interface from a signed jar, which CDS leaves out), as did a static dump from the full class
# list; the recipe therefore dumps a static archive from the class list without lambda proxies.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$root/target/openvrm.jar}
[ -f "$jar" ] || { echo "production-start: FAILED: no jar at $jar (run ./mvnw package first)" >&2; exit 1; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
command -v curl >/dev/null || { echo "production-start: FAILED: curl is needed" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/openvrm-production-start.XXXXXX")
hub= step_pid=
stop() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null || true
  fi
  [ -z "$1" ] || wait "$1" 2>/dev/null || true
}
cleanup() {
  stop "$step_pid"
  stop "$hub"
  cd /
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

began=$SECONDS
fail() {
  echo "production-start: FAILED: $1" >&2
  if [ -n "${2:-}" ] && [ -f "$2" ]; then
    echo "--- last lines of $(basename "$2"):" >&2
    grep -v 'Signed JAR' "$2" | tail -n 30 >&2 || true
  fi
  exit 1
}
# A step in the background, so that a signal to this script is handled at once (and the step stopped).
run() {
  local limit=$1 log=$2 rc=0 t=$SECONDS
  shift 2
  "$@" </dev/null >"$log" 2>&1 &
  step_pid=$!
  while kill -0 "$step_pid" 2>/dev/null; do
    if [ $((SECONDS - t)) -ge "$limit" ]; then
      stop "$step_pid"; step_pid=
      echo "production-start: stopped after $limit s" >>"$log"
      return 124
    fi
    sleep 0.2
  done
  wait "$step_pid" || rc=$?
  step_pid=
  return "$rc"
}
step() { printf 'production-start: [%3d s] %s\n' $((SECONDS - began)) "$*"; }

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}
port=$(free_port) || fail "no free port found"

cd "$work"
step "$("$java" -version 2>&1 | head -n 1); jar $jar; scratch $work; port $port"

# The recipe, as in docs/operations.md (plus </dev/null, logs, a time-out and --server.port for the last line).
step "1/4 extract"
run 60 extract.log "$java" -Djarmode=tools -jar "$jar" extract --destination app \
  || fail "extracting the jar failed (exit $?)" extract.log

step "2/4 training run (class list)"
run 120 training.log "$java" -XX:DumpLoadedClassList=app/classes.lst -Dspring.context.exit=onRefresh -jar app/openvrm.jar \
  || fail "the training run failed (exit $?)" training.log
[ -s app/classes.lst ] || fail "the training run wrote no class list (app/classes.lst)" training.log

step "3/4 archive dump ($(grep -c -v '^#' app/classes.lst) lines in the class list)"
grep -v '^@lambda-proxy' app/classes.lst >app/classes-cds.lst
run 120 dump.log "$java" -Xshare:dump -XX:SharedClassListFile=app/classes-cds.lst -XX:SharedArchiveFile=app/openvrm.jsa \
  -jar app/openvrm.jar || fail "dumping the archive failed (exit $?)" dump.log
[ -s app/openvrm.jsa ] || fail "no archive at app/openvrm.jsa after the dump" dump.log
step "archive app/openvrm.jsa: $(($(stat -c %s app/openvrm.jsa) / 1048576)) MB"

step "4/4 start with the archive"
start=$SECONDS
"$java" -Xshare:on -XX:SharedArchiveFile=app/openvrm.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Xlog:class+load=info:file=class-load.log -jar app/openvrm.jar --server.port="$port" </dev/null >hub.log 2>&1 &
hub=$!
code=
until [ "$code" = 200 ]; do
  kill -0 "$hub" 2>/dev/null || { wait "$hub" && rc=0 || rc=$?; hub=; fail "the hub exited (exit $rc) before answering 200" hub.log; }
  [ $((SECONDS - start)) -lt 120 ] || fail "no 200 from GET / within 120 s (last status: ${code:-none})" hub.log
  sleep 0.2
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null) || code=
done
step "GET / answered 200 after $((SECONDS - start)) s"
total=$(grep -c ' source: ' class-load.log || true)
shared=$(grep -c ' source: shared objects file' class-load.log || true)
step "classes loaded: $total, from the archive: $shared"
grep -q '^\[.*\] org\.openvrm\.OpenVrmApplication source: shared objects file' class-load.log \
  || fail "org.openvrm.OpenVrmApplication was not loaded from the archive" class-load.log
[ "$total" -gt 0 ] && [ $((shared * 2)) -gt "$total" ] \
  || fail "only $shared of $total classes came from the archive (expected more than half)" class-load.log
kill -TERM "$hub"
for _ in $(seq 1 300); do kill -0 "$hub" 2>/dev/null || break; sleep 0.1; done
kill -0 "$hub" 2>/dev/null && fail "the hub did not stop within 30 s of SIGTERM" hub.log
wait "$hub" 2>/dev/null || true
hub=

# The last line must refuse to start (not run without sharing) when the archive cannot be used.
# -Dspring.context.exit=onRefresh stops the hub if it starts anyway, so that this is reported, not hung.
refuses() {
  local what=$1 archive=$2 rc=0 expect='Unable to use shared archive'
  run 60 refused.log "$java" -Xshare:on -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dspring.context.exit=onRefresh -jar app/openvrm.jar --server.port="$port" || rc=$?
  [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] || fail "started against $what (exit $rc) instead of refusing" refused.log
  grep -q "$expect" refused.log || fail "refused $what (exit $rc) without saying \"$expect\"" refused.log
  step "refuses $what: exit $rc, \"$(grep -m 1 -v -e '^An error has occurred' -e '^Error occurred' refused.log)\""
}
refuses "a missing archive" app/missing.jsa
touch app/openvrm.jar
refuses "an archive of an earlier jar" app/openvrm.jsa

step "passed in $((SECONDS - began)) s"
