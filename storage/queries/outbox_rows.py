"""Outbox row queries: enqueue, claim, mark in flight, record results, recover. Never commits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, bindparam, func, insert, or_, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.base import utcnow
from storage.models.delivery import OutboxMessage
from storage.models.people import BotUser
from storage.queries.instances import live_ids

INSERT_CHUNK = 2000
_IN_CHUNK = 900  # values per IN list, below SQLite's bind-parameter limit
Recipient = tuple[int, str, dict[str, Any] | None]


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


# How far ahead an earlier waiting message of a chat still holds a new one back; a message
# scheduled further ahead is an appointment, not part of the chat's queue.
ORDER_HORIZON = timedelta(hours=1)


async def _after_earlier(session: AsyncSession, rows: list[dict[str, Any]], now: datetime) -> None:
    """Keep each chat's messages in order: a new row never falls due before an earlier
    pending row of its chat that waits (a retry, a send held back for the chat's pace,
    an undo delay), so the claim order (due time, then id) is the order of queueing."""
    result = await session.execute(
        select(OutboxMessage.chat_id, func.max(OutboxMessage.next_attempt_at))
        .where(
            OutboxMessage.status == "pending",
            OutboxMessage.next_attempt_at > now,
            OutboxMessage.next_attempt_at <= now + ORDER_HORIZON,
            OutboxMessage.chat_id.in_({row["chat_id"] for row in rows}),
        )
        .group_by(OutboxMessage.chat_id)
    )
    waits: dict[int, datetime] = {chat_id: due for chat_id, due in result.all()}
    for row in rows:
        wait = waits.get(row["chat_id"])
        if wait is not None and wait > row["next_attempt_at"]:
            row["next_attempt_at"] = wait


async def _insert_rows(session: AsyncSession, rows: list[dict[str, Any]], dedup: bool) -> int:
    """Insert a chunk of outbox rows, skipping dedup-key conflicts; return rows inserted."""
    await _after_earlier(session, rows, rows[0]["created_at"])
    if not dedup:
        await session.execute(insert(OutboxMessage), rows)
        return len(rows)
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = ins(OutboxMessage).on_conflict_do_nothing(index_elements=["dedup_key"])
    result = await session.execute(stmt.returning(OutboxMessage.id), rows)
    return len(result.all())


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


async def release_rows(
    session: AsyncSession, ids: list[int], not_before: datetime, worker_id: str
) -> None:
    """Give rows ``worker_id`` still has claimed back (pending again, due at ``not_before``)."""
    if ids:
        await session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id.in_(ids),
                OutboxMessage.status == "claimed",
                OutboxMessage.claimed_by == worker_id,
            )
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


def _owner_gone(now: datetime) -> ColumnElement[bool]:
    """Rows whose owner has no running lease at ``now`` (dead, stopped or never registered)."""
    return or_(OutboxMessage.claimed_by.is_(None), OutboxMessage.claimed_by.not_in(live_ids(now)))


async def reclaim_stale(
    session: AsyncSession,
    worker_id: str,
    now: datetime,
    *,
    own: bool = True,
    everyone: bool = False,
    resend_uncertain: bool = False,
) -> tuple[int, int]:
    """Take over the rows of dead owners; return (claimed rows made pending, rows in flight).

    A row's owner is dead when its instance lease (``instances.lease_until``, wall-clock
    ``now``) has expired; ``own`` adds the rows of a previous run with this same id, and
    ``everyone`` every open row (SQLite: one instance, so every claim is of a dead run).
    ``claimed`` rows were never handed to Telegram: they go back to pending. ``sending``
    rows may or may not have been delivered: they become ``uncertain`` (or pending when
    ``resend_uncertain``, accepting a possible duplicate).
    """
    stale: ColumnElement[bool] = _owner_gone(now)
    if everyone:
        stale = true()
    elif own:
        stale = or_(OutboxMessage.claimed_by == worker_id, stale)
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


async def take_back_claims(session: AsyncSession, worker_id: str) -> int:
    """Make pending the rows other instances claimed but never marked in flight.

    Called by the instance that has just become the one sender: the others may no longer
    send, and those that still live cannot mark a row in flight once it left ``claimed``
    by them (``mark_in_flight`` compares the owner), so nothing is sent twice.
    """
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == "claimed",
            or_(OutboxMessage.claimed_by.is_(None), OutboxMessage.claimed_by != worker_id),
        )
        .values(status="pending", claimed_by=None, claimed_at=None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def release_claims(session: AsyncSession, worker_id: str, not_before: datetime) -> int:
    """Give back every row ``worker_id`` claimed and did not mark in flight (graceful stop)."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == "claimed", OutboxMessage.claimed_by == worker_id)
        .values(status="pending", next_attempt_at=not_before, claimed_by=None, claimed_at=None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def next_due_time(session: AsyncSession) -> datetime | None:
    """The earliest ``next_attempt_at`` of pending rows (None when there are none)."""
    result = await session.execute(
        select(func.min(OutboxMessage.next_attempt_at)).where(OutboxMessage.status == "pending")
    )
    value = result.scalar()
    return value if isinstance(value, datetime) else None


async def cancel_pending_to(session: AsyncSession, chat_ids: list[int], reason: str) -> int:
    """Cancel the not yet claimed rows to these chats; return how many were cancelled."""
    cancelled = 0
    for start in range(0, len(chat_ids), _IN_CHUNK):
        result = await session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.chat_id.in_(chat_ids[start : start + _IN_CHUNK]),
                OutboxMessage.status == "pending",
            )
            .values(status="cancelled", error=reason)
            .execution_options(synchronize_session=False)
        )
        cancelled += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return cancelled


async def cancel_pending(session: AsyncSession, dedup_key: str) -> str | None:
    """Cancel the row queued under ``dedup_key`` while it is still pending.

    Returns ``"cancelled"``, the row's status when it already left pending (being sent or
    sent), or None when no row has that key.
    """
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.dedup_key == dedup_key, OutboxMessage.status == "pending")
        .values(status="cancelled")
        .execution_options(synchronize_session=False)
    )
    if result.rowcount:  # type: ignore[attr-defined]
        return "cancelled"
    status = await session.scalar(
        select(OutboxMessage.status).where(OutboxMessage.dedup_key == dedup_key)
    )
    return str(status) if status is not None else None


async def open_due_count(session: AsyncSession, now: datetime) -> int:
    """Rows the worker still has to send now: due pending, claimed or in flight."""
    due = (OutboxMessage.status == "pending") & (OutboxMessage.next_attempt_at <= now)
    result = await session.execute(
        select(func.count())
        .select_from(OutboxMessage)
        .where(due | OutboxMessage.status.in_(("claimed", "sending")))
    )
    return int(result.scalar() or 0)
