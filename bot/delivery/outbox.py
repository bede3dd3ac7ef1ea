"""Queue messages to other people through the outbox (sent after commit, paced, once).

Everything a feature sends to someone other than the user it is answering goes through
:func:`queue_message`: it becomes an ``outbox_messages`` row in the caller's transaction,
with a dedup key so that a repeated run queues nothing twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.messages import OutgoingMessage
from bot.paging import TELEGRAM_LIMIT, split_text
from storage.queries import delivery as dq
from storage.queries.outbox_rows import cancel_pending


async def queue_message(
    session: AsyncSession,
    chat_id: int,
    message: OutgoingMessage,
    dedup_key: str,
    *,
    not_before: datetime | None = None,
) -> bool:
    """Queue ``message`` for ``chat_id``; False when ``dedup_key`` was queued before.

    A text too long for one Telegram message becomes several rows (cut at line ends,
    never inside a tag), sent in order; the buttons come with the last.
    """
    pages = split_text(message.text, message.parse_mode, TELEGRAM_LIMIT)
    for n, page in enumerate(pages, start=1):
        last = n == len(pages)
        count = await dq.enqueue_messages(
            session,
            None,
            [(chat_id, page, message.markup_dict() if last else None)],
            dedup_prefix=dedup_key if n == 1 else f"{dedup_key}/{n}",
            parse_mode=message.parse_mode,
            not_before=not_before,
        )
        if n == 1 and count == 0:
            return False
    return True


async def cancel_queued(session: AsyncSession, chat_id: int, dedup_key: str) -> str | None:
    """Take back a message :func:`queue_message` queued, unless sending has started.

    Returns ``"cancelled"``, the row's status once it left pending (it may have reached the
    chat), or None when nothing was queued under ``dedup_key`` for ``chat_id``.
    """
    return await cancel_pending(session, f"{dedup_key}:{chat_id}")
