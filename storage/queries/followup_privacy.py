"""Data rights of follow-up cases and general questions (see storage.queries.privacy).

A follow-up case and HR's notes on it are BKPSDM's record of contacting the employee and
are kept on unlink; a general question's text is the employee's own writing and is
redacted on unlink, HR's answer stays. Never commits.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BotUser
from storage.models.followup import FollowupCase, FollowupNote
from storage.models.questions import GeneralQuestion
from storage.queries.plans_privacy import ERASED


def _iso(value: Any) -> Any:
    """Dates as ISO text for a JSON export."""
    return value.isoformat() if value is not None else None


async def export_cases(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """The employee's follow-up cases with HR's notes (officials not named)."""
    if user.employee_id is None:
        return {}
    stmt = select(FollowupCase).where(FollowupCase.employee_id == user.employee_id)
    items = []
    for case in (await session.execute(stmt.order_by(FollowupCase.id))).scalars():
        notes = select(FollowupNote).where(FollowupNote.case_id == case.id)
        items.append(
            {
                "opened_on": _iso(case.created_on), "due_on": _iso(case.due_on),
                "status": case.status, "closed_at": _iso(case.closed_at),
                "closing_note": case.closing_note,
                "notes": [
                    {"at": _iso(n.at), "text": n.text}
                    for n in (await session.execute(notes.order_by(FollowupNote.id))).scalars()
                ],
            }
        )  # fmt: skip
    return {"followup_cases": items} if items else {}


async def export_questions(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """The employee's general questions to BKPSDM and HR's answers."""
    if user.employee_id is None:
        return {}
    stmt = select(GeneralQuestion).where(GeneralQuestion.employee_id == user.employee_id)
    items = [
        {"text": q.text, "asked_at": _iso(q.asked_at), "due_on": _iso(q.due_on),
         "answer": q.answer, "answered_at": _iso(q.answered_at)}
        for q in (await session.execute(stmt.order_by(GeneralQuestion.id))).scalars()
    ]  # fmt: skip
    return {"general_questions": items} if items else {}


async def erase_questions(session: AsyncSession, user: BotUser) -> None:
    """Redact the questions the employee wrote; HR's answers stay as BKPSDM's record."""
    if user.employee_id is None:
        return
    await session.execute(
        update(GeneralQuestion)
        .where(GeneralQuestion.employee_id == user.employee_id)
        .values(text=ERASED)
    )
