#!/usr/bin/env bash
# Runs foodrisk. With no KAFKA_BOOTSTRAP_SERVERS it starts the embedded default: a local
# single-node KRaft broker (Kafka jars from Maven Central, data in ./data), provisions the
# topics, publishes the plan catalog, starts the Kafka Streams topology and the HTTP API, and
# replays generated demo data through all four inputs. Ctrl-C stops everything cleanly.
# The demo is not in the service: its generator (demo/) and the bean that feeds it (demo-feeder/)
# are put on the classpath here, unless FOODRISK_DEMO=false; the feeder then runs when the
# setting foodrisk.demo is on (by default only on the embedded broker).
#
#   ./run.sh                                   # embedded broker + demo data
#   KAFKA_BOOTSTRAP_SERVERS=kafka:9092 ./run.sh  # a real cluster; demo off unless FOODRISK_DEMO=true
set -euo pipefail
cd "$(dirname "$0")"

# Build (incremental after the first time); tests are the other command: mvn -B verify
# Not quiet: the first build downloads for minutes and should say so (a line per module, no
# per-file download progress, the end of the output when it fails); no colour codes in a file.
echo "foodrisk: building (the first build downloads dependencies and takes a few minutes)"
color=never; [ -t 1 ] && color=auto
build_log="$(mktemp)"
if ! mvn -B -ntp -Dstyle.color="$color" -DskipTests package 2>&1 | tee "$build_log" \
    | grep --line-buffered -E '^\[INFO\] (Building .*\[[0-9]+/[0-9]+\]|BUILD )'; then
  echo "foodrisk: the build failed; the end of its output:"
  tail -n 60 "$build_log"
  rm -f "$build_log"
  exit 1
fi
rm -f "$build_log"

port="${FOODRISK_HTTP_PORT:-8080}"
echo "foodrisk: starting; dashboard at http://localhost:${port}/dashboard/ (demo sign-in tokens: demo-analyst, demo-unit-120114, demo-admin)"
echo "foodrisk: API at http://localhost:${port}/api/v1/alerts (Authorization: Bearer demo-analyst; health: /health, metrics: /prometheus)"
# Direct memory (Netty's request buffers) bounded apart from the heap: what the HTTP limits let
# clients make the server buffer stays far below it (docs/http-limits.md), so a flood of large
# bodies is refused instead of exhausting it and failing every other request with 500.
classpath="streams-app/target/classes:$(cat streams-app/target/app.classpath)"
if [ "${FOODRISK_DEMO:-}" != false ]; then
  classpath="${classpath}:demo-feeder/target/classes:$(cat demo-feeder/target/demo.classpath)"
fi
exec java -Xmx1g -XX:MaxDirectMemorySize=256m -Dfile.encoding=UTF-8 \
  ${FOODRISK_DEMO:+-Dfoodrisk.demo=${FOODRISK_DEMO}} \
  -Dfoodrisk.broker.classpath-file=streams-app/target/broker.classpath \
  -cp "$classpath" \
  org.foodrisk.Application "$@"
