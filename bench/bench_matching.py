"""Benchmark: the project's full ranking vs a rapidfuzz cdist baseline, in one run.

``.venv/bin/python -m bench.bench_matching`` — 30,000 generated employees × 2,000 positions.
Measures the full pipeline (normalise every text, eligibility, score, top-10 for everyone)
and peak RSS, then the baseline ``process.cdist(emp_texts, pos_texts,
scorer=fuzz.token_set_ratio, workers=-1)`` over the raw texts, timed on a random subset of
employees and extrapolated linearly (the full matrix would take minutes).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time

from rapidfuzz import fuzz, process

from bench.gen_matching_data import employees, positions
from bot.matching.dictionary import load_dictionary
from bot.matching.engine import build_index, rank_positions_for_employees
from bot.matching.normaliser import Normaliser
from bot.matching.profiles import EmployeeProfile, PositionSpec


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cdist_baseline(
    emps: list[EmployeeProfile], poss: list[PositionSpec], sample_size: int
) -> tuple[float, float, int]:
    """rapidfuzz cdist over a random sample of employees: (seconds, extrapolated, sample)."""
    sample = random.Random(3).sample(range(len(emps)), min(sample_size, len(emps)))
    emp_texts = [emps[i].skills_text for i in sample]
    pos_texts = [p.required_skills for p in poss]
    started = time.perf_counter()
    process.cdist(emp_texts, pos_texts, scorer=fuzz.token_set_ratio, workers=-1)
    seconds = time.perf_counter() - started
    return seconds, seconds * len(emps) / len(sample), len(sample)


def main(argv: list[str] | None = None) -> int:
    """Generate data, time both approaches, print a results block."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=30_000)
    parser.add_argument("--positions", type=int, default=2_000)
    parser.add_argument("--baseline-sample", type=int, default=1_500)
    args = parser.parse_args(argv)
    emps, poss = employees(args.employees), positions(args.positions)
    norm = Normaliser(load_dictionary())  # dictionary load + stemmer setup, not per-request
    rss_before = peak_rss_mb()

    started = time.perf_counter()
    index = build_index(poss, norm)
    ranking = rank_positions_for_employees(index, emps, top=10)
    ours = time.perf_counter() - started
    rss_ours = peak_rss_mb()
    with_recs = int((ranking.positions[:, 0] >= 0).sum())

    base_sample, baseline, sampled = cdist_baseline(emps, poss, args.baseline_sample)

    print("=== skill matching benchmark ===")
    print(f"data: {len(emps)} employees x {len(poss)} positions (generated), "
          f"{os.cpu_count()} CPU cores")  # fmt: skip
    print(f"project ranking (normalise + eligibility + score + top-10): {ours:.2f} s")
    print(f"  employees with >= 1 recommendation: {with_recs}")
    print(f"  peak RSS: {rss_ours:.0f} MiB (after setup {rss_before:.0f} MiB)")
    print(f"baseline rapidfuzz cdist token_set_ratio, workers=-1: {base_sample:.2f} s for "
          f"{sampled} employees -> {baseline:.1f} s extrapolated to {len(emps)}")  # fmt: skip
    print(f"speed-up: {baseline / ours:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
