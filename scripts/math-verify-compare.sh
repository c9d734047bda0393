#!/usr/bin/env bash
# Times the Swift math checker and Math-Verify 0.9.0 on the same conformance pairs in one run and
# prints the ratio of their median times per check.
# Usage: scripts/math-verify-compare.sh [swift-rounds] [python-rounds]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$repo/Tests/AnswerCheckTests/Fixtures/conformance/math_answers.jsonl}"
venv="$repo/.venv-mathverify"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q math-verify==0.9.0
fi
ours="$(cd "$repo/Benchmarks" && swift run -c release MathBenchmark "${1:-200}" "$corpus" 2>/dev/null)"
echo "$ours"
theirs="$("$venv/bin/python" "$repo/scripts/math_verify_bench.py" "$corpus" "${2:-3}" 2>/dev/null)"
echo "$theirs"
ours_median="$(sed -n 's/.*OURS_MEDIAN_US=\([0-9.]*\).*/\1/p' <<<"$ours")"
mv_median="$(sed -n 's/.*MV_MEDIAN_US=\([0-9.]*\).*/\1/p' <<<"$theirs")"
python3 -c "print(f'ratio Math-Verify/Swift (median per check): {float($mv_median)/float($ours_median):.0f}x')"
