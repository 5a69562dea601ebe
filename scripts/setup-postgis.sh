#!/usr/bin/env bash
# Installs PostGIS for the running PostgreSQL (Debian packages) when missing and creates the
# application database with the postgis extension, owned by an application user.
#   RFID_DB_NAME (default rfid), RFID_DB_USER (default rfid), RFID_DB_PASSWORD (required to create the user)
set -euo pipefail
PG_VERSION="${PG_VERSION:-15}"
PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
DB="${RFID_DB_NAME:-rfid}"
APP_USER="${RFID_DB_USER:-rfid}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! dpkg -s "postgresql-${PG_VERSION}-postgis-3" >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-${PG_VERSION}-postgis-3"
fi
if ! pg_isready -h "$PG_HOST" -p "$PG_PORT" -q; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
fi

psql_su() { as_root su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -qAt $*"; }
if [ "$(psql_su "-d postgres -c \"SELECT 1 FROM pg_roles WHERE rolname = '${APP_USER}'\"")" != "1" ]; then
  : "${RFID_DB_PASSWORD:?set RFID_DB_PASSWORD to create the database user ${APP_USER}}"
  psql_su "-d postgres -c \"CREATE ROLE ${APP_USER} LOGIN PASSWORD '${RFID_DB_PASSWORD}'\""
fi
if [ "$(psql_su "-d postgres -c \"SELECT 1 FROM pg_database WHERE datname = '${DB}'\"")" != "1" ]; then
  psql_su "-d postgres -c \"CREATE DATABASE ${DB} OWNER ${APP_USER}\""
fi
psql_su "-d ${DB} -c \"CREATE EXTENSION IF NOT EXISTS postgis\""
echo "PostGIS ready: jdbc:postgresql://${PG_HOST}:${PG_PORT}/${DB} (user ${APP_USER})"
