#!/usr/bin/env bash
# Runs foodrisk. With no KAFKA_BOOTSTRAP_SERVERS it starts the embedded default: a local
# single-node KRaft broker (Kafka jars from Maven Central, data in ./data), provisions the
# topics, publishes the plan catalog, starts the Kafka Streams topology and the HTTP API, and
# replays generated demo data through all four inputs. Ctrl-C stops everything cleanly.
#
#   ./run.sh                                   # embedded broker + demo data
#   KAFKA_BOOTSTRAP_SERVERS=kafka:9092 ./run.sh  # a real cluster; demo off unless FOODRISK_DEMO=true
set -euo pipefail
cd "$(dirname "$0")"

# Build (incremental after the first time); tests are the other command: mvn -B verify
mvn -B -q -DskipTests package

port="${FOODRISK_HTTP_PORT:-8080}"
echo "foodrisk: starting; dashboard at http://localhost:${port}/dashboard/ (demo sign-in tokens: demo-analyst, demo-unit-120114, demo-admin)"
echo "foodrisk: API at http://localhost:${port}/api/v1/alerts (Authorization: Bearer demo-analyst; health: /health, metrics: /prometheus)"
exec java -Xmx1g -Dfile.encoding=UTF-8 \
  ${FOODRISK_DEMO:+-Dfoodrisk.demo=${FOODRISK_DEMO}} \
  -Dfoodrisk.broker.classpath-file=streams-app/target/broker.classpath \
  -cp "streams-app/target/classes:$(cat streams-app/target/app.classpath)" \
  org.foodrisk.Application "$@"
