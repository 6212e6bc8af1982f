#!/usr/bin/env bash
# Benchmarks of foodrisk (commands, never tests; `mvn -B verify` only compiles them).
#
#   ./benchmark.sh e2e    [--records 100000] [--rates 5,25] [--rate-seconds 60] [--incidents-every 2]
#       pass-through vs full topology on a fresh local KRaft broker, same data: throughput to
#       completion, CPU, heap, event→alert latency at fixed rates, ratios full / pass-through
#   ./benchmark.sh replay [--records 73766] [--pass-through-threads 1,2]
#       the tuned exactly-once pass-through (the baseline), then the full topology, on one year of
#       national-scale sampling results (7,000,000 = the national 2023 volume; the
#       default is a scaled sample) through the full topology: time and state size afterwards
#   ./benchmark.sh jmh    [JMH options, e.g. -p method=ears-c2 -f 3 -i 10]
#       JMH benchmarks of the aberration detectors, per series and per point
#   ./benchmark.sh intake [JMH options, e.g. -p topic=sampling-results -f 3 -i 10]
#       JMH benchmarks of record intake on demo traffic: RecordIntake.accept, and the contract
#       check with and without the fast path (IntakeBenchmark)
#   ./benchmark.sh deployed [--weeks 26] [--seed 42] [--trials 20] [--out target/deployed-evaluation.md]
#       the pipeline as deployed (TopologyTestDriver, production defaults) on arrival-order demo
#       traffic: alerts per district per week on clean data, detection of planted incidents
#   ./benchmark.sh backtest [runs, default 5]
#       the backtest CLI (tools/backtest) against R surveillance (where Rscript is installed) on 16
#       weekly series, farringtonFlexible and farrington b = 3, w = 3: R's system.time, our detection
#       time and the whole command's wall time, median of the runs
#
# Each command builds what it needs first (set FOODRISK_BENCH_SKIP_BUILD=true to skip that).
# Results of one run, with the machine described: docs/benchmarks.md (deployed: docs/evaluation.md).
set -euo pipefail
cd "$(dirname "$0")"

command="${1:-help}"
shift || true
case "$command" in
  e2e|replay|jmh|intake|deployed|backtest) ;;
  *) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

if [[ "$command" == backtest ]]; then
  [[ "${FOODRISK_BENCH_SKIP_BUILD:-false}" == true ]] || mvn -B -q -DskipTests -pl tools -am package
  runs="${1:-5}"
  data=benchmarks/src/main/resources/backtest/sixteen-units-weekly.csv
  range_start=2023-01-30   # the first of the last 103 weeks, as benchmarks/r/backtest-speed.R judges them
  declare -A r_seconds=()
  if command -v Rscript > /dev/null; then
    r_out=$(Rscript benchmarks/r/backtest-speed.R "$data" 2> /dev/null | grep -v '^Running')
    echo "$r_out"
    while read -r _ method _ _ _ _ _ elapsed _; do r_seconds[${method%:}]="$elapsed"
    done < <(grep '^R ' <<< "$r_out")
  else
    echo "Rscript not found: R's side is not measured (apt-get install r-cran-surveillance)" >&2
  fi
  tools/backtest --method farrington --input "$data" --output /dev/null --frequency week > /dev/null 2>&1 || true # trains the class archive (BacktestTraining) if the build is new
  median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  echo "| method | periods | alarms | R elapsed s | ours: detection ms (median of $runs) | ratio R / ours | whole command s (median) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for method in farrington-flexible farrington; do
    detections=() walls=() summary=""
    for ((run = 0; run < runs; run++)); do
      start=$(date +%s%N)
      summary=$(tools/backtest --method "$method" --b 3 --w 3 --input "$data" --output /dev/null --frequency week \
        --range-start "$range_start" 2>&1 >/dev/null | tail -1)
      walls+=($(( ($(date +%s%N) - start) / 1000000 )))
      detections+=($(sed 's/.*(detection \([0-9]*\) ms).*/\1/' <<< "$summary"))
    done
    detection=$(printf '%s\n' "${detections[@]}" | median)
    wall=$(printf '%s\n' "${walls[@]}" | median)
    periods=$(sed 's/.*: \([0-9]*\) periods judged.*/\1/' <<< "$summary")
    alarms=$(sed 's/.*judged, \([0-9]*\) alarms.*/\1/' <<< "$summary")
    r="${r_seconds[$method]:-}"
    ratio=$([[ -n "$r" ]] && awk -v r="$r" -v d="$detection" 'BEGIN {printf "%.0f", r * 1000 / d}' || echo "–")
    printf '| %s | %s | %s | %s | %s | %s | %.2f |\n' "$method" "$periods" "$alarms" "${r:-–}" "$detection" "$ratio" \
      "$(awk -v w="$wall" 'BEGIN {print w / 1000}')"
  done
  echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

if [[ "${FOODRISK_BENCH_SKIP_BUILD:-false}" != true ]]; then
  mvn -B -q -DskipTests -pl benchmarks -am package
fi
# This clone's own modules first: bench.classpath may name the foodrisk jars in ~/.m2 (when built
# without -am), which another build can replace at any time.
cp="benchmarks/target/classes:streams-app/target/classes:demo/target/classes:statistics/target/classes:topics/target/classes:$(cat benchmarks/target/bench.classpath)"
# JAVA_OPTS adds JVM options, e.g. JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/full.jfr" to profile.
java_opts=(-Xmx1g -Dfile.encoding=UTF-8 -Dlogback.configurationFile=benchmarks/target/classes/logback-bench.xml
  -Dfoodrisk.broker.classpath-file=streams-app/target/broker.classpath ${JAVA_OPTS:-})
# FOODRISK_PROFILE=/tmp/replay.html profiles the run with async-profiler (from Maven Central, fetched once): CPU time
# of every thread, Java and native frames — RocksDB's time shows, which JFR's Java samples leave out. A flame graph
# (.html) or collapsed stacks (.collapsed), by the file's extension.
if [[ -n "${FOODRISK_PROFILE:-}" ]]; then
  profiler_dir=benchmarks/target/async-profiler
  if [[ ! -f "$profiler_dir/linux-x64/libasyncProfiler.so" ]]; then
    mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 -DoutputDirectory="$profiler_dir"
    (cd "$profiler_dir" && jar xf async-profiler-4.1-linux-x64.jar linux-x64/libasyncProfiler.so)
  fi
  java_opts+=("-agentpath:$profiler_dir/linux-x64/libasyncProfiler.so=start,event=cpu,interval=2ms,threads,file=$FOODRISK_PROFILE")
fi

case "$command" in
  e2e)    exec java "${java_opts[@]}" -cp "$cp" org.foodrisk.benchmark.EndToEndBenchmark "$@" ;;
  replay) exec java "${java_opts[@]}" -cp "$cp" org.foodrisk.benchmark.ReplayBenchmark "$@" ;;
  deployed) exec java "${java_opts[@]}" -cp "$cp" org.foodrisk.benchmark.evaluation.DeployedEvaluation "$@" ;;
  jmh)
    java -cp "$cp" org.foodrisk.benchmark.DetectorBenchmark
    exec java -cp "$cp" org.openjdk.jmh.Main DetectorBenchmark "$@" ;;
  intake) exec java -cp "$cp" org.openjdk.jmh.Main IntakeBenchmark "$@" ;;
esac
