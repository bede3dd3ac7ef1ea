"""A message longer than Telegram's limit is queued as several outbox rows, each within it."""

from __future__ import annotations

from sqlalchemy import select

from bot.delivery.outbox import queue_message
from bot.messages import Button, OutgoingMessage
from bot.paging import TELEGRAM_LIMIT
from bot.telegram_markup import visible_text
from storage.db import Database
from storage.models import OutboxMessage


async def test_long_message_becomes_rows_within_the_limit(db: Database) -> None:
    """Valid HTML rows in order, buttons on the last; queueing again adds nothing."""
    text = "\n".join(f"<b>{n}</b> <i>{'catatan & ' * 20}</i>" for n in range(100))
    message = OutgoingMessage(text, ((Button("OK", "ok"),),))
    async with db.transaction() as session:
        assert await queue_message(session, 42, message, "long1")
    async with db.transaction() as session:
        assert not await queue_message(session, 42, message, "long1")
        rows = list((await session.execute(select(OutboxMessage).order_by("id"))).scalars())
    assert len(rows) > 1
    assert all(len(r.text) <= TELEGRAM_LIMIT and visible_text(r.text, "HTML") for r in rows)
    assert [r.reply_markup is not None for r in rows] == [False] * (len(rows) - 1) + [True]
    assert "\n".join(visible_text(r.text, "HTML") for r in rows) == visible_text(text, "HTML")
