"""Idle conversations: kept drafts are paused (step remembered), the rest cleared."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import conversations
from storage.db import Database
from storage.models import utcnow
from storage.queries import conversation


@pytest.mark.parametrize(("flow", "kept"), [("asp", True), ("plan", False)])
async def test_expire_idle_pauses_kept_drafts_and_clears_the_rest(
    db: Database, flow: str, kept: bool
) -> None:
    """A flow that keeps drafts is paused at its step; any other flow is ended."""
    async with db.transaction() as session:
        await conversation.set_state(session, 42, flow, "reason", {"x": 1})
    async with db.transaction() as session:
        expired = await conversations.expire_idle(
            session, utcnow() + timedelta(minutes=1), {"asp": "/aspirasi"}
        )
    assert [(e.telegram_id, e.resume_command) for e in expired] == [
        (42, "/aspirasi" if kept else None)
    ]
    async with db.transaction() as session:
        state = await conversation.get_state(session, 42)
    if kept:
        assert state is not None and state.step == conversations.PAUSED
        assert state.data == {"x": 1, conversations.RESUME_STEP: "reason"}
    else:
        assert state is None
