#!/usr/bin/env bash
# Runs Referee on 127.0.0.1:8080 in rules mode with an SQLite verdict cache; extra arguments go to `referee serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build -c release --product referee
exec .build/release/referee serve "$@"
