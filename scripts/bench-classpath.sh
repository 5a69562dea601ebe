#!/usr/bin/env bash
# Shared by the bench-postgis-*.sh scripts: compiles traceability-service with its tests (offline) and
# prints the classpath that runs the benchmarks. Nothing is installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$(mktemp)"
./mvnw -o -q -B -pl traceability-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
echo "$PWD/traceability-service/target/classes:$PWD/traceability-service/target/test-classes:$(cat "$cp_file")"
rm -f "$cp_file"
