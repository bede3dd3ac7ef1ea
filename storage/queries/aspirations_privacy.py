"""Data-rights export and erase of an employee's aspirations (see storage.queries.privacy)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Aspiration,
    AspirationWindow,
    BotUser,
    ConversationState,
)
from storage.queries.aspirations import ASPIRATION_FLOW, history, snapshot


async def export_for_user(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """Data-rights export: the employee's aspirations with their history."""
    if user.employee_id is None:
        return {}
    result = await session.execute(
        select(Aspiration, AspirationWindow.name)
        .join(AspirationWindow, AspirationWindow.id == Aspiration.window_id)
        .where(Aspiration.employee_id == user.employee_id)
        .order_by(Aspiration.id)
    )
    items = []
    for a, window_name in result.tuples():
        items.append(
            {
                "reference": a.reference,
                "window": window_name,
                "status": a.status,
                **snapshot(a),
                "eligible": a.eligible,
                "eligibility_problems": list(a.eligibility_problems or []),
                "hr_note": a.hr_note,
                "created_at": a.created_at.isoformat(),
                "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
                "updated_at": a.updated_at.isoformat(),
                "history": [
                    {
                        "at": h.at.isoformat(),
                        "action": h.action,
                        "from_status": h.from_status,
                        "status": h.to_status,
                        "note": h.note,
                        "snapshot": dict(h.snapshot or {}),
                    }
                    for h in await history(session, a.id)
                ],
            }
        )
    return {"aspirations": items} if items else {}


async def erase_for_user(session: AsyncSession, user: BotUser) -> None:
    """On unlink: drop an unsent aspiration draft; submitted aspirations stay as HR records."""
    await session.execute(
        delete(ConversationState).where(
            ConversationState.telegram_id == user.telegram_id,
            ConversationState.flow == ASPIRATION_FLOW,
        )
    )
