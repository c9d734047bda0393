#!/usr/bin/env bash
# Installs what the tests need, checks that every import is declared in Package.swift (scripts/check-imports.sh)
# and runs the whole suite, with a throwaway PostgreSQL server on 127.0.0.1 for the shared-cache tests
# (started by scripts/postgres.sh, stopped by process id when the run ends).
# The test run is bounded (REFEREE_TEST_MINUTES, default 30) and runs in its own process group
# (`timeout` makes one), so a hung or stray-signalling test fails this run instead of stalling CI.
# Then the Python client's tests run against the debug binaries (scripts/python-tests.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
phase() { echo "test.sh: $1 after $((SECONDS - started)) s" >&2; }
scripts/bootstrap.sh
phase "set-up done"
scripts/check-imports.sh
swift build --build-tests
phase "build done"
status=0
scripts/postgres.sh run timeout --kill-after=30 "${REFEREE_TEST_MINUTES:-30}m" swift test --skip-build "$@" || status=$?
[ "$status" -ne 124 ] || echo "test.sh: the test run exceeded ${REFEREE_TEST_MINUTES:-30} minutes and was stopped" >&2
phase "tests done (status $status)"
REFEREE_BINARIES_BUILT=1 scripts/python-tests.sh || status=$?
phase "python client tests done (status $status)"
exit "$status"
