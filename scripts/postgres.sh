#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for tests and benchmarks, stopped by its process id.
#   scripts/postgres.sh start DIR   installs Debian's server if missing, starts one in DIR, prints its URL
#                                   (also in DIR/url) and keeps its process id in DIR/pid
#   scripts/postgres.sh stop DIR    stops that server by process id and removes DIR
#   scripts/postgres.sh run CMD...  starts one in a new folder, runs CMD with REFEREE_TEST_POSTGRES_URL set to
#                                   its URL, then stops it whatever CMD did; exits with CMD's status
# The server has a role and database "referee" (password "referee") and accepts only loopback connections.
set -euo pipefail

command=${1:-}
dir=${2:-}
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: scripts/postgres.sh start|stop DIR, or run CMD..." >&2; exit 2; }

as_root=""
[ "$(id -u)" -eq 0 ] || as_root="sudo"

install_server() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && return
  echo "postgres.sh: installing Debian's postgresql" >&2
  # No default cluster and no service start: the only server is the one this script starts and stops.
  $as_root mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | $as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  # Debian's Docker images already ship a policy-rc.d (exit 101): keep it, and remove only one written here.
  local own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $as_root tee /usr/sbin/policy-rc.d >/dev/null
    $as_root chmod +x /usr/sbin/policy-rc.d
    own_policy=yes
  fi
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  [ -z "$own_policy" ] || $as_root rm -f /usr/sbin/policy-rc.d
}

# PostgreSQL refuses to run as root: as root, run its programs as the "postgres" user.
as_postgres() {
  # From /: the caller's folder may be closed to "postgres" (e.g. under /root).
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
  for port in $(seq 54320 54420); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "postgres.sh: no free port in 54320-54420" >&2
  exit 1
}

case "$command" in
run)
  shift
  run_dir=$(mktemp -d /tmp/referee-pg.XXXXXX)
  trap '"$0" stop "$run_dir"' EXIT
  REFEREE_TEST_POSTGRES_URL=$("$0" start "$run_dir")
  export REFEREE_TEST_POSTGRES_URL
  "$@"
  ;;
start)
  install_server
  bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
  echo referee > "$dir/password"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir/password"
  as_postgres "$bin/initdb" -D "$dir/data" -U referee --pwfile="$dir/password" -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log"
  port=$(free_port)
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" start >/dev/null
  head -1 "$dir/data/postmaster.pid" > "$dir/pid"
  as_postgres "$bin/psql" -h "$dir" -p "$port" -U referee -d postgres -q -c "CREATE DATABASE referee" >/dev/null
  url="postgres://referee:referee@127.0.0.1:$port/referee?sslmode=disable"
  echo "$url" > "$dir/url"
  echo "$url"
  ;;
stop)
  if [ -f "$dir/pid" ]; then
    pid=$(cat "$dir/pid")
    # SIGINT is PostgreSQL's fast shutdown: sessions are ended, then the server exits.
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: scripts/postgres.sh start|stop DIR, or run CMD..." >&2
  exit 2
  ;;
esac
