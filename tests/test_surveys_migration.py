"""Revision 0065: anonymous responses stored before it lose their link to participations."""

from __future__ import annotations

import asyncio

from alembic import command
from sqlalchemy import text

from bot.surveys.catalog import upsert_survey
from bot.surveys.definition import parse_definition
from storage.db import Database
from storage.migrate import alembic_config, upgrade_async
from storage.models.surveys import SurveyResponse
from storage.queries import surveys as q
from tests.test_surveys_anonymity import NOW, SURVEY


async def _store_old_style(db: Database, slug: str, anonymous: bool, count: int) -> list[str]:
    """Responses written one transaction each, as before 0065; their ids in that order."""
    async with db.transaction() as session:
        row, _ = await upsert_survey(
            session, parse_definition({**SURVEY, "slug": slug, "anonymous": anonymous}), "t"
        )
        rnd = await q.add_round(session, row.id, "Mei", {"kind": "all"}, NOW, NOW, "t")
    ids = []
    for n in range(count):
        async with db.transaction() as session:
            response = SurveyResponse(
                id=f"{slug}{n:04d}".ljust(32, "0"),
                survey_id=row.id,
                round_id=rnd.id,
                unit_id=None,
                employee_id=None,
                answers={"puas": 1 + n % 5, "nps": n % 11},
            )
            session.add(response)
            ids.append(response.id)
    return ids


async def _stored(db: Database, slug: str) -> list[tuple[str, str]]:
    """(id, transaction id) of a survey's responses in storage order."""
    order, xmin = ("r.ctid", "r.xmin::text") if db.is_postgres else ("r.rowid", "''")
    sql = (
        f"SELECT r.id, {xmin} FROM survey_responses r JOIN surveys s ON s.id = r.survey_id "
        f"WHERE s.slug = :slug ORDER BY {order}"
    )
    async with db.transaction() as session:
        rows = await session.execute(text(sql), {"slug": slug})
        return [(str(i), str(x)) for i, x in rows.tuples().all()]


async def test_migration_rewrites_anonymous_responses_in_random_order(db: Database) -> None:
    """Same rows afterwards; anonymous ones shuffled into one transaction, named ones kept."""
    config = alembic_config(db.url)
    await db.dispose()
    await asyncio.to_thread(command.downgrade, config, "0060")
    try:
        anonymous = await _store_old_style(db, "anonim", True, 12)
        named = await _store_old_style(db, "bernama", False, 3)
        before = {tx for _, tx in await _stored(db, "anonim")}
        await db.dispose()
        await upgrade_async(db.url)
        after = await _stored(db, "anonim")
        assert sorted(i for i, _ in after) == sorted(anonymous)
        assert [i for i, _ in after] not in (anonymous, anonymous[::-1])
        assert [i for i, _ in await _stored(db, "bernama")] == named
        if db.is_postgres:
            written = {tx for _, tx in after}
            assert len(written) == 1 and not written & before
    finally:
        await db.dispose()
        await upgrade_async(db.url)
