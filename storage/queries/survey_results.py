"""Survey results queries: responses and participations for aggregation. Never commits.

Split from ``storage.queries.surveys`` (definitions, rounds, participations, answering).
Anonymous responses carry no person; only named surveys can be listed per employee.
Results read published responses only: anonymous answers still waiting
(``storage.queries.survey_waiting``) are counted, never shown.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.people import Employee, Unit
from storage.models.surveys import SurveyParticipation, SurveyResponse, SurveyRound
from storage.queries.survey_waiting import waiting_count
from storage.types import ParticipationRow, ResponseRow


async def result_rows(
    session: AsyncSession, survey_id: int
) -> tuple[list[ResponseRow], list[ParticipationRow]]:
    """Responses and participations of a survey with round labels and unit names."""
    units = dict((await session.execute(select(Unit.id, Unit.name))).tuples().all())
    rounds = dict(
        (
            await session.execute(
                select(SurveyRound.id, SurveyRound.label).where(SurveyRound.survey_id == survey_id)
            )
        )
        .tuples()
        .all()
    )
    responses = [
        ResponseRow(rounds.get(r, "?"), units.get(u, "-") if u else "-", dict(a))
        for r, u, a in (
            await session.execute(
                select(
                    SurveyResponse.round_id, SurveyResponse.unit_id, SurveyResponse.answers
                ).where(SurveyResponse.survey_id == survey_id)
            )
        )
        .tuples()
        .all()
    ]
    parts = [
        ParticipationRow(rounds.get(r, "?"), units.get(u, "-") if u else "-", s, bool(st))
        for r, u, s, st in (
            await session.execute(
                select(
                    SurveyParticipation.round_id,
                    SurveyParticipation.unit_id,
                    SurveyParticipation.status,
                    SurveyParticipation.started,
                ).where(SurveyParticipation.round_id.in_(list(rounds) or [-1]))
            )
        )
        .tuples()
        .all()
    ]
    return responses, parts


async def named_answers(
    session: AsyncSession, survey_id: int
) -> list[tuple[Employee, str, dict[str, Any]]]:
    """Individual answers of a named survey: employee, round label, answers."""
    stmt = (
        select(Employee, SurveyRound.label, SurveyResponse.answers)
        .join(SurveyResponse, SurveyResponse.employee_id == Employee.id)
        .join(SurveyRound, SurveyRound.id == SurveyResponse.round_id)
        .where(SurveyResponse.survey_id == survey_id)
        .order_by(Employee.name)
    )
    return [(e, label, dict(a)) for e, label, a in (await session.execute(stmt)).all()]


async def response_count(session: AsyncSession, survey_id: int) -> int:
    """How many answers a survey has: published responses and waiting anonymous answers."""
    stmt = (
        select(func.count())
        .select_from(SurveyResponse)
        .where(SurveyResponse.survey_id == survey_id)
    )
    published = int((await session.execute(stmt)).scalar_one())
    return published + await waiting_count(session, survey_id)
