#!/usr/bin/env bash
# Benchmarks verdict cache lookups on PostgreSQL against SQLite in one run, with a throwaway PostgreSQL
# on 127.0.0.1 (scripts/postgres.sh run starts it and stops it by process id at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
(cd Benchmarks && swift build -c release --product CacheBenchmark)
scripts/postgres.sh run bash -c '
  set -euo pipefail
  url=$REFEREE_TEST_POSTGRES_URL
  port=$(echo "$url" | sed -E "s|.*:([0-9]+)/.*|\1|")
  bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -1)")
  # The floor for one lookup on this machine: pgbench prepared primary-key SELECT over libpq, one connection.
  export PGPASSWORD=referee
  "$bin/pgbench" -h 127.0.0.1 -p "$port" -U referee -i -s 1 -q referee >/dev/null 2>&1
  echo "baseline: pgbench -S -M prepared, 1 connection, 5 s (libpq, C):"
  "$bin/pgbench" -h 127.0.0.1 -p "$port" -U referee -n -S -M prepared -c 1 -T 5 referee 2>/dev/null |
    grep -E "latency average|^tps" | sed "s/^/  /"
  Benchmarks/.build/release/CacheBenchmark "$url"
'
