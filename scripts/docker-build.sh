#!/usr/bin/env bash
# Builds Docker/Dockerfile's binaries on this host, without a Docker engine, and checks that they run with
# only the runtime image's packages. Everything it runs is read from the Dockerfile (the ARG values, the COPY
# lines, ENV, USER, WORKDIR, CMD, HEALTHCHECK, and the RUN instruction under each "docker-build.sh:" marker):
#   1. build stage: BUILD_PACKAGES on the host, `swift package resolve` on the manifest alone, then the
#      build RUN in .build-docker/context, a copy of what the Dockerfile COPYs (its own .build is the scratch);
#   2. runtime stage: a Debian bookworm minbase root filesystem (debootstrap, cached in .build-docker), the
#      runtime RUN in it (RUNTIME_PACKAGES, the non-root user), the binaries copied in;
#   3. checks, as the image's user inside that root: ldd finds every library and each runtime library
#      package is used; each binary's --help; `referee serve` on 127.0.0.1 answering `referee healthcheck`
#      and real rollouts on /reward, judged through a stand-in judge and cached in SQLite; two replicas sharing
#      a throwaway PostgreSQL (scripts/postgres.sh) behind Docker/nginx.conf on Debian's nginx: one's verdicts
#      are the other's hits, load spread, Referee's own 413 passed, failover when one stops; the same file
#      unchanged on Debian sid's nginx (it has `resolve`) following a stand-in for Docker's DNS on 127.0.0.11 as
#      replicas join and leave; the healthcheck failing where it must; one SFT and one RL step of grpo-trainer
#      rewarded by the server; Docker/compose.yaml against the Compose spec.
# Prints PASS or FAIL per check and the sizes, and exits 1 when a check fails.
#   scripts/docker-build.sh              # build (incremental) and check
#   scripts/docker-build.sh --no-build   # check the last build again
# Needs root (debootstrap, chroot, mount; a DNS stand-in on 127.0.0.11:53; replicas on 127.0.0.2-3:8080),
# Debian's mirror and PyPI (compose-spec, for the compose check).
set -euo pipefail
cd "$(dirname "$0")/.."

DOCKERFILE=Docker/Dockerfile
WORK=$PWD/.build-docker
CONTEXT=$WORK/context
ROOTFS=$WORK/rootfs
SID_ROOT=$WORK/sid-rootfs
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
BUILD=1
case "${1:-}" in
  "") ;;
  --no-build) BUILD=0 ;;
  *) echo "usage: scripts/docker-build.sh [--no-build]" >&2; exit 2 ;;
esac

die() { echo "docker-build: $*" >&2; exit 1; }
failures=0
passes=0
pass() { printf 'PASS  %s\n' "$*"; passes=$((passes + 1)); }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
[ "$(id -u)" -eq 0 ] || die "run as root: debootstrap, chroot and mount need it"

# ---- What the Dockerfile says ------------------------------------------------------------------------
arg() {
  local value
  value=$(sed -n "s/^ARG $1=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$DOCKERFILE" | head -1)
  [ -n "$value" ] || die "$DOCKERFILE has no ARG $1"
  printf '%s' "$value"
}
# The RUN instruction right under the line '# docker-build.sh: NAME', its continuation lines joined as Docker does.
run_instruction() {
  awk -v marker="# docker-build.sh: $1" '
    $0 == marker { found = 1; next }
    found && !started { if ($0 !~ /^RUN /) exit 1; sub(/^RUN /, ""); started = 1 }
    started { line = $0; more = sub(/\\$/, "", line); text = text line; if (!more) { print text; exit } }
  ' "$DOCKERFILE" || die "$DOCKERFILE has no RUN under '# docker-build.sh: $1'"
}
BUILD_PACKAGES=$(arg BUILD_PACKAGES)
RUNTIME_PACKAGES=$(arg RUNTIME_PACKAGES)
SWIFT_BUILD_FLAGS=$(arg SWIFT_BUILD_FLAGS)
PRODUCTS=$(arg PRODUCTS)
RESOLVE_RUN=$(sed -n 's/^RUN \(swift package resolve.*\)$/\1/p' "$DOCKERFILE")
BUILD_RUN=$(run_instruction build)
RUNTIME_RUN=$(run_instruction runtime)
IMAGE_ENV=$(sed -n 's/^ENV //p' "$DOCKERFILE")
IMAGE_USER=$(sed -n 's/^USER //p' "$DOCKERFILE" | tail -1)
IMAGE_WORKDIR=$(sed -n 's/^WORKDIR //p' "$DOCKERFILE" | tail -1)
CONTEXT_COPIES=$(sed -n 's/^COPY \([^-][^ ]*\) .*$/\1/p' "$DOCKERFILE")
STAGE_COPIES=$(sed -n 's/^COPY --from=build \/src\/\([^ ]*\) \([^ ]*\)$/\1 \2/p' "$DOCKERFILE")
# The exec-form (JSON) CMD and HEALTHCHECK CMD, as word arrays.
mapfile -t IMAGE_CMD < <(sed -n 's/^CMD \(\[.*\]\)$/\1/p' "$DOCKERFILE" | jq -r '.[]')
mapfile -t HEALTH_CMD < <(sed -n 's/^HEALTHCHECK .*CMD \(\[.*\]\)$/\1/p' "$DOCKERFILE" | jq -r '.[]')
((${#IMAGE_CMD[@]})) && ((${#HEALTH_CMD[@]})) || die "$DOCKERFILE needs CMD and HEALTHCHECK CMD in exec form (JSON)"
[ -n "$RESOLVE_RUN" ] && [ -n "$IMAGE_ENV" ] && [ -n "$IMAGE_USER" ] && [ -n "$IMAGE_WORKDIR" ] \
  && [ -n "$CONTEXT_COPIES" ] && [ -n "$STAGE_COPIES" ] || die "$DOCKERFILE lacks a line this script reads"
image_env() {
  local pair
  for pair in $IMAGE_ENV; do [ "${pair%%=*}" = "$1" ] && { printf '%s' "${pair#*=}"; return; }; done
  die "$DOCKERFILE's ENV line has no $1"
}
echo "Dockerfile: products [$PRODUCTS], flags [$SWIFT_BUILD_FLAGS], runtime packages [$RUNTIME_PACKAGES]"

# ---- 1. Build stage ----------------------------------------------------------------------------------
install_missing() {
  local package missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
  fi
}
# shellcheck disable=SC2086 # the package list is a word list
install_missing $BUILD_PACKAGES
for tool in debootstrap rsync curl jq python3; do command -v "$tool" > /dev/null || install_missing "$tool"; done
mkdir -p "$WORK"

if [ "$BUILD" = 1 ]; then
  for source in $CONTEXT_COPIES; do
    grep -qx "!${source%/}/\{0,1\}" .dockerignore || fail ".dockerignore lets $source into the build context"
  done
  mkdir -p "$WORK/manifest-only"
  cp Package.swift "$WORK/manifest-only/"
  if (cd "$WORK/manifest-only" && sh -c "$RESOLVE_RUN") > "$WORK/resolve.log" 2>&1; then
    pass "'$RESOLVE_RUN' works on Package.swift alone (the cached dependency layer)"
  else
    fail "'$RESOLVE_RUN' on Package.swift alone; see $WORK/resolve.log"
  fi
  mkdir -p "$CONTEXT"
  for source in $CONTEXT_COPIES; do rsync -a --delete "${source%/}" "$CONTEXT/"; done
  echo "building in $CONTEXT (log: $WORK/build.log) ..."
  started=$(date +%s)
  if (cd "$CONTEXT" && env BUILD_PACKAGES="$BUILD_PACKAGES" SWIFT_BUILD_FLAGS="$SWIFT_BUILD_FLAGS" PRODUCTS="$PRODUCTS" \
      sh -c "$BUILD_RUN") > "$WORK/build.log" 2>&1; then
    pass "build RUN ($(($(date +%s) - started)) s): swift build $SWIFT_BUILD_FLAGS for $PRODUCTS"
  else
    tail -20 "$WORK/build.log"
    fail "build RUN; see $WORK/build.log"
    exit 1
  fi
fi
STAGING=$CONTEXT/staging/bin

# ---- 2. Runtime stage: minbase root filesystem + the runtime RUN --------------------------------------
unmount_all() {
  local point
  for point in "$ROOTFS/dev" "$ROOTFS/sys" "$ROOTFS/proc" "$SID_ROOT/proc"; do
    if mountpoint -q "$point" 2>/dev/null; then umount -l "$point" || true; fi
  done
}
remove_rootfs() {
  unmount_all
  # --one-file-system: never follow a mount that is still there into the host.
  [ ! -e "$ROOTFS" ] || rm -rf --one-file-system "$ROOTFS"
}
pids=()
PG_DIR=""
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ -z "$PG_DIR" ] || scripts/postgres.sh stop "$PG_DIR"
  unmount_all
}
trap cleanup EXIT

BASE_TAR=$WORK/rootfs-bookworm-minbase.tar
if [ ! -f "$BASE_TAR" ]; then
  echo "debootstrap --variant=minbase bookworm (once; log: $WORK/debootstrap.log) ..."
  rm -rf --one-file-system "$WORK/debootstrap"
  debootstrap --variant=minbase bookworm "$WORK/debootstrap" "$MIRROR" > "$WORK/debootstrap.log" 2>&1 \
    || die "debootstrap failed; see $WORK/debootstrap.log"
  tar -C "$WORK/debootstrap" -cf "$BASE_TAR.tmp" . && mv "$BASE_TAR.tmp" "$BASE_TAR"
  rm -rf --one-file-system "$WORK/debootstrap"
fi
STAMP="$RUNTIME_PACKAGES | $RUNTIME_RUN"
if [ ! -f "$ROOTFS/.docker-build-stamp" ] || [ "$(cat "$ROOTFS/.docker-build-stamp")" != "$STAMP" ]; then
  remove_rootfs
  mkdir -p "$ROOTFS"
  tar -C "$ROOTFS" -xf "$BASE_TAR"
  # What makes Docker's debian:bookworm-slim slim, so the root and its sizes match the image: apt keeps no
  # package lists or caches, and dpkg leaves out documentation, manuals and translations (from the base too).
  find "$ROOTFS/var/cache/apt" -name '*.deb' -delete
  cat > "$ROOTFS/etc/apt/apt.conf.d/docker-clean" <<'APT'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APT
  cat > "$ROOTFS/etc/dpkg/dpkg.cfg.d/docker" <<'DPKG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
DPKG
  find "$ROOTFS/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  rm -rf "$ROOTFS/usr/share/man/"* "$ROOTFS/usr/share/info/"* "$ROOTFS/usr/share/locale/"* "$ROOTFS/usr/share/lintian/"*
  rm -rf "$ROOTFS/var/cache/apt/"*.bin "$ROOTFS/var/lib/apt/lists/"*
  du_base=$(du -sm --one-file-system "$ROOTFS" | cut -f1)
  cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
  mount -t proc proc "$ROOTFS/proc"
  echo "runtime RUN in the root filesystem (log: $WORK/runtime-run.log) ..."
  if chroot "$ROOTFS" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      RUNTIME_PACKAGES="$RUNTIME_PACKAGES" sh -c "$RUNTIME_RUN" > "$WORK/runtime-run.log" 2>&1; then
    printf '%s' "$STAMP" > "$ROOTFS/.docker-build-stamp"
    echo "$du_base" > "$ROOTFS/.docker-build-base-mib"
    du -sm --one-file-system "$ROOTFS" | cut -f1 > "$ROOTFS/.docker-build-runtime-mib"
  else
    tail -20 "$WORK/runtime-run.log"
    die "the runtime RUN failed in the root filesystem; see $WORK/runtime-run.log"
  fi
  unmount_all
fi
for product in $PRODUCTS; do [ -x "$STAGING/$product" ] || die "no $STAGING/$product: run without --no-build first"; done
while read -r source destination; do
  mkdir -p "$ROOTFS$destination"
  rsync -a --delete "$CONTEXT/$source" "$ROOTFS$destination"
done <<< "$STAGE_COPIES"
mount -t proc proc "$ROOTFS/proc"
mount -t sysfs -o ro sysfs "$ROOTFS/sys"
mount --bind /dev "$ROOTFS/dev"

uid=$(chroot "$ROOTFS" id -u "$IMAGE_USER") || die "no user $IMAGE_USER in the root filesystem"
gid=$(chroot "$ROOTFS" id -g "$IMAGE_USER")
# Runs a command in the root filesystem as the image's user, with the image's ENV, in its WORKDIR; the service
# binds 127.0.0.1 here (the image binds 0.0.0.0 inside its own network namespace).
image_command() {
  # shellcheck disable=SC2206 # IMAGE_ENV is a list of NAME=VALUE words
  COMMAND=(chroot --userspec="$uid:$gid" "$ROOTFS" env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$IMAGE_WORKDIR"
    $IMAGE_ENV REFEREE_HOST=127.0.0.1 REFEREE_PORT="${PORT:-8080}" sh -c 'cd "$0" && exec "$@"' "$IMAGE_WORKDIR" "$@")
}
in_image() { image_command "$@"; "${COMMAND[@]}"; }
# Starts a command in the image in the background; each step execs the next, so the PID is the command's own.
start_in_image() {
  local log=$1
  shift
  image_command "$@"
  "${COMMAND[@]}" > "$log" 2>&1 &
  STARTED_PID=$!
  pids+=("$STARTED_PID")
}
free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$candidate") 2> /dev/null; then echo "$candidate"; return; fi
  done
  die "no free port found"
}

# ---- 3. Checks ---------------------------------------------------------------------------------------
# The package owning a library inside the root: dpkg knows a path as installed, before usrmerge or alternatives.
owner_of() {
  local real candidate
  real=$(chroot "$ROOTFS" readlink -f "$1")
  for candidate in "$1" "$real" "${real#/usr}"; do
    chroot "$ROOTFS" dpkg -S "$candidate" 2> /dev/null | head -1 | cut -d: -f1 | grep . && return
  done
  echo "?"
}

echo
echo "== libraries"
used_packages=" "
for product in $PRODUCTS; do
  libraries=$(in_image ldd "/usr/local/bin/$product" 2>&1) || true
  if grep -q "not found" <<< "$libraries"; then
    fail "ldd $product in the runtime root: $(grep "not found" <<< "$libraries" | tr -s ' \t\n' ' ')"
    continue
  fi
  owners=""
  while read -r path; do
    owner=$(owner_of "$path")
    owners+=" $(basename "$path")(${owner:-?})"
    used_packages+="${owner:-?} "
  done < <(sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p' <<< "$libraries")
  pass "ldd $product: every library resolves in the runtime root:$owners"
done
for package in $RUNTIME_PACKAGES; do
  case "$package" in
    lib*) if [[ "$used_packages" == *" $package "* ]]; then pass "runtime package $package is loaded by a binary"
          else fail "runtime package $package is loaded by no binary: drop it from RUNTIME_PACKAGES"; fi ;;
    *) echo "      runtime package $package holds data, not a library (not checked by ldd)" ;;
  esac
done

echo
echo "== commands in the runtime root, as user $IMAGE_USER ($uid)"
for product in $PRODUCTS; do
  if in_image "$product" --help > "$WORK/help-$product.log" 2>&1; then pass "$product --help"
  else fail "$product --help: $(head -3 "$WORK/help-$product.log")"; fi
done

# A stand-in OpenAI-compatible judge on loopback that answers every verdict TRUE and counts its calls
# (GET /calls; any other GET is a 404), so the server below runs its judge client and writes its cache.
cat > "$WORK/fake-judge.py" <<'PYTHON'
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
calls = 0
class Judge(BaseHTTPRequestHandler):
    def reply(self, status, body, kind="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_POST(self):
        global calls
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        calls += 1
        self.reply(200, json.dumps({"object": "chat.completion", "model": "fake",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "TRUE"}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 1, "total_tokens": 101}}).encode())
    def do_GET(self):
        if self.path == "/calls": self.reply(200, str(calls).encode(), "text/plain")
        else: self.reply(404, b"not found", "text/plain")
    def log_message(self, *args): pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Judge).serve_forever()
PYTHON
JUDGE_PORT=$(free_port)
python3 "$WORK/fake-judge.py" "$JUDGE_PORT" > "$WORK/fake-judge.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$JUDGE_PORT/calls" > /dev/null 2>&1 && break; sleep 0.1; done

PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
rm -f "$ROOTFS$(image_env REFEREE_CACHE)"*
start_in_image "$WORK/serve.log" \
  env REFEREE_JUDGE_URL="http://127.0.0.1:$JUDGE_PORT/v1" REFEREE_JUDGE_MODEL=fake "${IMAGE_CMD[@]}"
SERVER_PID=$STARTED_PID
healthy=0
for _ in $(seq 1 100); do
  if in_image "${HEALTH_CMD[@]}" > "$WORK/healthcheck.log" 2>&1; then healthy=1; break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.3
done
if [ "$healthy" = 1 ]; then pass "the image's CMD (${IMAGE_CMD[*]}, SQLite cache $(image_env REFEREE_CACHE)) passes its HEALTHCHECK (${HEALTH_CMD[*]}): $(cat "$WORK/healthcheck.log")"
else fail "referee healthcheck never passed; serve log: $(tail -5 "$WORK/serve.log" | tr '\n' ' ')"; fi

rollout='{"id": "q1", "prompt": "What is 3+4?", "ground_truth": "7", "requires_reasoning": false,
  "response": "<judge>direct</judge><think>\n\n</think>The sum is \\boxed{7}."}'
answer=$(curl -sS --max-time 10 "$URL/reward" -H 'Content-Type: application/json' -d "$rollout" 2>&1) || true
if [ "$(jq -r '.reward' <<< "$answer" 2>/dev/null)" = "1" ] && [ "$(jq -r '.components.answer' <<< "$answer")" = "1" ]; then
  pass "POST /reward scores a correct direct rollout 1: $(jq -c '{reward, components: {format: .components.format, answer: .components.answer, judge: .components.judge}}' <<< "$answer")"
else
  fail "POST /reward: expected reward 1, got: ${answer:0:300}"
fi
wrong=$(curl -sS --max-time 10 "$URL/reward" -H 'Content-Type: application/json' -d "${rollout/boxed\{7\}/boxed\{8\}}" 2>&1) || true
if [ "$(jq -r '.reward' <<< "$wrong" 2>/dev/null)" = "0.1" ]; then pass "POST /reward scores the same rollout answering 8 with 0.1 (format only)"
else fail "POST /reward with a wrong answer: expected 0.1, got: ${wrong:0:300}"; fi
thinking='{"id": "q2", "prompt": "What is 3+4?", "ground_truth": "7", "requires_reasoning": true,
  "response": "<judge>think</judge><think>3+4=7</think>\\boxed{7}"}'
first=$(curl -sS --max-time 30 "$URL/reward" -H 'Content-Type: application/json' -d "$thinking" 2>&1) || true
calls_after_first=$(curl -sS "http://127.0.0.1:$JUDGE_PORT/calls")
second=$(curl -sS --max-time 30 "$URL/reward" -H 'Content-Type: application/json' -d "$thinking" 2>&1) || true
calls_after_second=$(curl -sS "http://127.0.0.1:$JUDGE_PORT/calls")
if [ "$(jq -r '.reward' <<< "$first" 2>/dev/null)" = 1 ] && [ "$(jq -r '.components.think' <<< "$first")" = 1 ] \
  && [ "$calls_after_first" = 3 ]; then
  pass "a thinking rollout is judged over HTTP from the image: reward 1, think 1, $calls_after_first judge calls"
else
  fail "a thinking rollout with the stand-in judge: $calls_after_first judge calls, answer ${first:0:300}"
fi
if [ "$(jq -r '.cache.hits' <<< "$second" 2>/dev/null)" = 3 ] && [ "$calls_after_second" = "$calls_after_first" ] \
  && [ -s "$ROOTFS$(image_env REFEREE_CACHE)" ]; then
  pass "the same rollout again: 3 cache hits, no judge call; user $IMAGE_USER wrote the SQLite cache $(image_env REFEREE_CACHE)"
else
  fail "the same rollout again: cache $(jq -c '.cache' <<< "$second" 2>/dev/null), judge calls $calls_after_first -> $calls_after_second"
fi

# The compose stack on loopback: two replicas from the image sharing a throwaway PostgreSQL cache and the stand-in
# judge, behind Docker/nginx.conf on Debian's nginx. Docker's DNS name becomes the replicas' two loopback addresses
# (Debian's nginx 1.22 lacks `resolve`, which re-reads that name; the rest of the file is used as it is).
PG_DIR=$(mktemp -d /tmp/referee-docker-pg.XXXXXX)
PG_URL=$(scripts/postgres.sh start "$PG_DIR") || die "scripts/postgres.sh could not start PostgreSQL"
NGINX_DIR=$WORK/nginx
if [ ! -x "$NGINX_DIR/root/usr/sbin/nginx" ]; then
  mkdir -p "$NGINX_DIR"
  (cd "$NGINX_DIR" && apt-get download nginx > download.log 2>&1 && dpkg -x nginx_*.deb root) || die "cannot fetch Debian's nginx"
fi
NGINX=$NGINX_DIR/root/usr/sbin/nginx
PORT_A=$(free_port)
PORT_B=$(free_port)
LB_PORT=$(free_port)
LB=http://127.0.0.1:$LB_PORT
rm -rf "$NGINX_DIR/run"
mkdir -p "$NGINX_DIR/run"
temp_paths=""
for kind in client_body proxy fastcgi uwsgi scgi; do temp_paths+="${kind}_temp_path $NGINX_DIR/run/$kind; "; done
sed -e "s|^\( *\)server referee:8080 resolve\(.*\)\$|\1server 127.0.0.1:$PORT_A\2\n\1server 127.0.0.1:$PORT_B\2|" \
  -e "s|listen 8080;|listen 127.0.0.1:$LB_PORT;|" \
  -e "s|access_log /dev/stdout;|access_log $NGINX_DIR/run/access.log; $temp_paths|" \
  Docker/nginx.conf > "$NGINX_DIR/run/nginx.conf"
[ "$(grep -c "server 127.0.0.1:" "$NGINX_DIR/run/nginx.conf")" = 2 ] && grep -q "listen 127.0.0.1:$LB_PORT;" "$NGINX_DIR/run/nginx.conf" \
  || die "Docker/nginx.conf no longer has the 'server referee:8080 resolve' and 'listen 8080;' lines this script rewrites"
nginx_globals="pid $NGINX_DIR/run/nginx.pid; daemon off;"
if "$NGINX" -t -p "$NGINX_DIR/run" -c "$NGINX_DIR/run/nginx.conf" -g "$nginx_globals" > "$NGINX_DIR/run/test.log" 2>&1; then
  pass "nginx -t accepts Docker/nginx.conf ($("$NGINX" -v 2>&1 | sed 's/.*: //'), upstream rewritten to loopback)"
else
  fail "nginx -t on Docker/nginx.conf: $(tr '\n' ' ' < "$NGINX_DIR/run/test.log")"
fi
replica_env=(env REFEREE_CACHE="$PG_URL" REFEREE_JUDGE_URL="http://127.0.0.1:$JUDGE_PORT/v1" REFEREE_JUDGE_MODEL=fake)
PORT=$PORT_A start_in_image "$WORK/serve-a.log" "${replica_env[@]}" "${IMAGE_CMD[@]}"
REPLICA_A_PID=$STARTED_PID
PORT=$PORT_B start_in_image "$WORK/serve-b.log" "${replica_env[@]}" "${IMAGE_CMD[@]}"
REPLICA_B_PID=$STARTED_PID
"$NGINX" -p "$NGINX_DIR/run" -c "$NGINX_DIR/run/nginx.conf" -g "$nginx_globals" > "$NGINX_DIR/run/nginx.log" 2>&1 &
NGINX_PID=$!
pids+=("$NGINX_PID")
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 100); do PORT=$port in_image referee healthcheck > /dev/null 2>&1 && break; sleep 0.3; done
done
for _ in $(seq 1 50); do curl -fsS "$LB/healthz" > /dev/null 2>&1 && break; sleep 0.2; done

shared='{"id": "q3", "prompt": "What is 4+3?", "ground_truth": "7", "requires_reasoning": true,
  "response": "<judge>think</judge><think>4+3=7</think>\\boxed{7}"}'
calls_before=$(curl -sS "http://127.0.0.1:$JUDGE_PORT/calls")
via_a=$(curl -sS --max-time 30 "http://127.0.0.1:$PORT_A/reward" -H 'Content-Type: application/json' -d "$shared" 2>&1) || true
calls_after_a=$(curl -sS "http://127.0.0.1:$JUDGE_PORT/calls")
via_b=$(curl -sS --max-time 30 "http://127.0.0.1:$PORT_B/reward" -H 'Content-Type: application/json' -d "$shared" 2>&1) || true
calls_after_b=$(curl -sS "http://127.0.0.1:$JUDGE_PORT/calls")
if [ "$(jq -r .reward <<< "$via_a" 2>/dev/null)" = 1 ] && [ $((calls_after_a - calls_before)) = 3 ] \
  && [ "$(jq -r .reward <<< "$via_b" 2>/dev/null)" = 1 ] && [ "$(jq -r .cache.hits <<< "$via_b")" = 3 ] \
  && [ "$calls_after_b" = "$calls_after_a" ]; then
  pass "two replicas share the PostgreSQL cache: judged through one (3 judge calls), 3 cache hits and no call through the other"
else
  fail "shared PostgreSQL cache: judge calls $calls_before -> $calls_after_a -> $calls_after_b; replica A ${via_a:0:200}; replica B ${via_b:0:200}"
fi

# Rollouts a replica (HOST:PORT) has scored, from its /metrics.
scored() { curl -sS --max-time 5 "http://$1/metrics" | sed -n 's/^referee_rollouts_scored_total \([0-9]*\).*/\1/p'; }
# Posts the direct rollout N times to URL and prints how many scored 1.
score_times() {
  local count=0
  for _ in $(seq 1 "$2"); do
    [ "$(curl -sS --max-time 10 "$1/reward" -H 'Content-Type: application/json' -d "$rollout" | jq -r .reward 2>/dev/null)" = 1 ] \
      && count=$((count + 1))
  done
  echo "$count"
}
before_a=$(scored "127.0.0.1:$PORT_A"); before_b=$(scored "127.0.0.1:$PORT_B")
ok=$(score_times "$LB" 20)
after_a=$(scored "127.0.0.1:$PORT_A"); after_b=$(scored "127.0.0.1:$PORT_B")
share_a=$((${after_a:-0} - ${before_a:-0})); share_b=$((${after_b:-0} - ${before_b:-0}))
if [ "$ok" = 20 ] && [ "$share_a" -gt 0 ] && [ "$share_b" -gt 0 ] && [ $((share_a + share_b)) = 20 ]; then
  pass "through nginx: 20 of 20 rollouts scored 1, spread $share_a + $share_b over the two replicas (their /metrics)"
else
  fail "through nginx: $ok of 20 rollouts scored 1; replicas counted $share_a and $share_b (from /metrics)"
fi
huge=$WORK/huge-body.json
head -c $((33 * 1024 * 1024)) /dev/zero | tr '\0' ' ' > "$huge"
status=$(curl -sS --max-time 30 -o "$WORK/huge-answer.json" -w '%{http_code}' "$LB/reward" -H 'Content-Type: application/json' --data-binary "@$huge" || true)
rm -f "$huge"
if [ "$status" = 413 ] && jq -e '.error.code' "$WORK/huge-answer.json" > /dev/null 2>&1; then
  pass "a 33 MiB body through nginx gets Referee's own JSON 413: $(jq -c '.error | {code}' "$WORK/huge-answer.json")"
else
  fail "a 33 MiB body through nginx: HTTP $status, $(head -c 200 "$WORK/huge-answer.json" 2>/dev/null)"
fi
kill "$REPLICA_B_PID" 2>/dev/null || true
wait "$REPLICA_B_PID" 2>/dev/null || true
ok=$(score_times "$LB" 10)
if [ "$ok" = 10 ]; then pass "with one replica stopped, nginx hands every request to the other: 10 of 10 scored"
else fail "with one replica stopped, only $ok of 10 requests through nginx were scored"; fi
for pid in "$NGINX_PID" "$REPLICA_A_PID"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
scripts/postgres.sh stop "$PG_DIR"
PG_DIR=""

# Docker/nginx.conf as it is (but its listen address) on a current nginx, which has `resolve`: Debian sid's, in a root
# of its own, with a stand-in for Docker's DNS on 127.0.0.11 answering "referee" from a file, and replicas from the
# image on 127.0.0.2:8080 and 127.0.0.3:8080, as containers listen on their own addresses. Changing the file is a
# replica joining or leaving; nginx must follow without a reload.
if [ ! -x "$SID_ROOT/usr/sbin/nginx" ]; then
  echo "debootstrap --variant=minbase sid + nginx (once; log: $WORK/sid.log) ..."
  rm -rf --one-file-system "$SID_ROOT"
  debootstrap --variant=minbase sid "$SID_ROOT" "$MIRROR" > "$WORK/sid.log" 2>&1 || die "debootstrap sid failed; see $WORK/sid.log"
  cp /etc/resolv.conf "$SID_ROOT/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' > "$SID_ROOT/usr/sbin/policy-rc.d"  # install nginx without starting it
  chmod +x "$SID_ROOT/usr/sbin/policy-rc.d"
  mount -t proc proc "$SID_ROOT/proc"
  chroot "$SID_ROOT" apt-get install -y -qq --no-install-recommends nginx >> "$WORK/sid.log" 2>&1 || die "nginx in sid failed; see $WORK/sid.log"
  umount "$SID_ROOT/proc"
fi
mountpoint -q "$SID_ROOT/proc" || mount -t proc proc "$SID_ROOT/proc"
cat > "$WORK/docker-dns.py" <<'PYTHON'
import socket, struct, sys
name, addresses_file = sys.argv[1], sys.argv[2]
server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.11", 53))
while True:
    query, peer = server.recvfrom(512)
    at, labels = 12, []
    while query[at]:
        labels.append(query[at + 1:at + 1 + query[at]].decode())
        at += query[at] + 1
    known = ".".join(labels) == name
    addresses = open(addresses_file).read().split() if known and query[at + 2] == 1 else []
    header = query[:2] + struct.pack(">HHHHH", 0x8180 | (0 if known else 3), 1, len(addresses), 0, 0)
    answers = b"".join(b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 1, 4) + socket.inet_aton(a) for a in addresses)
    server.sendto(header + query[12:at + 5] + answers, peer)
PYTHON
DNS_FILE=$WORK/dns-referee
echo "127.0.0.2" > "$DNS_FILE"
python3 "$WORK/docker-dns.py" referee "$DNS_FILE" > "$WORK/docker-dns.log" 2>&1 &
pids+=("$!")
SID_LB_PORT=$(free_port)
SID_LB=http://127.0.0.1:$SID_LB_PORT
sed "s|listen 8080;|listen 127.0.0.1:$SID_LB_PORT;|" Docker/nginx.conf > "$SID_ROOT/tmp/nginx.conf"
sid_nginx_version=$(chroot "$SID_ROOT" nginx -v 2>&1 | sed 's/.*: //')
if chroot "$SID_ROOT" nginx -t -c /tmp/nginx.conf > "$WORK/sid-nginx-test.log" 2>&1; then
  pass "nginx -t accepts Docker/nginx.conf as it is, resolve included ($sid_nginx_version)"
else
  fail "nginx -t on Docker/nginx.conf ($sid_nginx_version): $(tr '\n' ' ' < "$WORK/sid-nginx-test.log")"
fi
declare -A replica_pid
for host in 127.0.0.2 127.0.0.3; do
  PORT=8080 start_in_image "$WORK/serve-$host.log" env REFEREE_HOST="$host" "${IMAGE_CMD[@]}"
  replica_pid[$host]=$STARTED_PID
  for _ in $(seq 1 100); do PORT=8080 in_image referee healthcheck --host "$host" > /dev/null 2>&1 && break; sleep 0.3; done
done
chroot "$SID_ROOT" nginx -c /tmp/nginx.conf -g 'daemon off;' > "$WORK/sid-nginx.log" 2>&1 &
SID_NGINX_PID=$!
pids+=("$SID_NGINX_PID")
for _ in $(seq 1 50); do curl -fsS "$SID_LB/healthz" > /dev/null 2>&1 && break; sleep 0.2; done
# One phase: DNS answers $1, then $2 requests through nginx; prints "scored share_2 share_3".
dns_phase() {
  local host ok before=() after=()
  echo "$1" > "$DNS_FILE"
  sleep 6  # resolver valid=5s
  for host in 127.0.0.2 127.0.0.3; do before+=("$(scored "$host:8080")"); done
  ok=$(score_times "$SID_LB" "$2")
  for host in 127.0.0.2 127.0.0.3; do after+=("$(scored "$host:8080")"); done
  # A stopped replica answers no /metrics: it counts as having scored nothing more.
  echo "$ok $((${after[0]:-${before[0]:-0}} - ${before[0]:-0})) $((${after[1]:-${before[1]:-0}} - ${before[1]:-0}))"
}
read -r ok one two <<< "$(dns_phase "127.0.0.2" 10)"
if [ "$ok" = 10 ] && [ "$one" = 10 ] && [ "$two" = 0 ]; then pass "nginx follows Docker's DNS: one replica named, 10 of 10 requests to it"
else fail "DNS naming one replica: $ok of 10 scored, spread $one + $two"; fi
read -r ok one two <<< "$(dns_phase "127.0.0.2 127.0.0.3" 20)"
if [ "$ok" = 20 ] && [ "$one" -gt 0 ] && [ "$two" -gt 0 ]; then pass "a replica added to the DNS answer gets traffic without reloading nginx: 20 of 20, spread $one + $two"
else fail "a replica added to DNS: $ok of 20 scored, spread $one + $two"; fi
kill "${replica_pid[127.0.0.2]}" 2>/dev/null || true
wait "${replica_pid[127.0.0.2]}" 2>/dev/null || true
read -r ok one two <<< "$(dns_phase "127.0.0.3" 10)"
if [ "$ok" = 10 ] && [ "$two" = 10 ]; then pass "a replica stopped and gone from the DNS answer: 10 of 10 requests to the other"
else fail "a replica gone from DNS: $ok of 10 scored, $two by the remaining one"; fi
for pid in "$SID_NGINX_PID" "${replica_pid[127.0.0.3]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done

# The healthcheck must fail, with a message, where the service is absent, answers something else, or the port is bad.
expect_unhealthy() {
  local label=$1 output status=0
  shift
  output=$("$@" 2>&1) || status=$?
  if [ "$status" = 1 ] && grep -q "unhealthy:" <<< "$output"; then pass "referee healthcheck fails ($label): $output"
  else fail "referee healthcheck $label: expected exit 1 with 'unhealthy:', got exit $status: $output"; fi
}
expect_unhealthy "nothing listening" in_image referee healthcheck --port "$(free_port)" --timeout 2
expect_unhealthy "a server answering 404" in_image referee healthcheck --port "$JUDGE_PORT" --timeout 2
expect_unhealthy "REFEREE_PORT=http" in_image env REFEREE_PORT=http referee healthcheck
expect_unhealthy "an IPv6 host" in_image referee healthcheck --host ::1
SILENT_PORT=$(free_port)
python3 -c "import socket, time; s = socket.socket(); s.bind(('127.0.0.1', $SILENT_PORT)); s.listen(); time.sleep(60)" &
pids+=("$!")
for _ in $(seq 1 50); do (exec 3<> "/dev/tcp/127.0.0.1/$SILENT_PORT") 2> /dev/null && break; sleep 0.1; done
expect_unhealthy "a server that never answers" in_image referee healthcheck --port "$SILENT_PORT" --timeout 1

# OpenBLAS and the trainer's HTTP client at work: two SFT steps (the SFT gate then fails, as it must after
# two steps, having saved its checkpoint), then one RL step rewarded by the server above.
rm -rf --one-file-system "$ROOTFS$IMAGE_WORKDIR/train"
status=0
in_image grpo-trainer sft --preset demo --max-steps 2 --output train/sft --resume never > "$WORK/sft.log" 2>&1 || status=$?
if [ -d "$ROOTFS$IMAGE_WORKDIR/train/sft/global_step_2" ]; then pass "grpo-trainer sft: 2 steps on OpenBLAS, checkpoint saved (exit $status: the gate needs more steps)"
else fail "grpo-trainer sft --max-steps 2 (exit $status): $(tail -3 "$WORK/sft.log" | tr '\n' ' ')"; fi
status=0
in_image grpo-trainer rl --preset demo --max-steps 1 --filter-groups false --init-from train/sft/global_step_2 \
  --reward-url "$URL" --output train/rl --resume never > "$WORK/rl.log" 2>&1 || status=$?
metrics=$ROOTFS$IMAGE_WORKDIR/train/rl/metrics.jsonl
if [ "$status" = 0 ] && [ -s "$metrics" ]; then
  pass "grpo-trainer rl: 1 step rewarded over HTTP by referee serve: $(head -1 "$metrics" | jq -c '{step, reward, format_rate}' 2>/dev/null)"
else
  fail "grpo-trainer rl --max-steps 1 (exit $status): $(tail -3 "$WORK/rl.log" | tr '\n' ' ')"
fi

kill "$SERVER_PID" 2>/dev/null || true
status=0
wait "$SERVER_PID" 2>/dev/null || status=$?
if [ "$status" = 0 ]; then pass "referee serve stops cleanly on SIGTERM"
else fail "referee serve exited $status on SIGTERM; see $WORK/serve.log"; fi

echo
echo "== compose file"
VENV=$WORK/venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import compose_spec, yaml" 2> /dev/null \
  || "$VENV/bin/pip" install -q "compose-spec==0.2.1" "pyyaml==6.0.2" > "$WORK/venv.log" 2>&1 || die "cannot install compose-spec; see $WORK/venv.log"
for env_file in Docker/env.example Docker/vllm.env; do
  if output=$("$VENV/bin/python" Docker/check-compose.py Docker/compose.yaml "$env_file" 2>&1); then pass "compose.yaml with $env_file: $output"
  else fail "compose.yaml with $env_file: $output"; fi
done
undocumented=$(grep -o '\${[A-Z_]*' Docker/compose.yaml | cut -c3- | sort -u | while read -r name; do
  grep -q "^$name=" Docker/env.example || printf '%s ' "$name"; done)
if [ -z "$undocumented" ]; then pass "every variable compose.yaml reads is in Docker/env.example"
else fail "variables of compose.yaml missing from Docker/env.example: $undocumented"; fi

echo
echo "== sizes"
for product in $PRODUCTS; do
  bytes=$(stat -c %s "$STAGING/$product")
  strip -o "$WORK/stripped" "$STAGING/$product" && stripped=$(stat -c %s "$WORK/stripped") && rm -f "$WORK/stripped"
  printf '      %-22s %4d MiB (%d MiB without symbols)\n' "$product" $((bytes >> 20)) $((stripped >> 20))
done
for file in "$STAGING"/*; do
  case " $PRODUCTS " in *" $(basename "$file") "*) ;; *) printf '      %-22s %4d MiB\n' "$(basename "$file")" $(($(stat -c %s "$file") >> 20)) ;; esac
done
base_mib=$(cat "$ROOTFS/.docker-build-base-mib" 2> /dev/null || echo "?")
runtime_mib=$(cat "$ROOTFS/.docker-build-runtime-mib" 2> /dev/null || echo "?")
copied_mib=$(du -cm "$STAGING" | tail -1 | cut -f1)
printf '      root filesystem: bookworm minbase %s MiB; after the runtime RUN %s MiB; + %s MiB copied from the build stage\n' \
  "$base_mib" "$runtime_mib" "$copied_mib"

echo
echo "docker-build: $passes passed, $failures failed"
[ "$failures" = 0 ]
