#!/usr/bin/env bash
# Prepares this machine for the full test suite, installing only what is missing:
#   - PostGIS 3 for the running PostgreSQL 15, and the test database rfid_test with the postgis extension
#   - Debian's chromium + chromium-driver for the browser tests, and CJK fonts for their zh-CN screenshots
#   - tshark, the independent LLRP dissector the simulator's traffic is checked against
# Idempotent; needs root (or sudo) only when something must be installed.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
PG_USER="${RFID_TEST_PG_USER:-postgres}"
TEST_DB="${RFID_TEST_DB:-rfid_test}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
dpkg -s "postgresql-${PG_VERSION}-postgis-3" >/dev/null 2>&1 || missing+=("postgresql-${PG_VERSION}-postgis-3")
dpkg -s chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s chromium-driver >/dev/null 2>&1 || missing+=(chromium-driver)
dpkg -s tshark >/dev/null 2>&1 || missing+=(tshark)
# Chinese glyphs for the browser tests' screenshots of zh-CN pages (a desk browser has its own fonts).
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# The MQTT ingest test talks to a real broker on 127.0.0.1:1883.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_open 1883 || dpkg -s mosquitto >/dev/null 2>&1 || missing+=(mosquitto)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  # tshark asks whether non-root users may capture; the default (no) is right for a test machine.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! pg_isready -h "$PG_HOST" -p "$PG_PORT" -q; then
  echo "setup: starting PostgreSQL ${PG_VERSION}"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
  for _ in $(seq 1 30); do pg_isready -h "$PG_HOST" -p "$PG_PORT" -q && break; sleep 1; done
fi
pg_isready -h "$PG_HOST" -p "$PG_PORT" || { echo "setup: PostgreSQL is not reachable at ${PG_HOST}:${PG_PORT}" >&2; exit 1; }

if ! port_open 1883; then
  echo "setup: starting Mosquitto on 127.0.0.1:1883"
  if [ -f /etc/mosquitto/mosquitto.conf ]; then as_root mosquitto -d -c /etc/mosquitto/mosquitto.conf; else as_root mosquitto -d -p 1883; fi
  for _ in $(seq 1 10); do port_open 1883 && break; sleep 1; done
fi
port_open 1883 || { echo "setup: no MQTT broker on 127.0.0.1:1883" >&2; exit 1; }

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '${TEST_DB}'")" != "1" ]; then
  echo "setup: creating database ${TEST_DB}"
  psql_admin -d postgres -c "CREATE DATABASE ${TEST_DB}"
fi
psql_admin -d "$TEST_DB" -c "CREATE EXTENSION IF NOT EXISTS postgis"
# Leftover schemas of interrupted test runs.
psql_admin -d "$TEST_DB" -c "DO \$\$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%' LOOP EXECUTE 'DROP SCHEMA ' || quote_ident(s) || ' CASCADE'; END LOOP; END \$\$"
echo "setup: PostGIS $(psql_admin -d "$TEST_DB" -c 'SELECT postgis_lib_version()') ready in ${TEST_DB}; $(chromium --version 2>/dev/null | head -1); $(tshark --version 2>/dev/null | head -1)"
