"""Broadcast queries: create, queue rows for, track, cancel and report broadcasts. Never commits.

Resolving a broadcast's audience when it is materialised is ``bot.delivery.recipients``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.delivery import OUTBOX_OPEN, Broadcast, OutboxMessage, ScheduledItem
from storage.models.people import BotUser, Employee
from storage.queries.outbox_rows import enqueue_messages


@dataclass
class BroadcastStats:
    """Delivery figures of one broadcast."""

    total: int = 0
    sent: int = 0
    failed: int = 0
    unreachable: int = 0
    pending: int = 0
    uncertain: int = 0
    cancelled: int = 0
    failures_by_reason: dict[str, int] = field(default_factory=dict)


async def create_broadcast(
    session: AsyncSession,
    *,
    text: str,
    audience: dict[str, Any],
    kind: str = "broadcast",
    title: str = "",
    parse_mode: str | None = None,
    attachment_file_id: str | None = None,
    attachment_kind: str | None = None,
    created_by: int | None = None,
    scheduled_at: datetime | None = None,
) -> Broadcast:
    """Add a broadcast (``scheduled`` when ``scheduled_at`` is given, else ``queued``)."""
    broadcast = Broadcast(
        kind=kind,
        title=title,
        text=text,
        parse_mode=parse_mode,
        attachment_file_id=attachment_file_id,
        attachment_kind=attachment_kind,
        audience=audience,
        created_by=created_by,
        scheduled_at=scheduled_at,
        status="scheduled" if scheduled_at is not None else "queued",
        late=False,
        status_reason="",
    )
    session.add(broadcast)
    await session.flush()
    return broadcast


async def start_broadcasts(session: AsyncSession, ids: Iterable[int], now: datetime) -> None:
    """Move queued broadcasts whose rows are being claimed to ``sending``."""
    id_list = sorted(set(ids))
    if id_list:
        await session.execute(
            update(Broadcast)
            .where(Broadcast.id.in_(id_list), Broadcast.status == "queued")
            .values(status="sending", started_at=now)
            .execution_options(synchronize_session=False)
        )


async def finish_broadcasts(session: AsyncSession, now: datetime) -> list[int]:
    """Mark ``done`` every queued/sending broadcast without open rows; return their ids."""
    open_rows = exists().where(
        and_(OutboxMessage.broadcast_id == Broadcast.id, OutboxMessage.status.in_(OUTBOX_OPEN))
    )
    stmt = (
        update(Broadcast)
        .where(Broadcast.status.in_(("queued", "sending")), ~open_rows)
        .values(status="done", finished_at=now)
        .returning(Broadcast.id)
        .execution_options(synchronize_session=False)
    )
    return sorted(int(i) for i in (await session.execute(stmt)).scalars())


async def broadcast_stats(session: AsyncSession, broadcast_id: int) -> BroadcastStats:
    """Count the rows of a broadcast by status and failures by reason."""
    stats = BroadcastStats()
    rows = await session.execute(
        select(OutboxMessage.status, OutboxMessage.error, func.count())
        .where(OutboxMessage.broadcast_id == broadcast_id)
        .group_by(OutboxMessage.status, OutboxMessage.error)
    )
    for status, error, count in rows.all():
        stats.total += count
        if status in OUTBOX_OPEN:
            stats.pending += count
        elif status in ("sent", "failed", "unreachable", "uncertain", "cancelled"):
            setattr(stats, status, getattr(stats, status) + count)
        if status in ("failed", "unreachable", "uncertain") and error:
            stats.failures_by_reason[error] = stats.failures_by_reason.get(error, 0) + count
    return stats


async def get_broadcast(session: AsyncSession, broadcast_id: int) -> Broadcast | None:
    """The broadcast with this id, or None."""
    return await session.get(Broadcast, broadcast_id)


async def list_broadcasts(
    session: AsyncSession,
    statuses: Iterable[str] | None = None,
    limit: int = 20,
    kinds: Iterable[str] | None = None,
) -> list[Broadcast]:
    """Most recent broadcasts first, optionally only some statuses and kinds."""
    stmt = select(Broadcast).order_by(Broadcast.id.desc()).limit(limit)
    if statuses is not None:
        stmt = stmt.where(Broadcast.status.in_(list(statuses)))
    if kinds is not None:
        stmt = stmt.where(Broadcast.kind.in_(list(kinds)))
    return list((await session.execute(stmt)).scalars())


CANCELLABLE = ("scheduled", "queued", "sending")


async def cancel_broadcast(
    session: AsyncSession,
    broadcast_id: int,
    now: datetime,
    *,
    from_statuses: Iterable[str] = CANCELLABLE,
) -> bool:
    """Cancel a broadcast still in one of ``from_statuses``: its unsent rows and schedule too.

    Compare-and-set: False (nothing changed) when the broadcast is in another status.
    """
    result = await session.execute(
        update(Broadcast)
        .where(
            Broadcast.id == broadcast_id,
            Broadcast.status.in_(list(from_statuses)),
        )
        .values(status="cancelled", finished_at=now)
        .execution_options(synchronize_session=False)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        return False
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.broadcast_id == broadcast_id,
            OutboxMessage.status.in_(("pending", "claimed")),
        )
        .values(status="cancelled")
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(ScheduledItem)
        .where(
            ScheduledItem.kind == "broadcast",
            ScheduledItem.ref_id == broadcast_id,
            ScheduledItem.status == "pending",
        )
        .values(status="cancelled", reason="broadcast_cancelled")
        .execution_options(synchronize_session=False)
    )
    return True


async def broadcast_to_materialize(session: AsyncSession, broadcast_id: int) -> Broadcast | None:
    """The broadcast, row-locked, when it is still scheduled or queued; else None."""
    broadcast = await session.get(Broadcast, broadcast_id, with_for_update=True)
    if broadcast is None or broadcast.status not in ("scheduled", "queued"):
        return None
    return broadcast


async def queue_broadcast_rows(
    session: AsyncSession,
    broadcast: Broadcast,
    chat_ids: Iterable[int],
    now: datetime,
    late: bool = False,
    texts: Mapping[int, str] | None = None,
) -> int:
    """Mark the broadcast queued and insert one outbox row per chat (dedup key ``b<id>:<chat>``).

    Compare-and-set: nothing is inserted (0) when the broadcast is no longer scheduled or
    queued (cancelled meanwhile). ``texts`` gives a chat its own text (placeholders filled).
    Returns the number of rows inserted; rows that already exist are not inserted again.
    """
    values: dict[str, Any] = {"status": "queued", "late": broadcast.late or late}
    if broadcast.scheduled_at is None:
        values["scheduled_at"] = now
    claimed = await session.execute(
        update(Broadcast)
        .where(Broadcast.id == broadcast.id, Broadcast.status.in_(("scheduled", "queued")))
        .values(**values)
        .execution_options(synchronize_session="fetch")
    )
    if not claimed.rowcount:  # type: ignore[attr-defined]
        return 0
    text_of = texts or {}
    return await enqueue_messages(
        session,
        broadcast.id,
        ((chat_id, text_of.get(chat_id, broadcast.text), None) for chat_id in chat_ids),
        dedup_prefix=f"b{broadcast.id}",
        parse_mode=broadcast.parse_mode,
        attachment_file_id=broadcast.attachment_file_id,
        attachment_kind=broadcast.attachment_kind,
    )


async def mark_broadcast_missed(session: AsyncSession, broadcast_id: int, reason: str) -> None:
    """A scheduled broadcast whose time passed beyond the grace period: never sent."""
    await session.execute(
        update(Broadcast)
        .where(Broadcast.id == broadcast_id, Broadcast.status == "scheduled")
        .values(status="missed", status_reason=reason[:200])
        .execution_options(synchronize_session=False)
    )


async def failed_rows(
    session: AsyncSession, broadcast_id: int, limit: int = 50_000
) -> list[tuple[int, str | None, str, str | None, int]]:
    """(chat_id, employee name, status, error, attempts) of the rows not delivered."""
    stmt = (
        select(
            OutboxMessage.chat_id,
            Employee.name,
            OutboxMessage.status,
            OutboxMessage.error,
            OutboxMessage.attempts,
        )
        .outerjoin(BotUser, BotUser.telegram_id == OutboxMessage.chat_id)
        .outerjoin(Employee, Employee.id == BotUser.employee_id)
        .where(
            OutboxMessage.broadcast_id == broadcast_id,
            OutboxMessage.status.in_(("failed", "unreachable", "uncertain")),
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return [(int(c), n, s, e, int(a)) for c, n, s, e, a in (await session.execute(stmt)).all()]
