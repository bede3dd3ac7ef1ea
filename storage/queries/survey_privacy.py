"""Data rights for surveys: export an employee's participations and named answers; erase drafts.

Anonymous answers hold no link to the person (see ``storage.models.surveys``), so they
cannot be found for an export or an erasure; the export says so. Never commits.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BotUser
from storage.models.surveys import (
    OPEN_PARTICIPATION,
    Survey,
    SurveyParticipation,
    SurveyResponse,
    SurveyRound,
)
from storage.types import TextKey


async def export_for_user(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """The employee's survey invitations, their named answers, a note on anonymous ones."""
    if user.employee_id is None:
        return {}
    stmt = (
        select(SurveyParticipation, SurveyRound, Survey)
        .join(SurveyRound, SurveyRound.id == SurveyParticipation.round_id)
        .join(Survey, Survey.id == SurveyRound.survey_id)
        .where(SurveyParticipation.employee_id == user.employee_id)
        .order_by(SurveyParticipation.id)
    )
    participations = [
        {
            "survey": survey.title,
            "anonymous": survey.anonymous,
            "round": rnd.label,
            "status": part.status,
            "unit_id": part.unit_id,
            "due_at": part.due_at.isoformat(),
            "invited_at": part.invited_at.isoformat() if part.invited_at else None,
            "closes_at": part.closes_at.isoformat() if part.closes_at else None,
            "started": part.started,
            "reminders_sent": part.reminders_sent,
            "finished_on": part.finished_on.isoformat() if part.finished_on else None,
            "draft_answers": dict(part.draft.get("answers") or {}) if part.draft else {},
        }
        for part, rnd, survey in (await session.execute(stmt)).tuples()
    ]
    named = (
        select(Survey.title, SurveyRound.label, SurveyResponse.answers)
        .join(SurveyResponse, SurveyResponse.survey_id == Survey.id)
        .join(SurveyRound, SurveyRound.id == SurveyResponse.round_id)
        .where(SurveyResponse.employee_id == user.employee_id, Survey.anonymous.is_(False))
        .order_by(Survey.id, SurveyRound.id)
    )
    answers = [
        {"survey": title, "round": label, "answers": dict(values)}
        for title, label, values in (await session.execute(named)).tuples()
    ]
    if not participations and not answers:
        return {}
    return {
        "surveys": {
            "participations": participations,
            "named_answers": answers,
            "anonymous_answers": TextKey("survey.export_anon_note"),
        }
    }


async def erase_for_user(session: AsyncSession, user: BotUser) -> None:
    """On unlink: drop unsent survey drafts; submitted named answers stay as HR records.

    Submitted answers of named surveys were given knowingly to BKPSDM for follow-up (the
    survey says it is not anonymous before the first question) and feed published
    aggregates, so like submitted aspirations they are kept as official HR records.
    Anonymous answers cannot be found at all. An unfinished draft is the person's own
    unsent work and is deleted; the invitation itself stays so response rates hold.
    """
    if user.employee_id is None:
        return
    stmt = select(SurveyParticipation).where(
        SurveyParticipation.employee_id == user.employee_id,
        SurveyParticipation.status.in_(OPEN_PARTICIPATION),
    )
    for part in (await session.execute(stmt)).scalars():
        part.draft = {}
    await session.flush()
