"""Runs Math-Verify 0.9.0 on the conformance pairs the way verl does and times each check.

Prints median and p99 wall microseconds per check (parse both sides + verify), the mean thread
CPU time per check, and the verdicts' agreement with the corpus' `expected` field, so the run also confirms the installed version.
"""
import json
import statistics
import sys
import time

from math_verify.metric import math_metric
from math_verify.parser import ExprExtractionConfig, LatexExtractionConfig


def main() -> None:
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pairs = [json.loads(line) for line in open(path, encoding="utf-8")]
    verify = math_metric(
        gold_extraction_target=(LatexExtractionConfig(),),
        pred_extraction_target=(ExprExtractionConfig(), LatexExtractionConfig()),
    )
    samples = []
    agree = 0
    cpu_start = time.thread_time_ns()
    for round_index in range(rounds):
        for pair in pairs:
            start = time.perf_counter_ns()
            try:
                score, _ = verify(["\\boxed{" + pair["gold"] + "}"], [pair["pred"]])
            except Exception:
                score = 0.0
            samples.append(time.perf_counter_ns() - start)
            if round_index == 0 and (score > 0.5) == pair["expected"]:
                agree += 1
    cpu_mean = (time.thread_time_ns() - cpu_start) / len(samples) / 1000
    samples.sort()
    median = statistics.median(samples) / 1000
    p99 = samples[min(len(samples) - 1, len(samples) * 99 // 100)] / 1000
    print(f"Math-Verify: {len(pairs)} pairs x {rounds} rounds, verdicts matching `expected`: {agree}/{len(pairs)}")
    print(f"per check (parse both sides + verify): median {median:.1f} us, p99 {p99:.1f} us")
    print(f"mean thread CPU time per check (whole run): {cpu_mean:.1f} us")
    print(f"MV_MEDIAN_US={median:.2f} MV_P99_US={p99:.2f}")


if __name__ == "__main__":
    main()
