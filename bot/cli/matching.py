"""``asn-bot match`` (batch recommendations) and ``asn-bot competences import|list``.

Open positions are imported with ``asn-bot import positions FILE`` (``bot/cli/imports.py``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.cli.common import open_database, run_async, settings_or_exit
from bot.matching.dictionary import (
    Competence,
    DictionaryError,
    load_dictionary,
    parse_competence_file,
)
from bot.matching.engine import build_index, rank_positions_for_employees
from bot.matching.files import read_employees_csv, read_positions_csv, split_list, write_predictions
from bot.matching.normaliser import Normaliser
from bot.matching.profiles import EmployeeProfile, PositionSpec
from bot.texts import t
from storage.db import Database
from storage.queries import positions as q


def register(sub: Any) -> None:
    """Add ``match`` and ``competences``."""
    p = sub.add_parser("match", help="rank open positions for every employee")
    p.add_argument("--employees", type=Path, help="employees CSV (default: database)")
    p.add_argument("--positions", type=Path, help="positions CSV (default: open positions in DB)")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--out", type=Path, default=Path("predictions.csv"))
    p.add_argument("--locale", default=None)
    p.set_defaults(func=cmd_match)
    comp = sub.add_parser("competences", help="the competence dictionary (kamus kompetensi)")
    comp_sub = comp.add_subparsers(dest="competences_cmd", required=True)
    imp = comp_sub.add_parser("import", help="add competences/variants from YAML, JSON or CSV")
    imp.add_argument("file", type=Path)
    imp.add_argument("--locale", default=None)
    imp.set_defaults(func=cmd_competences_import)
    lst = comp_sub.add_parser("list", help="list the competences (packaged + HR's)")
    lst.add_argument("--locale", default=None)
    lst.set_defaults(func=cmd_competences_list)


async def _with_db(action: Any) -> Any:
    """Open the database (migrated), run ``action(db)``, dispose the engine."""
    db: Database = await open_database(settings_or_exit())
    try:
        return await action(db)
    finally:
        await db.dispose()


async def _db_dictionary(db: Database) -> list[Competence]:
    """HR's competences stored in the database."""
    async with db.transaction() as session:
        rows = await q.custom_competences(session)
        return [Competence(c.name, c.name_en, tuple(v.text for v in c.variants)) for c in rows]


async def _db_inputs(
    db: Database, need_emps: bool, need_pos: bool
) -> tuple[list[EmployeeProfile], list[PositionSpec], list[Competence]]:
    """Employees and open positions from the database, plus HR's competences."""
    emps: list[EmployeeProfile] = []
    poss: list[PositionSpec] = []
    async with db.transaction() as session:
        if need_emps:
            for emp, unit, skills in await q.active_employees_with_skills(session):
                emps.append(
                    EmployeeProfile(emp.nip, emp.name, unit, emp.position_title, emp.rank,
                                    emp.education_level, emp.education_major, skills)
                )  # fmt: skip
        if need_pos:
            for pos in await q.open_positions(session):
                poss.append(PositionSpec(pos.position_id, pos.title, pos.unit_name,
                                         pos.required_skills, pos.education_level,
                                         split_list(pos.education_fields), pos.min_rank,
                                         pos.max_rank, pos.quota))  # fmt: skip
    return emps, poss, await _db_dictionary(db)


def cmd_match(args: argparse.Namespace) -> int:
    """Rank positions for every employee and write ``nip,position_id,rank,score``."""
    emps = read_employees_csv(args.employees) if args.employees else []
    poss = read_positions_csv(args.positions) if args.positions else []
    extra: list[Competence] = []
    if not (args.employees and args.positions):

        async def _load(db: Database) -> Any:
            return await _db_inputs(db, not args.employees, not args.positions)

        db_emps, db_poss, extra = run_async(lambda: _with_db(_load))
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


def cmd_competences_import(args: argparse.Namespace) -> int:
    """Store HR's competences/variants in the database (merged with the packaged file)."""
    try:
        comps = parse_competence_file(Path(args.file).read_bytes(), Path(args.file).name)
    except OSError as exc:
        print(t(args.locale, "match.err.file", reason=exc.strerror or type(exc).__name__))
        return 2
    except (DictionaryError, UnicodeDecodeError) as exc:
        print(t(args.locale, "match.err.file", reason=str(exc)))
        return 2

    async def _store(db: Database) -> tuple[int, int]:
        created = added = 0
        async with db.transaction() as session:
            for comp in comps:
                new, count = await q.upsert_custom_competence(
                    session, comp.name, comp.en, (comp.name, *comp.variants)
                )
                created += new
                added += count
        return created, added

    created, added = run_async(lambda: _with_db(_store))
    print(t(args.locale, "match.cli.competences_imported", created=created, variants=added))
    return 0


def cmd_competences_list(args: argparse.Namespace) -> int:
    """Print every competence of the merged dictionary with its number of variants."""
    extra = run_async(lambda: _with_db(_db_dictionary))
    for comp in load_dictionary(extra).competences:
        print(t(args.locale, "match.cli.competence_line", name=comp.name, count=len(comp.variants)))
    return 0
