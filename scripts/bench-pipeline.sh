#!/usr/bin/env bash
# Decoded reads in -> passages out through the real Camel routes (issue 5, goal >= 1 M reads/s on 2 cores).
# Builds event-pipeline's test classes (and reader-adapter) and runs PipelineBenchmark, which prints a table.
# Options go to the benchmark: [--locations 200] [--tags 100000] [--max-batch 64] [--warmup 5] [--seconds 10]
#   [--modes direct,cluster] [--producers 1] [--rssi-floor -80] [--no-tid]
# Environment: JAVA_OPTS (default -Xms2g -Xmx2g, G1 as the app), BENCH_JFR=FILE records a JFR profile,
#   MVN_OFFLINE=1 builds with -o.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(./mvnw -q -B)
[ "${MVN_OFFLINE:-0}" = 1 ] && MVN+=(-o)
echo "building event-pipeline test classes..." >&2
"${MVN[@]}" -pl event-pipeline -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >&2
CP="event-pipeline/target/test-classes:event-pipeline/target/classes:reader-adapter/target/classes:$(cat event-pipeline/target/cp.txt)"
JFR=()
[ -n "${BENCH_JFR:-}" ] && JFR=("-XX:StartFlightRecording=filename=${BENCH_JFR},settings=profile")
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xms2g -Xmx2g} "${JFR[@]}" -cp "$CP" \
  org.openrfid.trace.pipeline.PipelineBenchmark "$@"
