#!/usr/bin/env bash
# Fuzzes the math checker with libFuzzer (Fuzz/, built with the fuzzer and address sanitizers) for SECONDS
# (default 660), seeded with the conformance corpus and every (prediction, ground truth[, verdict]) case of the math table
# tests, so that the run starts on the parsing paths those tests name. Crashes and slow inputs land in Fuzz/.
# Usage: scripts/math-fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds=${1:-660}
# SwiftPM keeps the main package's file list in this plan; a file added there since the last build
# would otherwise be missing from this one ("cannot find ... in scope").
rm -f .build/*/release/description.json
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p corpus
python3 - <<'PY'
import json, pathlib, re
tests = pathlib.Path("../Tests/AnswerCheckTests")
lines = (tests / "Fixtures/conformance/math_answers.jsonl").read_text().splitlines()
seeds = [json.loads(line)["gold"] + "\n" + json.loads(line)["pred"] for line in lines if line.strip()]
pair = re.compile(r'\("((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"(?:,\s*(?:true|false))?\)')
for source in sorted(tests.glob("Math*Tests.swift")):
    for prediction, truth in pair.findall(source.read_text()):
        seeds.append(truth.replace("\\\\", "\\") + "\n" + prediction.replace("\\\\", "\\"))
for index, seed in enumerate(seeds):
    pathlib.Path(f"corpus/seed-{index:05d}").write_text(seed)
print(f"math-fuzz: {len(seeds)} seeds")
PY
./.build/release/MathFuzz corpus -max_total_time="$seconds" -max_len=2048 -timeout=3 -print_final_stats=1
