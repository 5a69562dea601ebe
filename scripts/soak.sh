#!/usr/bin/env bash
# The soak (issue 18): the app at a realistic load for a long time, watching for what only time shows.
# Starts the app (web-ui jar, embedded H2GIS and demo mode unless DB=postgis), LLRP gantry readers in a
# simulator JVM over real loopback TCP, and keeps "the UI open": SSE_CLIENTS logged-in sessions each
# holding the dashboard, alert and map streams and reading their events (reconnecting like a browser).
# Every INTERVAL it forces a full GC and prints one row: heap used after it, live threads, open file
# handles, reads/s, passages/s, pipeline lag, SSE events/s. At the end a verdict; exit 1 if a check fails:
#   heap   the median post-GC heap of the last third of the samples after the warm-up at most
#          HEAP_TOLERANCE % above the median of the first third: what is live at one GC moves with the open
#          presences and queued events (one sample up or down by a fifth and more); a leak lifts the median
#   threads, fds  the highest count in the second half of the samples after the warm-up at most
#          THREAD_SLACK / FD_SLACK above the highest in the first half (pools may grow, a leak keeps growing)
#   lag    the pipeline lag never above LAG_MAX_S in any sample after the warm-up
#   load   reads/s received after the warm-up at least 90 % of the offered rate; every SSE stream got events
# Two columns say whether the app had the machine to itself: the CPU of the app and simulator, and of every
# other process (both in % of one core), with the highest of the latter under the verdict.
# Everything it starts is stopped on exit, Ctrl-C included.
#
# Usage: scripts/soak.sh [minutes]      (or SOAK_MINUTES; default 60)
# Environment (defaults in brackets):
#   READERS [50]  TOTAL_RATE reads/s over all readers [50000]  PRESENT tags present per reader [20]
#   INTERVAL seconds between samples [60]  WARMUP seconds [a tenth of the run, at least 120 and INTERVAL]
#   SSE_CLIENTS [3]  HEAP_TOLERANCE [10]  THREAD_SLACK [10]  FD_SLACK [20]  LAG_MAX_S [10]
#   APP_OPTS [-Xms1g -Xmx1g]  SIM_OPTS [-Xms256m -Xmx512m]  OUT [target/soak]
#   DB [h2gis] or postgis (database rfid_soak_<pid> on PGHOST [127.0.0.1] PGPORT [5432] as PGSUPER [postgres],
#   dropped at the end; the postgis profile has no demo)  BUILD=1 rebuilds the jar even when present
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-${SOAK_MINUTES:-60}}
READERS=${READERS:-50} TOTAL_RATE=${TOTAL_RATE:-50000} PRESENT=${PRESENT:-20}
INTERVAL=${INTERVAL:-60} SSE_CLIENTS=${SSE_CLIENTS:-3}
HEAP_TOLERANCE=${HEAP_TOLERANCE:-10} THREAD_SLACK=${THREAD_SLACK:-10} FD_SLACK=${FD_SLACK:-20} LAG_MAX_S=${LAG_MAX_S:-10}
DURATION=$((MINUTES * 60))
# caches (H2's pages, enrichment, the last-seen board) fill during the first minutes; a leak keeps growing after
WARMUP=${WARMUP:-$(( DURATION / 10 > 120 ? DURATION / 10 : 120 ))}
[ "$WARMUP" -ge "$INTERVAL" ] || WARMUP=$INTERVAL
RATE=$((TOTAL_RATE / READERS))
DB=${DB:-h2gis} PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGSUPER=${PGSUPER:-postgres} PGDB=rfid_soak_$$
JAR=web-ui/target/rfid-trace.jar
OUT=$(mkdir -p "${OUT:-target/soak}" && cd "${OUT:-target/soak}" && pwd) # absolute: H2 refuses relative paths
PASSWORD=soak-secret-$$

die() { echo "soak: $*" >&2; exit 2; }
[ "$MINUTES" -ge 1 ] 2>/dev/null || die "minutes must be a whole number >= 1, got $MINUTES"
[ "$WARMUP" -lt "$DURATION" ] || die "the warm-up ($WARMUP s) must be shorter than the run ($DURATION s)"
for tool in curl jcmd java awk setsid; do command -v "$tool" >/dev/null || die "$tool not found"; done
mkdir -p "$OUT"
rm -rf "$OUT/data" "$OUT"/*.log "$OUT"/sse-* "$OUT/samples.tsv"

APP_PID="" SIM_PID="" CLIENT_PIDS="" DB_CREATED=""
stop() { # pid: TERM, wait up to 30 s, then KILL
  kill -0 "$1" 2>/dev/null || return 0
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  for pid in $CLIENT_PIDS; do kill -- "-$pid" 2>/dev/null || true; done # each client is its own process group
  for pid in $SIM_PID $APP_PID; do stop "$pid"; done
  if [ -n "$DB_CREATED" ]; then psql_su -d postgres -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
psql_su() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGSUPER" -v ON_ERROR_STOP=1 -qAt "$@"; }

free_ports() { # count: the first of count consecutive free ports, below the ephemeral range (where the app's
  # own outgoing connections and the demo's simulator take theirs while this script is starting things)
  local n=$1 base p ok low
  low=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  for _ in $(seq 1 50); do
    base=$((10000 + RANDOM % (low - 10000 - n))) ok=1
    for p in $(seq "$base" $((base + n - 1))); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then ok=0; break; fi
    done
    [ "$ok" = 1 ] && { echo "$base"; return; }
  done
  die "no $n free consecutive ports found"
}
APP_PORT=$(free_ports 1) CLUSTER_PORT=$(free_ports 3) BASE_PORT=$(free_ports "$READERS")
BASE="http://127.0.0.1:${APP_PORT}"

if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  echo "building $JAR..."
  ./mvnw -o -q -B -pl web-ui -am package -DskipTests || die "build failed"
fi

# Run a copy: a build during the soak rewrites the jar, and the JVMs load classes from it lazily (a first
# 25-minute run lost its readers to NoClassDefFoundError when a build repackaged the jar at minute 15).
cp "$JAR" "$OUT/rfid-trace.jar"
JAR="$OUT/rfid-trace.jar"

DB_ARGS=()
if [ "$DB" = postgis ]; then
  command -v psql >/dev/null || die "psql not found"
  psql_su -d postgres -c "CREATE DATABASE $PGDB" || die "cannot create $PGDB on $PGHOST:$PGPORT"
  DB_CREATED=1
  psql_su -d "$PGDB" -c "CREATE EXTENSION postgis" || die "PostGIS is not installed for this server (scripts/setup-postgis.sh)"
  DB_ARGS=(--spring.profiles.active=postgis)
  export RFID_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDB" RFID_DB_USER="$PGSUPER" RFID_DB_PASSWORD=""
elif [ "$DB" != h2gis ]; then
  die "DB must be h2gis or postgis, got $DB"
fi

echo "soak: $MINUTES min ($WARMUP s warm-up), $READERS gantry readers x $RATE reads/s = $((READERS * RATE)) reads/s," \
  "$PRESENT tags present per reader, $SSE_CLIENTS UI sessions, store $DB; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
RFID_ADMIN_PASSWORD="$PASSWORD" RFID_DATA_DIR="$OUT/data" java ${APP_OPTS:--Xms1g -Xmx1g} "-Xlog:gc:file=$OUT/gc.log:uptime" -jar "$JAR" "${DB_ARGS[@]}" \
  --server.port="$APP_PORT" --rfid.cluster.name="soak-$$" --rfid.cluster.port="$CLUSTER_PORT" >"$OUT/app.log" 2>&1 &
APP_PID=$!
echo "app pid $APP_PID on port $APP_PORT (log $OUT/app.log)"
for i in $(seq 1 240); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app.log" >&2; die "the app died while starting"; }
  curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
  [ "$i" = 240 ] && die "the app did not come up in 240 s"
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
java ${SIM_OPTS:--Xms256m -Xmx512m} -Dlogback.configurationFile="$OUT/sim-logback.xml" -cp "$JAR" \
  -Dloader.main=org.openrfid.trace.reader.simulator.SimulatorMain org.springframework.boot.loader.launch.PropertiesLauncher \
  --gantries "$READERS" --gantry-rate "$RATE" --gantry-present "$PRESENT" --base-port "$BASE_PORT" >"$OUT/sim.log" 2>&1 &
SIM_PID=$!
for i in $(seq 1 120); do
  kill -0 "$SIM_PID" 2>/dev/null || { cat "$OUT/sim.log" >&2; die "the simulator died"; }
  [ "$(grep -c 'listening on' "$OUT/sim.log" 2>/dev/null)" -ge "$READERS" ] && break
  [ "$i" = 120 ] && die "the simulator did not open its ports in 120 s"
  sleep 1
done

api() { curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$@"; }
for r in $(seq 1 "$READERS"); do
  api "$BASE/api/v1/locations" -d "{\"id\":\"SOAK-$r\",\"name\":\"soak gantry $r\",\"kind\":\"checkpoint\",\"lat\":29.$((500 + r)),\"lon\":106.$((500 + r))}" >/dev/null \
    || die "cannot create location SOAK-$r"
  api "$BASE/api/v1/readers" -d "{\"id\":\"gantry-$r\",\"host\":\"127.0.0.1\",\"port\":$((BASE_PORT + r - 1)),\"connection\":\"CLIENT\",\"tls\":false,\"antennas\":[{\"antenna\":0,\"location\":\"SOAK-$r\"}]}" >/dev/null \
    || die "cannot create reader gantry-$r"
done
for i in $(seq 1 90); do
  connected=$(api "$BASE/api/v1/readers" | grep -o '"state":"CONNECTED"' | wc -l)
  [ "$connected" -ge "$READERS" ] && break
  [ "$i" = 90 ] && die "only $connected readers connected in 90 s"
  sleep 1
done
echo "$connected readers connected (the simulated ones and, in demo mode, the demo city's)"

# --- the UI, open: form login (CSRF token from the page), then the three live streams per session ---------
login() { # cookie jar
  local token
  token=$(curl -sf -c "$1" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  [ -n "$token" ] || die "no CSRF token on the login page"
  curl -sf -b "$1" -c "$1" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" "$BASE/login" | grep -qv error || die "the form login failed"
}
for c in $(seq 1 "$SSE_CLIENTS"); do
  login "$OUT/sse-$c.cookies"
  for stream in dashboard alerts map; do
    # "events opens" counted into a one-line file (each stream opens with a comment line); a stream that
    # ends is reopened a second later, as EventSource does
    setsid bash -c 'while :; do curl -sN -b "$1" -H "Accept: text/event-stream" "$2"; sleep 1; done |
      awk -v f="$3" '"'"'/^:/ { o++; w = 1 } /^event:/ { n++; w = w || n == 1 || n % 20 == 0 } w { print n + 0, o > f; close(f); w = 0 }'"'"'' \
      _ "$OUT/sse-$c.cookies" "$BASE/ui/$stream/stream" "$OUT/sse-$c-$stream.count" &
    CLIENT_PIDS="$CLIENT_PIDS $!"
  done
done
echo "$SSE_CLIENTS UI sessions logged in, each on /ui/dashboard/stream, /ui/alerts/stream and /ui/map/stream"

# --- sampling ---------------------------------------------------------------------------------------------
scrape() { curl -sf -u "admin:$PASSWORD" "$BASE/actuator/prometheus" >"$OUT/scrape" || die "cannot scrape the app"; }
metric() { # name [label filter] [format]: sum of the samples of a metric in the last scrape
  awk -v n="$1" -v f="${2:-}" -v fmt="${3:-%.0f}" '!/^#/ { split($1, a, "{") } !/^#/ && a[1] == n && (f == "" || index($1, f)) { s += $NF }
    END { printf fmt, s }' "$OUT/scrape"; }
heap_after_gc_mb() { # a full GC (jcmd's GC.run: G1 collects the whole heap), then what it left, from the GC log:
  # asking the heap afterwards (GC.heap_info) would count what was allocated in the second jcmd needs to attach
  local before
  before=$(grep -c 'Pause Full (Diagnostic Command)' "$OUT/gc.log" || true)
  jcmd "$APP_PID" GC.run >/dev/null || die "jcmd GC.run failed"
  for _ in $(seq 1 100); do [ "$(grep -c 'Pause Full (Diagnostic Command)' "$OUT/gc.log" || true)" -gt "$before" ] && break; sleep 0.1; done
  grep 'Pause Full (Diagnostic Command)' "$OUT/gc.log" | tail -1 | sed -n 's/.*->\([0-9]*\)M(.*/\1/p'
}
counts() { cat "$OUT"/sse-*"${1:-}".count 2>/dev/null || true; } # "events opens" of each stream (of one kind)
sse_events() { counts | awk '{ s += $1 } END { print s + 0 }'; }
sse_reconnects() { counts | awk '{ s += $2 - 1 } END { print s + 0 }'; }
# CPU in clock ticks: the whole machine busy (all cores), and one process (user + system). The last two columns
# say whether the app had the machine to itself: a soak that shares the cores with a build measures the build.
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
proc_cpu() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

scrape
t0=$(date +%s) prev_t=$(date +%s.%N)
prev_reads=$(metric rfid_reader_tag_reports_total) prev_stored=$(metric rfid_passages_stored_total) prev_sse=$(sse_events)
prev_busy=$(machine_busy) prev_mine=$(( $(proc_cpu "$APP_PID") + $(proc_cpu "$SIM_PID") ))
TICKS=$(getconf CLK_TCK) CORES=$(nproc)
SAMPLES="$OUT/samples.tsv"
: >"$SAMPLES"
printf '\n| min | heap after GC (MB) | threads | fds | reads/s | passages/s | lag (ms) | reads queue | open presences | SSE events/s | SSE reopened | CPU app+sim (%%) | CPU others (%%) |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
while [ $(( $(date +%s) - t0 )) -lt "$DURATION" ]; do
  sleep "$INTERVAL"
  kill -0 "$APP_PID" 2>/dev/null || die "the app died (see $OUT/app.log)"
  kill -0 "$SIM_PID" 2>/dev/null || die "the simulator died (see $OUT/sim.log)"
  scrape
  now=$(date +%s.%N) reads=$(metric rfid_reader_tag_reports_total) stored=$(metric rfid_passages_stored_total) sse=$(sse_events)
  heap=$(heap_after_gc_mb)
  [ -n "$heap" ] || die "no heap figure from jcmd"
  threads=$(awk '/^Threads:/ { print $2 }' "/proc/$APP_PID/status") fds=$(ls "/proc/$APP_PID/fd" | wc -l)
  busy=$(machine_busy) mine=$(( $(proc_cpu "$APP_PID") + $(proc_cpu "$SIM_PID") ))
  row=$(awk -v el="$(( $(date +%s) - t0 ))" -v dt="$(awk -v a="$now" -v b="$prev_t" 'BEGIN { print a - b }')" -v heap="$heap" -v th="$threads" -v fd="$fds" \
      -v r="$((reads - prev_reads))" -v s="$((stored - prev_stored))" -v e="$((sse - prev_sse))" -v lag="$(metric rfid_pipeline_lag_seconds "" %.4f)" \
      -v q="$(metric rfid_queue_size 'queue="reads"')" -v op="$(metric rfid_presences_open)" -v rc="$(sse_reconnects)" \
      -v cm="$((mine - prev_mine))" -v cb="$((busy - prev_busy))" -v hz="$TICKS" -v cores="$CORES" \
      'BEGIN { all = dt * hz * cores / 100; o = cb - cm; if (o < 0) o = 0
               printf "%d\t%.1f\t%d\t%d\t%.0f\t%.0f\t%.0f\t%d\t%d\t%.1f\t%d\t%.0f\t%.0f", el, heap, th, fd, r / dt, s / dt, lag * 1000, q, op, e / dt, rc, cm / all * cores, o / all * cores }')
  echo "$row" >>"$SAMPLES"
  echo "$row" | awk -F'\t' '{ printf "| %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1 / 60, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 }'
  prev_t=$now prev_reads=$reads prev_stored=$stored prev_sse=$sse prev_busy=$busy prev_mine=$mine
done

# --- verdict ----------------------------------------------------------------------------------------------
# every stream opened; the dashboard and map streams push all the time, alerts only when one is raised
unopened=$((SSE_CLIENTS * 3 - $(counts | awk '$2 > 0' | wc -l)))
silent_streams=$({ counts -dashboard; counts -map; } | awk '$1 > 0' | wc -l)
silent_streams=$((SSE_CLIENTS * 2 - silent_streams))
alert_events=$(counts -alerts | awk '{ s += $1 } END { print s + 0 }')
failures=$(metric rfid_store_failures_total) late=$(metric rfid_reads_late_total) spool=$(metric rfid_spool_batches)
echo
awk -F'\t' -v warm="$WARMUP" -v tol="$HEAP_TOLERANCE" -v tslack="$THREAD_SLACK" -v fslack="$FD_SLACK" -v lagmax="$LAG_MAX_S" \
    -v offered="$((READERS * RATE))" -v silent="$silent_streams" -v unopened="$unopened" -v alerts="$alert_events" -v fails="$failures" -v late="$late" -v spool="$spool" '
  $1 >= warm { n++; el[n] = $1; heap[n] = $2; th[n] = $3; fd[n] = $4; reads += $5; pass += $6; if ($7 > lag) lag = $7; if ($13 > others) others = $13 }
  function maxof(a, from, to,   i, m) { m = a[from]; for (i = from + 1; i <= to; i++) if (a[i] > m) m = a[i]; return m }
  function minof(a, from, to,   i, m) { m = a[from]; for (i = from + 1; i <= to; i++) if (a[i] < m) m = a[i]; return m }
  function median(a, from, to,   i, j, k, v, s) { # insertion sort of a copy: a few dozen samples
    k = 0; for (i = from; i <= to; i++) { v = a[i]; j = k; while (j > 0 && s[j] > v) { s[j + 1] = s[j]; j-- } s[j + 1] = v; k++ }
    return k % 2 ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2 }
  function check(ok, what) { printf "%s  %s\n", ok ? "PASS" : "FAIL", what; if (!ok) failed++ }
  END {
    if (n < 2) { print "FAIL  fewer than two samples after the warm-up: nothing to compare"; exit 1 }
    half = int(n / 2)
    third = int(n / 3); if (third < 1) third = 1
    early = median(heap, 1, third); late_median = median(heap, n - third + 1, n)
    growth = (late_median - early) / early * 100
    printf "after the warm-up (%d s): %d samples; store failures %d, late reads %d, spooled batches now %d\n", warm, n, fails, late, spool
    printf "other processes on the machine: up to %d %% of a core in a sample (a soak beside a build measures the build too)\n", others
    check(growth <= tol, sprintf("heap after full GC, median of the first third %.1f MB -> of the last third %.1f MB: %+.1f %% (limit +%d %%; samples %.1f..%.1f MB)", early, late_median, growth, tol, minof(heap, 1, n), maxof(heap, 1, n)))
    check(maxof(th, half + 1, n) <= maxof(th, 1, half) + tslack, sprintf("threads: highest %d in the first half, %d in the second (slack %d)", maxof(th, 1, half), maxof(th, half + 1, n), tslack))
    check(maxof(fd, half + 1, n) <= maxof(fd, 1, half) + fslack, sprintf("file handles: highest %d in the first half, %d in the second (slack %d)", maxof(fd, 1, half), maxof(fd, half + 1, n), fslack))
    check(lag <= lagmax * 1000, sprintf("pipeline lag at most %.0f ms (limit %d s)", lag, lagmax))
    check(reads / n >= 0.9 * offered, sprintf("reads received %.0f /s on average of %d offered; passages stored %.0f /s", reads / n, offered, pass / n))
    check(unopened == 0 && silent == 0, sprintf("UI streams: %d not opened, %d dashboard/map streams without events; %d alert events over all sessions", unopened, silent, alerts))
    print (failed ? "verdict: FAIL" : "verdict: PASS")
    exit failed ? 1 : 0
  }' "$SAMPLES"
