#!/usr/bin/env bash
# PostGIS ingest benchmark (PassageIngestBenchmark): in one run, COPY straight into the day partition,
# COPY via staging table + INSERT ON CONFLICT (the idempotent writer), batched INSERT and row-by-row
# INSERT, all with every passage index, as a table of rows/s; then COPY sustained for 10 minutes with a
# line per 30 s. Uses a fresh schema in rfid_test (dropped at the end). Only session settings change.
# Disk: about 0.35 GB per million passages while it runs. Extra arguments are passed on, e.g.
#   scripts/bench-postgis-ingest.sh --duration PT2M --connections 1
set -euo pipefail
cd "$(dirname "$0")/.."
CP="$(scripts/bench-classpath.sh)"
exec java -Xmx2g -Dlogback.configurationFile=scripts/bench-logback.xml -cp "$CP" \
  org.openrfid.trace.service.bench.PassageIngestBenchmark \
  --rows 2000000 --row-by-row-rows 20000 --batch 10000 --days 2 --connections 2 --duration PT10M "$@"
