"""Waiting for an outbox row to settle (sent, failed, unreachable) in end-to-end tests."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import select

from bot.harness import BotHarness
from storage.models import OutboxMessage
from storage.models.delivery import OUTBOX_OPEN


async def settled_status(harness: BotHarness, *where: Any) -> str | None:
    """The final status of the one outbox row matching ``where`` (None if it never settles)."""
    for _ in range(100):
        async with harness.services.db.transaction() as session:
            status = await session.scalar(select(OutboxMessage.status).where(*where))
        if status is not None and status not in OUTBOX_OPEN:
            return status
        await asyncio.sleep(0.1)
    return None
