#!/usr/bin/env bash
# End to end, one machine (issue 5: goal >= 500 k raw reads/s sustained for 60 s): the LLRP reader
# simulator (own JVM, gantry traffic) -> loopback LLRP sockets -> the app (web-ui jar, postgis profile,
# demo off) -> passages stored in PostGIS database rfid_e2e (dropped and created anew each run).
# Prints reads/s accepted by the app, passages stored/s, pipeline lag and queue depths every interval, the
# CPU each party used, and a summary. Everything it starts is stopped on exit.
#
# Environment (defaults in brackets):
#   READERS [10]  RATE reads/s per reader [50000]  PRESENT tags present per reader [1000]
#   DURATION measured seconds [60]  WARMUP [20]  INTERVAL [10]  APP_PORT [18080]  BASE_PORT first LLRP port [15084]
#   APP_OPTS [-Xms2g -Xmx2g]  SIM_OPTS [-Xms1g -Xmx2g]  JFR=1 records both JVMs (target/e2e/app.jfr, sim.jfr)
#   PGHOST [127.0.0.1] PGPORT [5432] PGSUPER [postgres]  BUILD=1 rebuilds the jar even when present
set -euo pipefail
cd "$(dirname "$0")/.."
READERS=${READERS:-10} RATE=${RATE:-50000} PRESENT=${PRESENT:-1000}
SECONDS_MEASURED=${DURATION:-60} WARMUP=${WARMUP:-20} INTERVAL=${INTERVAL:-10}
APP_PORT=${APP_PORT:-18080} BASE_PORT=${BASE_PORT:-15084}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGSUPER=${PGSUPER:-postgres} DB=rfid_e2e
JAR=web-ui/target/rfid-trace.jar
OUT=target/e2e
PASSWORD=e2e-bench-$$
BASE="http://127.0.0.1:${APP_PORT}"

die() { echo "bench-llrp-postgis: $*" >&2; exit 1; }
mkdir -p "$OUT"
rm -rf "$OUT/data" "$OUT"/*.log
APP_PID="" SIM_PID=""
cleanup() {
  for pid in $SIM_PID $APP_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v psql >/dev/null || die "psql not found"
pg_isready -h "$PGHOST" -p "$PGPORT" -q || die "PostgreSQL is not answering on $PGHOST:$PGPORT"
for port in "$APP_PORT" $(seq "$BASE_PORT" $((BASE_PORT + READERS - 1))); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port is in use (set APP_PORT / BASE_PORT)"
done
if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  echo "building $JAR..."
  ./mvnw -q -B -pl web-ui -am package -DskipTests || die "build failed"
fi

psql_su() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGSUPER" -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_su -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || die "cannot drop $DB"
psql_su -d postgres -c "CREATE DATABASE $DB" || die "cannot create $DB"
psql_su -d "$DB" -c "CREATE EXTENSION postgis" || die "PostGIS is not installed for this server (scripts/setup-postgis.sh)"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
JFR_OPTS=() SIM_JFR_OPTS=()
if [ "${JFR:-0}" = 1 ]; then
  JFR_OPTS=("-XX:StartFlightRecording=filename=$OUT/app.jfr,settings=profile")
  SIM_JFR_OPTS=("-XX:StartFlightRecording=filename=$OUT/sim.jfr,settings=profile")
fi
# shellcheck disable=SC2086
RFID_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" RFID_DB_USER="$PGSUPER" RFID_DB_PASSWORD="" RFID_ADMIN_PASSWORD="$PASSWORD" \
RFID_DATA_DIR="$OUT/data" java ${APP_OPTS:--Xms2g -Xmx2g} "${JFR_OPTS[@]}" -jar "$JAR" \
  --spring.profiles.active=postgis --rfid.demo.enabled=false --server.port="$APP_PORT" \
  --rfid.cluster.name="e2e-bench-$$" --rfid.cluster.port=5801 >"$OUT/app.log" 2>&1 &
APP_PID=$!
echo "app pid $APP_PID (log $OUT/app.log), waiting for it to be up..."
for i in $(seq 1 180); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app.log" >&2; die "the app died while starting"; }
  curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
  [ "$i" = 180 ] && die "the app did not come up in 180 s"
  sleep 1
done

# The simulator runs without Spring: logback's default would log every ltkjava message at DEBUG.
cat >"$OUT/sim-logback.xml" <<'XML'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder></appender>
  <logger name="org.openrfid" level="INFO"/>
  <root level="WARN"><appender-ref ref="OUT"/></root>
</configuration>
XML
# shellcheck disable=SC2086
java ${SIM_OPTS:--Xms1g -Xmx2g} "${SIM_JFR_OPTS[@]}" -Dlogback.configurationFile="$OUT/sim-logback.xml" -cp "$JAR" -Dloader.main=org.openrfid.trace.reader.simulator.SimulatorMain \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --gantries "$READERS" --gantry-rate "$RATE" --gantry-present "$PRESENT" --base-port "$BASE_PORT" >"$OUT/sim.log" 2>&1 &
SIM_PID=$!
echo "simulator pid $SIM_PID: $READERS gantry readers x $RATE reads/s, $PRESENT tags present each (log $OUT/sim.log)"
for i in $(seq 1 120); do
  kill -0 "$SIM_PID" 2>/dev/null || { cat "$OUT/sim.log" >&2; die "the simulator died"; }
  [ "$(cat "$OUT/sim.log" 2>/dev/null | grep -c 'listening on')" -ge "$READERS" ] && break
  [ "$i" = 120 ] && die "the simulator did not open its ports in 120 s"
  sleep 1
done

api() { curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$@"; }
for r in $(seq 1 "$READERS"); do
  api "$BASE/api/v1/locations" -d "{\"id\":\"E2E-$r\",\"name\":\"gantry $r\",\"kind\":\"checkpoint\",\"lat\":29.5$r,\"lon\":106.5$r}" >/dev/null \
    || die "cannot create location E2E-$r"
  api "$BASE/api/v1/readers" -d "{\"id\":\"gantry-$r\",\"host\":\"127.0.0.1\",\"port\":$((BASE_PORT + r - 1)),\"connection\":\"CLIENT\",\"tls\":false,\"antennas\":[{\"antenna\":0,\"location\":\"E2E-$r\"}]}" >/dev/null \
    || die "cannot create reader gantry-$r"
done
for i in $(seq 1 60); do
  connected=$(api "$BASE/api/v1/readers" | grep -o '"state":"CONNECTED"' | wc -l)
  [ "$connected" -ge "$READERS" ] && break
  [ "$i" = 60 ] && die "only $connected of $READERS readers connected in 60 s"
  sleep 1
done
echo "$READERS readers connected; warming up ${WARMUP} s"
sleep "$WARMUP"

# --- sampling -------------------------------------------------------------------------------------------
metric() { # name [label filter] [format]: sum of the samples of a metric in the last scrape
  awk -v n="$1" -v f="${2:-}" -v fmt="${3:-%.0f}" '!/^#/ { split($1, a, "{") } !/^#/ && a[1] == n && (f == "" || index($1, f)) { s += $NF }
    END { printf fmt, s }' "$OUT/scrape"; }
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { # CPU of the PostgreSQL backends serving rfid_e2e (the server's own processes are shared)
  local sum=0 pid
  for pid in $(pgrep -f "postgres: .* $DB " || true); do
    sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$sum"
}
total_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
scrape() { curl -sf -u "admin:$PASSWORD" "$BASE/actuator/prometheus" >"$OUT/scrape" || die "cannot scrape the app"; }
HZ=$(getconf CLK_TCK)

scrape
t_start=$(date +%s.%N); reads0=$(metric rfid_reads_in_total); stored0=$(metric rfid_passages_stored_total); out0=$(metric rfid_passages_out_total)
reports0=$(metric rfid_reader_tag_reports_total)
app0=$(ticks "$APP_PID"); sim0=$(ticks "$SIM_PID"); pg0=$(pg_ticks); tot0=$(total_ticks)
prev_t=$t_start prev_reads=$reads0 prev_stored=$stored0 prev_reports=$reports0
printf '\n| t (s) | reader reads/s | reads in/s | passages stored/s | lag (ms) | reads queue | owned queue | passages queue | open presences |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
end=$(( $(date +%s) + SECONDS_MEASURED ))
while [ "$(date +%s)" -lt "$end" ]; do
  sleep "$INTERVAL"
  kill -0 "$APP_PID" 2>/dev/null || die "the app died (see $OUT/app.log)"
  kill -0 "$SIM_PID" 2>/dev/null || die "the simulator died (see $OUT/sim.log)"
  scrape
  now=$(date +%s.%N); reads=$(metric rfid_reads_in_total); stored=$(metric rfid_passages_stored_total); reports=$(metric rfid_reader_tag_reports_total)
  awk -v t="$(awk -v a="$now" -v b="$t_start" 'BEGIN { print a - b }')" -v dt="$(awk -v a="$now" -v b="$prev_t" 'BEGIN { print a - b }')" -v r="$((reads - prev_reads))" -v s="$((stored - prev_stored))" \
      -v rr="$((reports - prev_reports))" -v lag="$(metric rfid_pipeline_lag_seconds "" %.4f)" -v qr="$(metric rfid_queue_size 'queue="reads"')" \
      -v qo="$(metric rfid_queue_size 'queue="owned"')" -v qp="$(metric rfid_queue_size 'queue="passages"')" -v op="$(metric rfid_presences_open)" \
      'BEGIN { printf "| %.0f | %d | %d | %d | %.0f | %d | %s | %d | %d |\n", t, rr / dt, r / dt, s / dt, lag * 1000, qr, (qo == "" ? "-" : qo), qp, op }'
  prev_t=$now prev_reads=$reads prev_stored=$stored prev_reports=$reports
done
t_end=$(date +%s.%N)
app1=$(ticks "$APP_PID"); sim1=$(ticks "$SIM_PID"); pg1=$(pg_ticks); tot1=$(total_ticks)
stored_db=$(psql_su -d "$DB" -c "SELECT count(*) FROM passage")
late=$(metric rfid_reads_late_total); unmapped=$(metric rfid_reads_unmapped_total); spool=$(metric rfid_spool_batches)
failures=$(metric rfid_store_failures_total)

awk -v dt="$(awk -v a="$t_end" -v b="$t_start" 'BEGIN { print a - b }')" -v hz="$HZ" -v r="$((prev_reads - reads0))" -v rr="$((prev_reports - reports0))" -v s="$((prev_stored - stored0))" \
    -v app="$((app1 - app0))" -v sim="$((sim1 - sim0))" -v pg="$((pg1 - pg0))" -v tot="$((tot1 - tot0))" \
    -v readers="$READERS" -v rate="$RATE" -v db="$stored_db" -v late="$late" -v unm="$unmapped" -v spool="$spool" -v fail="$failures" 'BEGIN {
  printf "\nsummary over %.0f s (offered: %d readers x %d reads/s = %d reads/s)\n", dt, readers, rate, readers * rate
  printf "| what | value |\n|---|---:|\n"
  printf "| raw reads received by the LLRP sessions | %d /s |\n", rr / dt
  printf "| reads into smoothing (rfid_reads_in) | %d /s |\n", r / dt
  printf "| passages stored (rfid_passages_stored) | %d /s |\n", s / dt
  printf "| passages in %s at the end | %d |\n", "rfid_e2e", db
  printf "| late / unmapped reads (whole run) | %d / %d |\n", late, unm
  printf "| store failures / spooled batches now | %d / %d |\n", fail, spool
  printf "| CPU: app JVM | %.2f cores |\n", app / hz / dt
  printf "| CPU: simulator JVM | %.2f cores |\n", sim / hz / dt
  printf "| CPU: PostgreSQL backends of rfid_e2e | %.2f cores |\n", pg / hz / dt
  printf "| CPU: whole machine, all processes | %.2f cores |\n", tot / hz / dt
  printf "| app CPU per read | %.2f us |\n", (r > 0 ? app / hz / r * 1e6 : 0)
}'
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "${JFR:-0}" = 1 ] && echo "JFR recordings: $OUT/app.jfr, $OUT/sim.jfr (written as the JVMs stop, on exit)"
exit 0
