"""Queries of the survey feature: definitions, rounds, participations, answers. Never commits.

Results (aggregation rows, named answers) live in ``storage.queries.survey_results``; parsing
a stored definition and the rules of changing one live in ``bot.surveys.catalog``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.base import utcnow
from storage.models.people import BotUser, Employee
from storage.models.surveys import (
    OPEN_PARTICIPATION,
    Survey,
    SurveyParticipation,
    SurveyResponse,
    SurveyRound,
    SurveyWaitingAnswer,
)


async def survey_by_slug(session: AsyncSession, slug: str) -> Survey | None:
    """The survey with this slug, or None."""
    stmt = select(Survey).where(Survey.slug == slug)
    return (await session.execute(stmt)).scalar_one_or_none()


async def add_survey(
    session: AsyncSession,
    *,
    slug: str,
    title: str,
    anonymous: bool,
    trigger: str,
    definition: dict[str, Any],
    actor: str,
) -> Survey:
    """Store a new active survey (version 1) with its serialised definition."""
    survey = Survey(
        slug=slug,
        title=title[:200],
        anonymous=anonymous,
        trigger=trigger,
        definition=definition,
        version=1,
        active=True,
        created_by=actor,
    )
    session.add(survey)
    await session.flush()
    return survey


def update_survey(survey: Survey, *, title: str, trigger: str, definition: dict[str, Any]) -> None:
    """Replace a survey's definition and bump its version (anonymity never changes here)."""
    survey.definition = definition
    survey.title = title[:200]
    survey.trigger = trigger
    survey.version += 1
    survey.updated_at = utcnow()


async def list_surveys(session: AsyncSession) -> list[Survey]:
    """Every survey, oldest first."""
    return list((await session.execute(select(Survey).order_by(Survey.id))).scalars())


async def move_surveys(session: AsyncSession) -> list[Survey]:
    """Active surveys sent after decreed moves."""
    stmt = select(Survey).where(Survey.active.is_(True), Survey.trigger == "move")
    return list((await session.execute(stmt.order_by(Survey.id))).scalars())


async def round_for(session: AsyncSession, survey_id: int, kind: str, label: str) -> SurveyRound:
    """The round of ``survey_id`` with ``kind``/``label``, created when missing."""
    stmt = select(SurveyRound).where(
        SurveyRound.survey_id == survey_id, SurveyRound.kind == kind, SurveyRound.label == label
    )
    found = (await session.execute(stmt.limit(1))).scalar_one_or_none()
    if found is not None:
        return found
    created = SurveyRound(survey_id=survey_id, kind=kind, label=label, status="open")
    session.add(created)
    await session.flush()
    return created


async def add_round(
    session: AsyncSession,
    survey_id: int,
    label: str,
    audience: dict[str, Any],
    opens_at: datetime,
    closes_at: datetime,
    actor: str,
) -> SurveyRound:
    """A manual round (HR sends a survey to an audience)."""
    created = SurveyRound(
        survey_id=survey_id,
        kind="manual",
        label=label[:60],
        audience=audience,
        opens_at=opens_at,
        closes_at=closes_at,
        status="scheduled",
        created_by=actor,
    )
    session.add(created)
    await session.flush()
    return created


async def add_participation(
    session: AsyncSession,
    round_id: int,
    employee_id: int,
    move_id: int,
    unit_id: int | None,
    due_at: datetime,
) -> SurveyParticipation | None:
    """Invite one person (scheduled); None when they already have this round (and move)."""
    stmt = select(SurveyParticipation.id).where(
        SurveyParticipation.round_id == round_id,
        SurveyParticipation.employee_id == employee_id,
        SurveyParticipation.move_id == move_id,
    )
    if (await session.execute(stmt)).first() is not None:
        return None
    row = SurveyParticipation(
        round_id=round_id,
        employee_id=employee_id,
        move_id=move_id,
        unit_id=unit_id,
        status="scheduled",
        due_at=due_at,
        started=False,
        reminders_sent=0,
        draft={},
    )
    session.add(row)
    await session.flush()
    return row


async def participations_of_move(session: AsyncSession, move_id: int) -> list[SurveyParticipation]:
    """Participations created for one move."""
    stmt = select(SurveyParticipation).where(SurveyParticipation.move_id == move_id)
    return list((await session.execute(stmt)).scalars())


async def round_participations(
    session: AsyncSession, round_id: int, statuses: Iterable[str]
) -> list[SurveyParticipation]:
    """Participations of a round in some statuses."""
    stmt = select(SurveyParticipation).where(
        SurveyParticipation.round_id == round_id,
        SurveyParticipation.status.in_(list(statuses)),
    )
    return list((await session.execute(stmt.order_by(SurveyParticipation.id))).scalars())


async def chat_of(session: AsyncSession, employee_id: int) -> tuple[int, str | None] | None:
    """The reachable Telegram chat (and locale) of an active employee, or None."""
    stmt = (
        select(BotUser.telegram_id, BotUser.locale)
        .join(Employee, Employee.id == BotUser.employee_id)
        .where(
            BotUser.employee_id == employee_id,
            BotUser.unreachable_at.is_(None),
            Employee.active.is_(True),
        )
    )
    row = (await session.execute(stmt.limit(1))).first()
    return (int(row[0]), row[1]) if row else None


async def open_for_employee(
    session: AsyncSession, employee_id: int
) -> list[tuple[SurveyParticipation, SurveyRound, Survey]]:
    """The employee's invitations that can still be answered."""
    stmt = (
        select(SurveyParticipation, SurveyRound, Survey)
        .join(SurveyRound, SurveyRound.id == SurveyParticipation.round_id)
        .join(Survey, Survey.id == SurveyRound.survey_id)
        .where(
            SurveyParticipation.employee_id == employee_id,
            SurveyParticipation.status.in_(OPEN_PARTICIPATION),
        )
        .order_by(SurveyParticipation.id)
    )
    return [(p, r, s) for p, r, s in (await session.execute(stmt)).all()]


async def load_participation(
    session: AsyncSession, participation_id: int
) -> tuple[SurveyParticipation, SurveyRound, Survey] | None:
    """A participation with its round and survey (locked on PostgreSQL)."""
    part = await session.get(SurveyParticipation, participation_id, with_for_update=True)
    if part is None:
        return None
    rnd = await session.get(SurveyRound, part.round_id)
    survey = await session.get(Survey, rnd.survey_id) if rnd else None
    if rnd is None or survey is None:
        return None
    return part, rnd, survey


async def pending_chat_ids(session: AsyncSession, spec: dict[str, Any]) -> list[int]:
    """Audience ``survey_pending``: invited to a round (or survey) but not finished."""
    stmt = (
        select(BotUser.telegram_id)
        .join(SurveyParticipation, SurveyParticipation.employee_id == BotUser.employee_id)
        .join(SurveyRound, SurveyRound.id == SurveyParticipation.round_id)
        .join(Employee, Employee.id == BotUser.employee_id)
        .where(
            SurveyParticipation.status.in_(OPEN_PARTICIPATION),
            BotUser.unreachable_at.is_(None),
            Employee.active.is_(True),
        )
    )
    if spec.get("round_id") is not None:
        stmt = stmt.where(SurveyRound.id == int(spec["round_id"]))
    if spec.get("survey_id") is not None:
        stmt = stmt.where(SurveyRound.survey_id == int(spec["survey_id"]))
    return sorted({int(i) for i in (await session.execute(stmt)).scalars()})


async def submit(
    session: AsyncSession,
    part: SurveyParticipation,
    rnd: SurveyRound,
    survey: Survey,
    answers: dict[str, Any],
    today: date,
) -> bool:
    """Mark the participation finished and store the answers; False when it changed meanwhile.

    Compare-and-set on the status ``part`` was read with (nothing is stored when, e.g., the
    same answers were submitted a moment before). Named surveys: a response with the
    person. Anonymous surveys: a waiting answer without the person, published later in a
    shuffled batch by another transaction.
    """
    finished = await session.execute(
        update(SurveyParticipation)
        .where(SurveyParticipation.id == part.id, SurveyParticipation.status == part.status)
        .values(status="finished", finished_on=today, draft={})
        .execution_options(synchronize_session="fetch")
    )
    if not finished.rowcount:  # type: ignore[attr-defined]
        return False
    row = {
        "id": uuid.uuid4().hex,
        "survey_id": survey.id,
        "round_id": rnd.id,
        "unit_id": part.unit_id,
        "answers": answers,
    }
    if survey.anonymous:
        session.add(SurveyWaitingAnswer(**row))
    else:
        session.add(SurveyResponse(**row, employee_id=part.employee_id))
    await session.flush()
    return True


async def close_open(session: AsyncSession, ids: Iterable[int]) -> int:
    """Close unfinished participations; return how many."""
    result = await session.execute(
        update(SurveyParticipation)
        .where(
            SurveyParticipation.id.in_(list(ids)),
            SurveyParticipation.status.in_(OPEN_PARTICIPATION),
        )
        .values(status="closed", draft={})
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def cancel_unfinished(session: AsyncSession, ids: Iterable[int]) -> int:
    """Cancel participations not finished yet (compare-and-set on the status); return how many."""
    result = await session.execute(
        update(SurveyParticipation)
        .where(
            SurveyParticipation.id.in_(list(ids)),
            SurveyParticipation.status.in_(("scheduled", *OPEN_PARTICIPATION)),
        )
        .values(status="cancelled", draft={})
        .execution_options(synchronize_session="fetch")
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def employees_of_chats(
    session: AsyncSession, chat_ids: Iterable[int]
) -> list[tuple[int, int | None]]:
    """(employee id, unit id) of the linked users among ``chat_ids``."""
    ids = list(chat_ids)
    if not ids:
        return []
    stmt = (
        select(Employee.id, Employee.unit_id)
        .join(BotUser, BotUser.employee_id == Employee.id)
        .where(BotUser.telegram_id.in_(ids))
        .order_by(Employee.id)
    )
    return [(int(e), u) for e, u in (await session.execute(stmt)).tuples().all()]


async def get_survey(session: AsyncSession, survey_id: int) -> Survey | None:
    """The survey with this id, or None."""
    return await session.get(Survey, survey_id)
