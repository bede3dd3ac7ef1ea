"""Evaluate the matcher on a matching-dev style folder (metric as defined in its README).

Usage: ``.venv/bin/python -m bench.eval_matching`` (data: ``bench/data/matching-dev``, a
synthetic sample kept in the repository; ``--data DIR`` for another folder of that shape).
Prints nDCG@10, precision@5, ineligible share and coverage of the project's ranking (and of
a predictions file with ``--predictions``), plus a normaliser precision/recall diagnostic
against ``skills_truth.csv``. The truth files are read here only to score.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

from bot.matching.dictionary import load_dictionary
from bot.matching.engine import build_index, rank_positions_for_employees
from bot.matching.files import read_employees_csv, read_positions_csv
from bot.matching.normaliser import Normaliser
from bot.matching.profiles import (
    EmployeeProfile,
    PositionSpec,
    education_rank,
    rank_position,
)

DATA_DIR = Path(__file__).parent / "data" / "matching-dev"  # synthetic, see its README.md


def _read(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file."""
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def readme_eligible(emp: EmployeeProfile, pos: PositionSpec) -> bool:
    """Eligibility exactly as the data README states it (independent of the engine)."""
    if education_rank(emp.education_level) < education_rank(pos.education_level):
        return False
    fields = {f.strip().casefold() for f in pos.education_fields}
    if fields and emp.education_field.strip().casefold() not in fields:
        return False
    rank = rank_position(emp.golongan)
    return rank_position(pos.min_golongan) <= rank <= rank_position(pos.max_golongan)


def evaluate(
    predictions: dict[str, list[str]],
    relevance: dict[str, dict[str, int]],
    employees: dict[str, EmployeeProfile],
    positions: dict[str, PositionSpec],
) -> dict[str, float]:
    """nDCG@10, precision@5, ineligible share and coverage per the README metric."""
    ndcg: list[float] = []
    prec: list[float] = []
    covered = 0
    for nip, grades in relevance.items():
        ranked = predictions.get(nip, [])[:10]
        dcg = sum((2 ** grades.get(p, 0) - 1) / math.log2(r + 2) for r, p in enumerate(ranked))
        ideal = sorted(grades.values(), reverse=True)[:10]
        idcg = sum((2**g - 1) / math.log2(r + 2) for r, g in enumerate(ideal))
        ndcg.append(dcg / idcg if idcg else 0.0)
        prec.append(sum(1 for p in ranked[:5] if grades.get(p, 0) >= 1) / 5)
        covered += bool(ranked)
    pairs = [(n, p) for n, ps in predictions.items() for p in ps[:10]]
    bad = sum(1 for n, p in pairs if not readme_eligible(employees[n], positions[p]))
    count = max(1, len(relevance))
    return {
        "ndcg@10": sum(ndcg) / count,
        "precision@5": sum(prec) / count,
        "ineligible_share": bad / max(1, len(pairs)),
        "coverage": covered / count,
        "recommended_pairs": float(len(pairs)),
    }


def normaliser_diagnostic(norm: Normaliser, data: Path, emps: list[EmployeeProfile]) -> str:
    """Micro precision/recall of extracted competences vs skills_truth.csv.

    The dictionary's names need not equal the truth's, so each dictionary name is first
    aligned to the truth name it co-occurs with most (diagnostic only; nothing is learnt).
    """
    truth_path = data / "skills_truth.csv"
    if not truth_path.exists():
        return "normaliser diagnostic: no skills_truth.csv"
    truth = {r["nip"]: {c for c in r["competences"].split(";") if c} for r in _read(truth_path)}
    pairs = [
        (set(norm.names(norm.normalise(e.skills_text).competences)), truth.get(e.nip, set()))
        for e in emps
    ]
    co: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for got, want in pairs:
        for g in got:
            for w in want:
                co[g][w] += 1
    align = {g: max(ws.items(), key=lambda x: x[1])[0] for g, ws in co.items()}
    tp = fp = fn = 0
    misses: dict[str, int] = defaultdict(int)
    extras: dict[str, int] = defaultdict(int)
    for got, want in pairs:
        mapped = {align.get(g, "?" + g) for g in got}
        tp += len(mapped & want)
        fp += len(mapped - want)
        fn += len(want - mapped)
        for c in want - mapped:
            misses[c] += 1
        for c in mapped - want:
            extras[c] += 1
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    top_miss = ", ".join(f"{k} ({v})" for k, v in sorted(misses.items(), key=lambda x: -x[1])[:10])
    top_extra = ", ".join(f"{k} ({v})" for k, v in sorted(extras.items(), key=lambda x: -x[1])[:10])
    unaligned = sorted(set(w for _g, ws in pairs for w in ws) - set(align.values()))
    return (
        f"normaliser vs skills_truth (names aligned by co-occurrence): precision {p:.3f}  "
        f"recall {r:.3f}\n  most missed: {top_miss}\n  most extra: {top_extra}\n"
        f"  truth names no dictionary entry aligns to: {', '.join(unaligned) or '-'}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=DATA_DIR, type=Path)
    parser.add_argument("--predictions", type=Path, help="score this file instead")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    emps = read_employees_csv(args.data / "employees.csv")
    poss = read_positions_csv(args.data / "positions.csv")
    norm = Normaliser(load_dictionary())
    predictions: dict[str, list[str]] = defaultdict(list)
    if args.predictions:
        rows = sorted(_read(args.predictions), key=lambda r: (r["nip"], int(r["rank"])))
        for row in rows:
            predictions[row["nip"]].append(row["position_id"])
    else:
        started = time.perf_counter()
        ranking = rank_positions_for_employees(build_index(poss, norm), emps, top=args.top)
        print(f"ranking time: {time.perf_counter() - started:.2f} s")
        for nip, pid, _rank, _score in ranking.rows():
            predictions[nip].append(pid)
    relevance: dict[str, dict[str, int]] = defaultdict(dict)
    for row in _read(args.data / "relevance.csv"):
        relevance[row["nip"]][row["position_id"]] = int(row["grade"])
    figures = evaluate(
        predictions, relevance, {e.nip: e for e in emps}, {p.position_id: p for p in poss}
    )
    print(f"data: {args.data}  employees {len(emps)}  positions {len(poss)}")
    for name, value in figures.items():
        print(f"{name:>18}: {value:.4f}" if value < 10 else f"{name:>18}: {int(value)}")
    print(normaliser_diagnostic(norm, args.data, emps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
