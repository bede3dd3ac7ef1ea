"""Announcements (/umumkan, /terjadwal): send now, schedule, cancel — the workflows.

Each function takes the update's session, ``now``, the acting HR user and plain values,
writes the broadcast (and, when sending now, one outbox row per recipient) and an audit
entry, and returns a small result the handler renders. Nothing here talks to Telegram:
the outbox worker sends the rows after the transaction commits.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import recipients
from bot.delivery.compose import MAX_CAPTION, with_header
from storage.models.delivery import Broadcast
from storage.queries import audit
from storage.queries import delivery as dq

KIND = "broadcast"
ScheduleFn = Callable[[AsyncSession, str, int, datetime], Awaitable[Any]]


@dataclass(frozen=True)
class BroadcastDraft:
    """What HR composed: the HTML text, the audience spec and an optional attachment."""

    text: str
    audience: dict[str, Any]
    file_id: str | None = None
    file_kind: str | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> BroadcastDraft:
        """The draft kept in the HR user's conversation state."""
        return cls(
            text=str(data["text"]),
            audience=dict(data["audience"]),
            file_id=data.get("file_id"),
            file_kind=data.get("file_kind"),
        )


@dataclass(frozen=True)
class Queued:
    """Sent now: the broadcast and how many recipients were queued."""

    broadcast_id: int
    count: int


@dataclass(frozen=True)
class Scheduled:
    """Scheduled for ``run_at`` (UTC)."""

    broadcast_id: int
    run_at: datetime


@dataclass(frozen=True)
class NotInFuture:
    """Refused: the send time is not after now."""

    run_at: datetime


@dataclass(frozen=True)
class Cancelled:
    """The outcome of a cancel request (``ok`` False: it had started, finished or was gone)."""

    broadcast_id: int
    ok: bool


def caption_fits(text: str) -> bool:
    """True when ``text`` (under its header) can go out as the caption of an attachment."""
    return len(with_header(text)) <= MAX_CAPTION


async def _create(
    session: AsyncSession, actor: int, draft: BroadcastDraft, at: datetime | None
) -> Broadcast:
    """Write the broadcast of a draft (``scheduled`` when ``at`` is given)."""
    return await dq.create_broadcast(
        session,
        text=draft.text,
        audience=draft.audience,
        parse_mode="HTML",
        attachment_file_id=draft.file_id,
        attachment_kind=draft.file_kind,
        created_by=actor,
        scheduled_at=at,
    )


async def send_now(
    session: AsyncSession, now: datetime, actor: int, draft: BroadcastDraft, progress_chat: int
) -> Queued:
    """Create the broadcast and queue one row per recipient; progress goes to ``progress_chat``."""
    broadcast = await _create(session, actor, draft, None)
    count = await recipients.materialize_broadcast(session, broadcast.id, now)
    broadcast.progress_chat_id = progress_chat
    await audit.record(
        session, audit.actor_of(actor), "broadcast.sent", KIND, broadcast.id, count=count
    )
    return Queued(broadcast.id, count)


async def remember_progress_message(
    session: AsyncSession, broadcast_id: int, message_id: int
) -> None:
    """Keep the id of the progress message so the worker (or a restart) can edit it."""
    broadcast = await dq.get_broadcast(session, broadcast_id)
    if broadcast is not None:
        broadcast.progress_message_id = message_id


async def schedule(
    session: AsyncSession,
    now: datetime,
    actor: int,
    draft: BroadcastDraft,
    run_at: datetime,
    schedule_fn: ScheduleFn,
) -> Scheduled | NotInFuture:
    """Create the broadcast and schedule it; its audience is resolved when it fires."""
    if run_at <= now:
        return NotInFuture(run_at)
    broadcast = await _create(session, actor, draft, run_at)
    await schedule_fn(session, KIND, broadcast.id, run_at)
    await audit.record(
        session, audit.actor_of(actor), "broadcast.scheduled", KIND, broadcast.id,
        run_at=run_at.isoformat(),
    )  # fmt: skip
    return Scheduled(broadcast.id, run_at)


async def cancel_scheduled(
    session: AsyncSession, now: datetime, actor: int, broadcast_id: int
) -> Cancelled:
    """Cancel an announcement that is still only scheduled (compare-and-set)."""
    ok = await dq.cancel_broadcast(session, broadcast_id, now, from_statuses=("scheduled",))
    if ok:
        await audit.record(
            session, audit.actor_of(actor), "broadcast.cancelled", KIND, broadcast_id
        )
    return Cancelled(broadcast_id, ok)


async def scheduled_broadcasts(session: AsyncSession, limit: int = 30) -> list[Broadcast]:
    """Announcements waiting for their time, soonest first."""
    rows = await dq.list_broadcasts(session, ("scheduled",), limit=limit)
    return sorted(rows, key=lambda b: (b.scheduled_at or b.created_at, b.id))
