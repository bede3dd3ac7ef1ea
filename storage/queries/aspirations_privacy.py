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
                "hr_note": a.hr_note,
                "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
                "history": [
                    {
                        "at": h.at.isoformat(),
                        "action": h.action,
                        "status": h.to_status,
                        "note": h.note,
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
