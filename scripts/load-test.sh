#!/usr/bin/env bash
# Load test with wrk on 127.0.0.1: rules-only batches of 64 rollouts, single rollouts, and /healthz as the
# baseline, each for DURATION seconds at CONNECTIONS connections, in ROUNDS rounds (default 3) that take turns;
# then, in each round, 256-rollout batches (2 KB responses, answers in several spellings, as RewardBenchmark's)
# one at a time on one connection, for the latency of one batch. Prints throughput, p50/p99, the ratios per
# round and their median, the 256-batch median, and errors.
# Usage: scripts/load-test.sh [DURATION=30] [CONNECTIONS=64]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30}
connections=${2:-64}
scripts/bootstrap.sh
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product referee >/dev/null

work=$(mktemp -d)
log="$work/referee.log"
.build/release/referee serve --port 0 --log-level info >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(grep -o '127\.0\.0\.1:[0-9]*' "$log" | head -1 | cut -d: -f2 || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "referee did not start:"; cat "$log"; exit 1; }

reasoning=$(printf 'Step %d: 17 + 25 = 42, then multiply by 3 to get 126. ' $(seq 1 30))
rollout() {
  printf '{"id": %d, "prompt": "Compute.", "ground_truth": "126", "requires_reasoning": true, "group": "g%d", "response": "<judge>think</judge><think>%s</think>So \\\\boxed{126}."}' "$1" "$(($1 / 8))" "$reasoning"
}
{ printf '{"rollouts": ['; for i in $(seq 0 63); do [ "$i" -gt 0 ] && printf ','; rollout "$i"; done; printf ']}'; } >"$work/batch.json"
rollout 1 >"$work/single.json"
# RewardBenchmark's workload: ~2 KB of reasoning, a numeric answer in one of eight spellings, groups of 8.
awk 'BEGIN {
  split("126|1,234|\\\\frac{3}{4}|-12.5|2.5\\\\times10^{3}|3/4|42\\\\%|127", boxed, "|")
  split("126|1234|0.75|-12.5|2500|\\\\frac{3}{4}|42|126", truth, "|")
  printf "{\"rollouts\": ["
  for (i = 0; i < 256; i++) {
    reasoning = ""
    for (step = 1; length(reasoning) < 1900; step++)
      reasoning = reasoning sprintf("Step %d: we have %d + %d = %d, then multiply by 3. ", step, 17 + i % 50, 25 + step, 42 + i % 50 + step)
    k = i % 8 + 1
    if (i % 3 != 0) response = "<judge>think</judge>\\n<think>\\n" reasoning "\\n</think>\\nSo the final answer is \\\\boxed{" boxed[k] "}."
    else response = "<judge>direct</judge>\\n<think>\\n\\n</think>\\n" reasoning "\\nThe answer is \\\\boxed{" boxed[k] "}."
    printf "%s{\"id\": %d, \"prompt\": \"Compute the value.\", \"response\": \"%s\", \"ground_truth\": \"%s\", \"requires_reasoning\": %s, \"group\": \"p%d\"}", \
      (i > 0 ? "," : ""), i, response, truth[k], (i % 2 == 0 ? "true" : "false"), int(i / 8)
  }
  printf "]}"
}' >"$work/batch256.json"
for name in batch single batch256; do
  cat >"$work/$name.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/$name.json", "rb"); wrk.body = f:read("*a"); f:close()
done = function(summary, latency, requests)
  io.write(string.format("RESULT %s requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n", "$name",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
done
cat >"$work/health.lua" <<LUA
done = function(summary, latency, requests)
  io.write(string.format("RESULT healthz requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA

url="http://127.0.0.1:$port"
rounds=${ROUNDS:-3}
echo "referee on $url, $(nproc) cores, wrk -t2 -c$connections -d${duration}s, $rounds rounds of /healthz, batches, single rollouts"
# The three phases take turns, round after round, so a change in the machine's load between phases moves
# each round's ratios less; the median round is the figure.
for round in $(seq 1 "$rounds"); do
  for phase in "health.lua healthz" "batch.lua reward" "single.lua reward"; do
    set -- $phase
    wrk -t2 -c"$connections" -d"${duration}s" -s "$work/$1" "$url/$2" | grep RESULT | sed "s/^RESULT /RESULT round=$round /" | tee -a "$work/results"
  done
  # One batch at a time: p50 is the latency of one 256-rollout batch, request and answer included.
  wrk -t1 -c1 -d"${duration}s" -s "$work/batch256.lua" "$url/reward" | grep RESULT | sed "s/^RESULT /RESULT round=$round /" | tee -a "$work/results"
done
awk 'function median(v, n,   i, j, t) {
       for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
       return v[int((n + 1) / 2)]
     }
     /RESULT round=/ {split($2, r, "="); split($7, a, "="); rps[r[2], $3] = a[2]; n = r[2] > n ? r[2] : n}
     /RESULT round=.* batch256 / {split($8, l, "="); p50[r[2]] = l[2]}
     END {
       for (i = 1; i <= n; i++) {
         b[i] = rps[i, "batch"] / rps[i, "healthz"]; s[i] = rps[i, "single"] / rps[i, "healthz"]; roll[i] = rps[i, "batch"] * 64
         printf "round %d: batch-of-64 %.3f of /healthz (%.0f rollouts/s), single %.3f\n", i, b[i], roll[i], s[i]
       }
       printf "median of %d rounds, ratios to /healthz requests/s: batch-of-64 %.3f (%.0f rollouts/s), single %.3f\n",
         n, median(b, n), median(roll, n), median(s, n)
       for (i = 1; i <= n; i++) big[i] = p50[i]
       printf "256-rollout batch, one at a time: median p50 of %d rounds %.2f ms (per round:", n, median(big, n)
       for (i = 1; i <= n; i++) printf " %.2f", p50[i]
       printf ")\n"
     }' "$work/results"
errors=$(awk '{for (i = 1; i <= NF; i++) if ($i ~ /^(errors|non2xx)=/) {split($i, a, "="); n += a[2]}} END {print n + 0}' "$work/results")
echo "errors and non-2xx responses in all runs: $errors"
grep -q '"status":"ok"' <(curl -s "$url/healthz") && [ "$errors" -eq 0 ]
