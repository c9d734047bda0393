#!/usr/bin/env bash
# Installs what the tests need, checks that every import is declared in Package.swift (scripts/check-imports.sh)
# and runs the whole suite, with a throwaway PostgreSQL server on 127.0.0.1 for the shared-cache tests
# (started by scripts/postgres.sh, stopped by process id when the run ends).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/check-imports.sh
swift build --build-tests
scripts/postgres.sh run swift test --skip-build "$@"
