"""Benchmark: whole ``asn-bot`` processes against baselines measured in the same run.

``.venv/bin/python -m bench.bench_cli`` — writes 30,000 generated employees × 2,000 positions
as CSV files to a temporary folder, then times whole processes (median of ``--runs``):

- a bare interpreter start (``python -c pass``), the floor of every command;
- ``asn-bot --help`` (builds the whole argument tree, imports no subcommand);
- ``asn-bot match --employees E --positions P --out F`` (start, imports, read, normalise,
  eligibility, score, top-10, write: everything a user waits for);

and the ``bench.bench_matching`` baseline (rapidfuzz ``process.cdist`` with
``token_set_ratio`` on a sample, extrapolated) on the same data. Ratios, not absolute times,
are the figures to compare across machines.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.bench_matching import cdist_baseline
from bench.gen_matching_data import employees, positions, write_csv_pair


@dataclass
class Timing:
    """Wall-clock seconds of each run and the CPU seconds (user + system) of the median run."""

    walls: list[float]
    cpu: list[float]

    @property
    def wall(self) -> float:
        """Median wall-clock seconds."""
        return statistics.median(self.walls)

    @property
    def cpu_median(self) -> float:
        """Median CPU seconds (user + system) of the child process."""
        return statistics.median(self.cpu)


def asn_bot() -> list[str]:
    """The installed ``asn-bot`` console script next to this interpreter, else ``-m bot``."""
    script = Path(sys.executable).with_name("asn-bot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def time_process(args: list[str], runs: int, cwd: Path) -> Timing:
    """Run ``args`` ``runs`` times (output discarded, exit 0 required) and time each run."""
    timing = Timing([], [])
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
        timing.walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        timing.cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return timing


def main(argv: list[str] | None = None) -> int:
    """Generate the files, time the processes and the baseline, print a results block."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=30_000)
    parser.add_argument("--positions", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5, help="runs per process (median)")
    parser.add_argument("--baseline-sample", type=int, default=1_500)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        folder = Path(tmp)
        emp_csv, pos_csv = write_csv_pair(folder, args.employees, args.positions)
        bare = time_process([sys.executable, "-c", "pass"], args.runs, folder)
        helps = time_process([*asn_bot(), "--help"], args.runs, folder)
        match_args = ["match", "--employees", str(emp_csv), "--positions", str(pos_csv)]
        match = time_process([*asn_bot(), *match_args, "--out", "p.csv"], args.runs, folder)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    emps, poss = employees(args.employees), positions(args.positions)
    base_sample, baseline, sampled = cdist_baseline(emps, poss, args.baseline_sample)

    print("=== asn-bot whole-process benchmark ===")
    print(f"data: {args.employees} employees x {args.positions} positions (generated CSV), "
          f"{os.cpu_count()} CPU cores, median of {args.runs} runs (wall / CPU)")  # fmt: skip
    print(f"bare interpreter start:  {bare.wall:.3f} s / {bare.cpu_median:.3f} s")
    print(f"asn-bot --help:          {helps.wall:.3f} s / {helps.cpu_median:.3f} s  "
          f"= {helps.wall / bare.wall:.1f}x bare start")  # fmt: skip
    print(
        f"asn-bot match:           {match.wall:.2f} s / {match.cpu_median:.2f} s  "
        f"(runs {', '.join(f'{w:.2f}' for w in match.walls)}), peak RSS {rss:.0f} MiB"
    )
    print(f"baseline rapidfuzz cdist token_set_ratio, workers=-1: {base_sample:.2f} s for "
          f"{sampled} employees -> {baseline:.1f} s extrapolated")  # fmt: skip
    print(f"asn-bot match whole process / cdist baseline: {match.wall / baseline:.3f} "
          f"({baseline / match.wall:.0f}x faster)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
