"""Anonymous answers waiting to be published, and their publication. Never commits.

``bot.surveys.publishing`` decides which waiting answers form a batch; these helpers count
them, take them out (``DELETE … RETURNING``: a row is taken once even when two jobs race)
and write a batch of responses in the order they are given.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.surveys import SurveyResponse, SurveyRound, SurveyWaitingAnswer


@dataclass(frozen=True)
class Waiting:
    """One waiting answer as taken out of the pool."""

    survey_id: int
    unit_id: int | None
    answers: dict[str, Any]


async def waiting_rounds(session: AsyncSession) -> list[int]:
    """Ids of the rounds that have waiting answers."""
    stmt = select(SurveyWaitingAnswer.round_id).distinct().order_by(SurveyWaitingAnswer.round_id)
    return [int(i) for i in (await session.execute(stmt)).scalars()]


async def lock_round(session: AsyncSession, round_id: int) -> SurveyRound | None:
    """The round, locked on PostgreSQL so that one job publishes it at a time."""
    return await session.get(SurveyRound, round_id, with_for_update=True)


async def waiting_per_unit(session: AsyncSession, round_id: int) -> dict[int | None, int]:
    """How many answers of a round wait, per unit."""
    stmt = (
        select(SurveyWaitingAnswer.unit_id, func.count())
        .where(SurveyWaitingAnswer.round_id == round_id)
        .group_by(SurveyWaitingAnswer.unit_id)
    )
    return {u: int(n) for u, n in (await session.execute(stmt)).tuples().all()}


def _unit_in(unit_ids: Iterable[int | None]) -> ColumnElement[bool]:
    """``unit_id`` is one of ``unit_ids`` (None matches NULL)."""
    ids = list(unit_ids)
    known = [u for u in ids if u is not None]
    condition = SurveyWaitingAnswer.unit_id.in_(known)
    return condition | SurveyWaitingAnswer.unit_id.is_(None) if None in ids else condition


async def take_waiting(
    session: AsyncSession, round_id: int, unit_ids: Iterable[int | None]
) -> list[Waiting]:
    """Remove the waiting answers of these units of a round and return them."""
    stmt = (
        delete(SurveyWaitingAnswer)
        .where(SurveyWaitingAnswer.round_id == round_id, _unit_in(unit_ids))
        .returning(
            SurveyWaitingAnswer.survey_id, SurveyWaitingAnswer.unit_id, SurveyWaitingAnswer.answers
        )
        .execution_options(synchronize_session=False)
    )
    rows = (await session.execute(stmt)).tuples().all()
    return [Waiting(int(s), u, dict(a)) for s, u, a in rows]


async def write_responses(session: AsyncSession, round_id: int, batch: Sequence[Waiting]) -> None:
    """Insert anonymous responses in the given order (new random keys, no person, no time)."""
    if not batch:
        return
    values = [
        {
            "id": uuid.uuid4().hex,
            "survey_id": item.survey_id,
            "round_id": round_id,
            "unit_id": item.unit_id,
            "employee_id": None,
            "answers": item.answers,
        }
        for item in batch
    ]
    await session.execute(insert(SurveyResponse), values)


async def waiting_count(session: AsyncSession, survey_id: int) -> int:
    """How many answers of a survey wait to be published."""
    stmt = (
        select(func.count())
        .select_from(SurveyWaitingAnswer)
        .where(SurveyWaitingAnswer.survey_id == survey_id)
    )
    return int((await session.execute(stmt)).scalar_one())
