"""Durable conversation state: where a user is in a flow and the draft so far."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ConversationState, utcnow


async def get_state(session: AsyncSession, telegram_id: int) -> ConversationState | None:
    """Return the user's conversation state, if any."""
    return await session.get(ConversationState, telegram_id)


async def set_state(
    session: AsyncSession, telegram_id: int, flow: str, step: str, data: dict[str, Any]
) -> ConversationState:
    """Create or replace the user's state (the JSON draft is copied, not aliased)."""
    state = await session.get(ConversationState, telegram_id)
    if state is None:
        state = ConversationState(telegram_id=telegram_id, flow=flow, step=step, data=dict(data))
        session.add(state)
    else:
        state.flow, state.step, state.data = flow, step, dict(data)
        state.updated_at = utcnow()
    await session.flush()
    return state


async def clear_state(session: AsyncSession, telegram_id: int) -> None:
    """Forget the user's state."""
    await session.execute(
        delete(ConversationState).where(ConversationState.telegram_id == telegram_id)
    )


async def idle_states(
    session: AsyncSession, older_than: datetime, exclude_steps: tuple[str, ...], limit: int = 200
) -> list[ConversationState]:
    """States not touched since ``older_than`` whose step is not in ``exclude_steps``."""
    result = await session.execute(
        select(ConversationState)
        .where(ConversationState.updated_at < older_than)
        .where(ConversationState.step.not_in(exclude_steps))
        .order_by(ConversationState.updated_at)
        .limit(limit)
    )
    return list(result.scalars())
