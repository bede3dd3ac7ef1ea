"""``asn-bot match``: rank open positions for every employee, write ``predictions.csv``.

With both ``--employees`` and ``--positions`` files the database is never opened, so the
command loads only the matching engine (numpy, scipy) and the texts; a source left out is
read from the database through ``bot.cli.matching``, imported only then.
"""

from __future__ import annotations

import argparse

from bot.matching.dictionary import Competence, load_dictionary
from bot.matching.engine import build_index, rank_positions_for_employees
from bot.matching.files import read_employees_csv, read_positions_csv, write_predictions
from bot.matching.normaliser import Normaliser
from bot.texts import t


def cmd_match(args: argparse.Namespace) -> int:
    """Rank positions for every employee and write ``nip,position_id,rank,score``."""
    emps = read_employees_csv(args.employees) if args.employees else []
    poss = read_positions_csv(args.positions) if args.positions else []
    extra: list[Competence] = []
    if not (args.employees and args.positions):
        from bot.cli.matching import load_db_inputs  # the database stack, only when needed

        db_emps, db_poss, extra = load_db_inputs(not args.employees, not args.positions)
        emps = emps or db_emps
        poss = poss or db_poss
    if not poss:
        print(t(args.locale, "match.cli.no_positions"))
        return 1
    index = build_index(poss, Normaliser(load_dictionary(extra)))
    ranking = rank_positions_for_employees(index, emps, top=args.top)
    rows = write_predictions(args.out, ranking.rows())
    print(t(args.locale, "match.cli.written", rows=rows, path=args.out, employees=len(emps),
            positions=len(poss)))  # fmt: skip
    return 0
