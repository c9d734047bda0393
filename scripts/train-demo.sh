#!/usr/bin/env bash
# End-to-end demo of issue 6: `referee serve` in rules mode on a free local port, then
# `grpo-trainer` SFT and RL (demo preset) rewarded over HTTP, with greedy evaluation on 200
# held-out prompts before and after RL, checked against the issue's pass criteria.
#   scripts/train-demo.sh                 # seed 1, output in .build/train-demo
#   SEED=2 OUT=/tmp/demo scripts/train-demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${SEED:-1}
OUT=${OUT:-.build/train-demo}
EVAL_N=${EVAL_N:-200}
BIN=.build/release
t0=$(date +%s)
stamp() { echo "[$(( $(date +%s) - t0 ))s] $*"; }

stamp "building referee and grpo-trainer (release)"
swift build -c release --product referee
swift build -c release --product grpo-trainer
t_built=$(date +%s)

rm -rf "$OUT"
mkdir -p "$OUT"

# A free port: try random high ports until nothing answers on one.
PORT=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 40000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || { echo "no free port found" >&2; exit 1; }
URL="http://127.0.0.1:$PORT"

"$BIN/referee" serve --host 127.0.0.1 --port "$PORT" --cache "$OUT/referee-cache.sqlite" > "$OUT/referee.log" 2>&1 &
SERVER_PID=$!
stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
trap stop_server EXIT

for _ in $(seq 1 100); do
  if curl -fsS "$URL/healthz" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "referee serve exited; see $OUT/referee.log" >&2; cat "$OUT/referee.log" >&2; exit 1; fi
  sleep 0.2
done
curl -fsS "$URL/healthz" > /dev/null || { echo "referee serve did not become healthy on $URL" >&2; exit 1; }
stamp "referee serve (rules mode) is up on $URL, pid $SERVER_PID"

stamp "stage 1: SFT (random think/direct choice)"
t_sft=$(date +%s)
"$BIN/grpo-trainer" sft --preset demo --seed "$SEED" --output "$OUT/sft" --resume never
SFT_CKPT=$(ls -d "$OUT"/sft/global_step_* | sort -V | tail -1)
t_sft_end=$(date +%s)

stamp "greedy evaluation of the SFT policy on $EVAL_N held-out prompts"
"$BIN/grpo-trainer" eval --reward-url "$URL" --checkpoint "$SFT_CKPT" --n "$EVAL_N" --json-out "$OUT/eval-sft.json" --label "after SFT" --forced-modes

stamp "stage 2: RL (DAPO, rewards from $URL/reward)"
t_rl=$(date +%s)
"$BIN/grpo-trainer" rl --preset demo --seed "$SEED" --output "$OUT/rl" --resume never --init-from "$SFT_CKPT" --reward-url "$URL"
RL_CKPT=$(ls -d "$OUT"/rl/global_step_* | sort -V | tail -1)
t_rl_end=$(date +%s)

stamp "greedy evaluation of the RL policy on the same $EVAL_N prompts"
"$BIN/grpo-trainer" eval --reward-url "$URL" --checkpoint "$RL_CKPT" --n "$EVAL_N" --json-out "$OUT/eval-rl.json" --label "after RL" --forced-modes

echo
echo "wall time: build $(( t_built - t0 ))s, SFT $(( t_sft_end - t_sft ))s, RL $(( t_rl_end - t_rl ))s, total $(( $(date +%s) - t0 ))s"
echo "metrics: $OUT/sft/metrics.jsonl $OUT/rl/metrics.jsonl"
echo "pass criteria (issue 6):"
"$BIN/grpo-trainer" compare --before "$OUT/eval-sft.json" --after "$OUT/eval-rl.json"
