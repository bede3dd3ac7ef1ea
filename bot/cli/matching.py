"""``asn-bot competences import|list`` and the database side of ``asn-bot match``.

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
from bot.matching.files import split_list
from bot.matching.profiles import EmployeeProfile, PositionSpec
from bot.texts import t
from storage.db import Database
from storage.queries import positions as q

MatchInputs = tuple[list[EmployeeProfile], list[PositionSpec], list[Competence]]


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


def load_db_inputs(need_emps: bool, need_pos: bool) -> MatchInputs:
    """Active employees and/or open positions from the database, plus HR's competences."""

    async def _load(db: Database) -> MatchInputs:
        return await _db_inputs(db, need_emps, need_pos)

    result: MatchInputs = run_async(lambda: _with_db(_load))
    return result


async def _db_inputs(db: Database, need_emps: bool, need_pos: bool) -> MatchInputs:
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
