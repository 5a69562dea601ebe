#!/usr/bin/env bash
# PostGIS query benchmark (PassageQueryBenchmark) on 100 M passages in database rfid_bench.
#   scripts/bench-postgis-queries.sh          query benchmark on the loaded rfid_bench
#   scripts/bench-postgis-queries.sh --load   first (re)load rfid_bench: 100 M passages from the
#                                             sample-data generator (PassageBenchLoader, ~40 GB on disk)
# The cold tag-history run drops the OS page cache when run as root (sync; echo 3 > drop_caches).
set -euo pipefail
cd "$(dirname "$0")/.."
CP="$(scripts/bench-classpath.sh)"
JAVA=(java -Xmx2g -Dlogback.configurationFile=scripts/bench-logback.xml -cp "$CP")
if [ "${1:-}" = "--load" ]; then
  shift
  "${JAVA[@]}" org.openrfid.trace.service.bench.PassageBenchLoader \
    --db rfid_bench --rows 100000000 --vehicles 200000 --days 70 --seed 42 --batch 50000 --fresh
fi
DROP=()
if [ "$(id -u)" -eq 0 ]; then DROP=(--drop-caches); fi
exec "${JAVA[@]}" org.openrfid.trace.service.bench.PassageQueryBenchmark --db rfid_bench --runs 1000 --warm-tags 100 --seed 7 "${DROP[@]}" "$@"
