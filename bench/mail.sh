#!/usr/bin/env bash
# Inbound mail over SMTP: messages accepted per second until read, sealed and committed (1 KB and 100 KB,
# 8 clients), beside SubEthaSMTP dropping the data, and heap per message (see MailBenchmark).
# Usage: bench/mail.sh [messages per size] [clients]   (defaults 2000, 8)
# SPRING_PROFILES_ACTIVE=postgres runs on PostgreSQL (schema bench_mail, cleaned first).
# SKIP_BUILD=1 runs what is built, with the classpath in target/bench-classpath.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openvrm.bench.MailBenchmark "${1:-2000}" "${2:-8}"
