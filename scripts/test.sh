#!/usr/bin/env bash
# Installs what the tests need and runs the whole suite, with a throwaway PostgreSQL server on 127.0.0.1
# for the shared-cache tests (started here, stopped by process id when the run ends).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/bootstrap.sh
postgres_dir=$(mktemp -d /tmp/referee-test-pg.XXXXXX)
trap '"$root/scripts/postgres.sh" stop "$postgres_dir"' EXIT
REFEREE_TEST_POSTGRES_URL=$(scripts/postgres.sh start "$postgres_dir")
export REFEREE_TEST_POSTGRES_URL
swift build --build-tests
swift test --skip-build "$@"
