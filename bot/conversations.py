"""Conversation-state workflows shared by the router, its idle timeout and the error handler.

The state itself is a ``conversation_states`` row (``storage.queries.conversation``); these
functions decide what happens to it: a draft that is kept is *paused* (its step remembered
so the flow's command can resume it), anything else is cleared.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.periodic import claim_tick
from storage.db import Database
from storage.models import ConversationState
from storage.models.base import utcnow
from storage.queries import conversation, users

PAUSED = "paused"
RESUME_STEP = "_resume_step"


@dataclass(frozen=True)
class Expired:
    """An idle conversation that was ended; ``resume_command`` is set when its draft was kept."""

    telegram_id: int
    locale: str | None
    resume_command: str | None


async def pause(session: AsyncSession, state: ConversationState) -> None:
    """Keep the draft of ``state`` and remember its step for the resume command."""
    data = {**state.data, RESUME_STEP: state.step}
    await conversation.set_state(session, state.telegram_id, state.flow, PAUSED, data)


async def expire_idle(
    session: AsyncSession, cutoff: datetime, kept_drafts: Mapping[str, str]
) -> list[Expired]:
    """End conversations idle since ``cutoff``: pause those of ``kept_drafts`` flows (flow ->
    resume command), clear the rest; the users to tell, with their locale."""
    expired: list[Expired] = []
    for state in await conversation.idle_states(session, cutoff, (PAUSED,)):
        command = kept_drafts.get(state.flow)
        if command is not None:
            await pause(session, state)
        else:
            await conversation.clear_state(session, state.telegram_id)
        locale = await user_locale(session, state.telegram_id)
        expired.append(Expired(state.telegram_id, locale, command))
    return expired


async def user_locale(session: AsyncSession, telegram_id: int) -> str | None:
    """The language a user chose, if any."""
    user = await users.get_user(session, telegram_id)
    return user.locale if user is not None else None


async def expire_idle_tick(
    db: Database, worker_id: str, every: timedelta, idle: timedelta,
    kept_drafts: Mapping[str, str],
) -> list[Expired]:  # fmt: skip
    """One tick of the idle-timeout job: [] when another instance runs this tick (each user
    is told once), else the conversations :func:`expire_idle` ended."""
    if not await claim_tick(db, "expire-idle", every, worker_id):
        return []
    async with db.transaction() as session:
        return await expire_idle(session, utcnow() - idle, kept_drafts)
