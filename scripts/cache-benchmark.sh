#!/usr/bin/env bash
# Benchmarks verdict cache lookups on PostgreSQL against SQLite in one run, with a throwaway PostgreSQL
# on 127.0.0.1 started here and stopped by process id at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/bootstrap.sh
postgres_dir=$(mktemp -d /tmp/referee-bench-pg.XXXXXX)
trap '"$root/scripts/postgres.sh" stop "$postgres_dir"' EXIT
url=$(scripts/postgres.sh start "$postgres_dir")
port=$(echo "$url" | sed -E 's|.*:([0-9]+)/.*|\1|')
bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -1)")
# The floor for one lookup on this machine: pgbench's prepared primary-key SELECT over libpq, one connection.
export PGPASSWORD=referee
"$bin/pgbench" -h 127.0.0.1 -p "$port" -U referee -i -s 1 -q referee >/dev/null 2>&1
echo "baseline: pgbench -S -M prepared, 1 connection, 5 s (libpq, C):"
"$bin/pgbench" -h 127.0.0.1 -p "$port" -U referee -n -S -M prepared -c 1 -T 5 referee 2>/dev/null | grep -E "latency average|^tps" | sed 's/^/  /'
cd Benchmarks
swift build -c release --product CacheBenchmark
.build/release/CacheBenchmark "$url"
