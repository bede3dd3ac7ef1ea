"""Queries of the delivery engine: broadcasts, outbox rows, audiences. Never commits."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.audience import AudienceError, pick_unit
from storage.models.base import utcnow
from storage.models.delivery import OUTBOX_OPEN, Broadcast, OutboxMessage, ScheduledItem
from storage.models.people import BotUser, Employee, RoleGrant, Unit

INSERT_CHUNK = 2000
Recipient = tuple[int, str, dict[str, Any] | None]
AudienceResolver = Callable[[AsyncSession, dict[str, Any]], Awaitable[list[int]]]
_RESOLVERS: dict[str, AudienceResolver] = {}


@dataclass(frozen=True)
class ClaimedRow:
    """An outbox row claimed by one worker, with everything needed to send it."""

    id: int
    broadcast_id: int | None
    chat_id: int
    text: str
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    attachment_file_id: str | None
    attachment_kind: str | None
    attempts: int


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


async def enqueue_messages(
    session: AsyncSession,
    broadcast_id: int | None,
    recipients: Iterable[Recipient],
    dedup_prefix: str | None = None,
    *,
    parse_mode: str | None = None,
    attachment_file_id: str | None = None,
    attachment_kind: str | None = None,
    not_before: datetime | None = None,
) -> int:
    """Bulk-insert one pending outbox row per recipient; return how many were new.

    With ``dedup_prefix`` each row gets the key ``<prefix>:<chat_id>`` and rows whose key
    already exists are skipped, so firing the same scheduled work twice inserts nothing.
    """
    now = utcnow()
    when = not_before or now
    base = {
        "broadcast_id": broadcast_id,
        "parse_mode": parse_mode,
        "attachment_file_id": attachment_file_id,
        "attachment_kind": attachment_kind,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": when,
        "created_at": now,
    }
    rows: list[dict[str, Any]] = []
    inserted = 0
    for chat_id, text, markup in recipients:
        key = f"{dedup_prefix}:{chat_id}" if dedup_prefix is not None else None
        rows.append(
            {**base, "chat_id": chat_id, "text": text, "reply_markup": markup, "dedup_key": key}
        )
        if len(rows) >= INSERT_CHUNK:
            inserted += await _insert_rows(session, rows, dedup_prefix is not None)
            rows = []
    if rows:
        inserted += await _insert_rows(session, rows, dedup_prefix is not None)
    return inserted


async def _insert_rows(session: AsyncSession, rows: list[dict[str, Any]], dedup: bool) -> int:
    """Insert a chunk of outbox rows, skipping dedup-key conflicts; return rows inserted."""
    if not dedup:
        await session.execute(insert(OutboxMessage), rows)
        return len(rows)
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = ins(OutboxMessage).on_conflict_do_nothing(index_elements=["dedup_key"])
    result = await session.execute(stmt.returning(OutboxMessage.id), rows)
    return len(result.all())


def register_audience_resolver(kind: str, resolver: AudienceResolver) -> None:
    """Let another feature add an audience kind (e.g. ``plan``, ``survey_pending``)."""
    _RESOLVERS[kind] = resolver


def _reachable_linked() -> Any:
    """Select chat ids of linked bot users that are not known to be unreachable."""
    return (
        select(BotUser.telegram_id)
        .join(Employee, Employee.id == BotUser.employee_id)
        .where(BotUser.unreachable_at.is_(None), Employee.active.is_(True))
    )


async def resolve_audience(session: AsyncSession, spec: dict[str, Any]) -> list[int]:
    """Chat ids of the reachable recipients of ``spec``, sorted and without duplicates."""
    kind = spec.get("kind")
    stmt: Any
    if kind == "all":
        stmt = _reachable_linked()
    elif kind == "units":
        unit_ids = list(spec.get("unit_ids") or [])
        if not unit_ids:
            unit_ids = [u for u, _ in await resolve_units(session, spec.get("names") or [])]
        stmt = _reachable_linked().where(Employee.unit_id.in_(unit_ids))
    elif kind == "employees":
        stmt = _reachable_linked().where(Employee.id.in_(spec.get("employee_ids") or []))
    elif kind == "role" and spec.get("role") == "employee":
        stmt = _reachable_linked()
    elif kind == "role":
        stmt = (
            select(BotUser.telegram_id)
            .join(RoleGrant, RoleGrant.telegram_id == BotUser.telegram_id)
            .where(RoleGrant.role == spec.get("role"), BotUser.unreachable_at.is_(None))
        )
    elif isinstance(kind, str) and kind in _RESOLVERS:
        return sorted(set(await _RESOLVERS[kind](session, spec)))
    else:
        raise AudienceError("delivery.audience.unknown", value=str(kind))
    result = await session.execute(stmt)
    return sorted({int(chat_id) for chat_id in result.scalars()})


async def resolve_units(session: AsyncSession, names: Iterable[str]) -> list[tuple[int, str]]:
    """Fuzzy-pick one unit per typed name; raise AudienceError when one is unknown."""
    units = (await session.execute(select(Unit.id, Unit.name))).all()
    by_name = {name: uid for uid, name in units}
    picked: dict[int, str] = {}
    for name in names:
        chosen = pick_unit(name, list(by_name))
        picked[by_name[chosen]] = chosen
    return sorted(picked.items())


async def claim_batch(
    session: AsyncSession, worker_id: str, now: datetime, limit: int
) -> list[ClaimedRow]:
    """Atomically move up to ``limit`` due pending rows to ``claimed`` by ``worker_id``."""
    pick = (
        select(OutboxMessage.id)
        .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
    )
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    stmt = (
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(pick.scalar_subquery()), OutboxMessage.status == "pending")
        .values(status="claimed", claimed_by=worker_id, claimed_at=now)
        .returning(
            OutboxMessage.id,
            OutboxMessage.broadcast_id,
            OutboxMessage.chat_id,
            OutboxMessage.text,
            OutboxMessage.parse_mode,
            OutboxMessage.reply_markup,
            OutboxMessage.attachment_file_id,
            OutboxMessage.attachment_kind,
            OutboxMessage.attempts,
        )
        .execution_options(synchronize_session=False)
    )
    rows = [ClaimedRow(*row) for row in (await session.execute(stmt)).all()]
    rows.sort(key=lambda r: r.id)
    return rows


async def mark_in_flight(session: AsyncSession, ids: list[int], worker_id: str) -> set[int]:
    """Mark claimed rows ``sending`` (durably, before the HTTP call); return those marked."""
    if not ids:
        return set()
    table = cast(Table, OutboxMessage.__table__)
    stmt = (
        update(table)
        .where(
            table.c.id.in_(ids),
            table.c.status == "claimed",
            table.c.claimed_by == worker_id,
        )
        .values(status="sending", attempts=table.c.attempts + 1)
        .returning(table.c.id)
    )
    return set((await session.execute(stmt)).scalars())


_RESULT_COLUMNS = (
    "status",
    "error",
    "sent_at",
    "telegram_message_id",
    "next_attempt_at",
    "claimed_by",
    "claimed_at",
)


async def apply_results(session: AsyncSession, results: list[dict[str, Any]]) -> None:
    """Write send outcomes by primary key (dicts with id, status, error, ... all keys set)."""
    if not results:
        return
    table = cast(Table, OutboxMessage.__table__)
    stmt = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({name: bindparam(f"v_{name}") for name in _RESULT_COLUMNS})
    )
    params = [
        {"row_id": r["id"], **{f"v_{name}": r[name] for name in _RESULT_COLUMNS}} for r in results
    ]
    await session.execute(stmt, params)


async def release_rows(session: AsyncSession, ids: list[int], not_before: datetime) -> None:
    """Give claimed rows back (pending again, due at ``not_before``)."""
    if ids:
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids), OutboxMessage.status == "claimed")
            .values(status="pending", next_attempt_at=not_before, claimed_by=None, claimed_at=None)
            .execution_options(synchronize_session=False)
        )


async def mark_users_unreachable(session: AsyncSession, chat_ids: list[int], now: datetime) -> None:
    """Record that these chats blocked the bot or no longer exist."""
    if chat_ids:
        await session.execute(
            update(BotUser)
            .where(BotUser.telegram_id.in_(chat_ids), BotUser.unreachable_at.is_(None))
            .values(unreachable_at=now)
            .execution_options(synchronize_session=False)
        )


async def reclaim_stale(
    session: AsyncSession,
    worker_id: str,
    now: datetime,
    lease: timedelta,
    resend_uncertain: bool = False,
) -> tuple[int, int]:
    """Recover rows of a dead worker; return (claimed rows made pending, rows in flight).

    ``claimed`` rows were never handed to Telegram: they go back to pending. ``sending``
    rows may or may not have been delivered: they become ``uncertain`` (or pending when
    ``resend_uncertain``, accepting a possible duplicate).
    """
    stale = or_(OutboxMessage.claimed_by == worker_id, OutboxMessage.claimed_at < now - lease)
    claimed = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == "claimed", stale)
        .values(status="pending", claimed_by=None, claimed_at=None)
        .execution_options(synchronize_session=False)
    )
    values: dict[str, Any] = (
        {"status": "pending", "claimed_by": None, "claimed_at": None}
        if resend_uncertain
        else {"status": "uncertain", "error": "crash_in_flight"}
    )
    sending = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == "sending", stale)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return int(claimed.rowcount or 0), int(sending.rowcount or 0)  # type: ignore[attr-defined]


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
    session: AsyncSession, statuses: Iterable[str] | None = None, limit: int = 20
) -> list[Broadcast]:
    """Most recent broadcasts first, optionally only some statuses."""
    stmt = select(Broadcast).order_by(Broadcast.id.desc()).limit(limit)
    if statuses is not None:
        stmt = stmt.where(Broadcast.status.in_(list(statuses)))
    return list((await session.execute(stmt)).scalars())


async def cancel_broadcast(session: AsyncSession, broadcast_id: int, now: datetime) -> bool:
    """Cancel a broadcast that is not finished: its unsent rows and schedule entries too."""
    result = await session.execute(
        update(Broadcast)
        .where(
            Broadcast.id == broadcast_id,
            Broadcast.status.in_(("scheduled", "queued", "sending")),
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


async def next_due_time(session: AsyncSession) -> datetime | None:
    """The earliest ``next_attempt_at`` of pending rows (None when there are none)."""
    result = await session.execute(
        select(func.min(OutboxMessage.next_attempt_at)).where(OutboxMessage.status == "pending")
    )
    value = result.scalar()
    return value if isinstance(value, datetime) else None


async def materialize_broadcast(
    session: AsyncSession, broadcast_id: int, now: datetime, late: bool = False
) -> int:
    """Turn a scheduled/queued broadcast into outbox rows, resolving its audience now.

    Rows carry the dedup key ``b<id>:<chat>``, so running this twice inserts nothing new.
    Returns the number of rows inserted (0 when the broadcast is cancelled or finished).
    """
    broadcast = await session.get(Broadcast, broadcast_id, with_for_update=True)
    if broadcast is None or broadcast.status not in ("scheduled", "queued"):
        return 0
    chat_ids = await resolve_audience(session, broadcast.audience)
    inserted = await enqueue_messages(
        session,
        broadcast.id,
        ((chat_id, broadcast.text, None) for chat_id in chat_ids),
        dedup_prefix=f"b{broadcast.id}",
        parse_mode=broadcast.parse_mode,
        attachment_file_id=broadcast.attachment_file_id,
        attachment_kind=broadcast.attachment_kind,
    )
    broadcast.status = "queued"
    broadcast.late = broadcast.late or late
    if broadcast.scheduled_at is None:
        broadcast.scheduled_at = now
    return inserted


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
