#!/usr/bin/env bash
# Issue 16's demo: the same SFT policy trained by RL twice with the same seed, prompts chosen from one
# fixed pool by the VADE sampler and by the uniform one (scored in process: `--reward-url local`, the
# service's own RewardEngine). Prints, per sampler, the share of degenerate groups, the rollouts generated
# per kept group, and the first RL step whose rollouts reach judge-decision accuracy 0.95 (that step's
# own rollouts, and the mean of the last 10 steps).
#   scripts/sampler-demo.sh                  # seed 1, output in .build/sampler-demo
#   SEED=2 POOL=128 scripts/sampler-demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=${SEED:-1}
POOL=${POOL:-256}
OUT=${OUT:-.build/sampler-demo}
swift build -c release --product grpo-trainer
BIN=.build/release/grpo-trainer
rm -rf "$OUT"
mkdir -p "$OUT"
"$BIN" sft --preset demo --seed "$SEED" --output "$OUT/sft" --resume never
SFT_CKPT=$(ls -d "$OUT"/sft/global_step_* | sort -V | tail -1)
for sampler in uniform vade; do
  "$BIN" rl --preset demo --seed "$SEED" --output "$OUT/rl-$sampler" --resume never --init-from "$SFT_CKPT" \
    --reward-url local --sampler "$sampler" --prompt-pool-size "$POOL"
done
python3 - "$OUT" "$SEED" "$POOL" <<'PY'
import glob, json, sys
out, seed, pool = sys.argv[1], sys.argv[2], sys.argv[3]
print(f"sampler demo: seed {seed}, pool {pool} prompts, demo preset")
print(f"{'sampler':8} {'steps':>5} {'degenerate groups':>18} {'rollouts per kept group':>24} {'first step judge acc >= 0.95':>29} {'same, 10-step mean':>19}")
for sampler in ("uniform", "vade"):
    rows = [json.loads(line) for line in open(f"{out}/rl-{sampler}/metrics.jsonl") if line.strip()]
    rows = [r for r in rows if r.get("stage") == "rl"]
    kept = sum(r["groups_kept"] for r in rows)
    dropped = sum(r["groups_dropped"] for r in rows)
    checkpoint = sorted(glob.glob(f"{out}/rl-{sampler}/global_step_*"), key=lambda p: int(p.rsplit("_", 1)[1]))[-1]
    generations = json.load(open(f"{checkpoint}/config.json"))["rl"]["num_generations"]
    reached = next((r["step"] for r in rows if r["judge_accuracy"] >= 0.95), None)
    accuracy = [r["judge_accuracy"] for r in rows]
    smoothed = next((rows[i]["step"] for i in range(9, len(rows)) if sum(accuracy[i - 9:i + 1]) / 10 >= 0.95), None)
    per_kept = (kept + dropped) * generations / max(kept, 1)
    print(f"{sampler:8} {len(rows):>5} {dropped / max(kept + dropped, 1):>18.3f} {per_kept:>24.2f} {str(reached or 'not reached'):>29} {str(smoothed or 'not reached'):>19}")
PY
