"""One status change of an aspiration: compare-and-set, history, audit, employee notice.

Used by the employee workflows (withdraw) and HR's decisions alike. The notice to the
employee is an outbox row in the same transaction (sent after commit, paced, once), never a
direct send: an employee who blocked the bot does not turn the officer's update into an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations import render
from bot.aspirations.rules import transition
from bot.delivery.outbox import cancel_queued, queue_message
from storage.models import Aspiration, AspirationHistory
from storage.queries import aspirations as q
from storage.queries import aspirations_changes as qc
from storage.queries import audit
from storage.queries.users import get_user_by_employee, user_of_active_employee


@dataclass(frozen=True)
class Changed:
    """The status change happened; ``entry`` is its history row."""

    entry: AspirationHistory


async def record(
    session: AsyncSession,
    now: datetime,
    actor_id: int | None,
    aspiration: Aspiration,
    action: str,
    from_status: str | None,
    note: str = "",
) -> AspirationHistory:
    """Append the history row and the audit entry of one change."""
    actor = audit.actor_of(actor_id)
    entry = await q.add_history(
        session,
        aspiration,
        actor=actor,
        actor_telegram_id=actor_id,
        action=action,
        from_status=from_status,
        note=note,
        at=now,
    )
    await audit.record(
        session,
        actor,
        f"aspiration.{action}",
        "aspiration",
        aspiration.id,
        from_status=from_status,
        to_status=aspiration.status,
        note=note,
    )
    return entry


async def apply(
    session: AsyncSession,
    now: datetime,
    actor_id: int | None,
    aspiration: Aspiration,
    action: str,
    note: str = "",
) -> Changed | None:
    """Apply ``action`` if the status still allows it (compare-and-set); None when stale.

    On a lost race ``aspiration`` is refreshed, so the caller can show its current status.
    """
    old = aspiration.status
    new = transition(action, old)
    changed = await qc.set_status(
        session, aspiration.id, old, new, now, hr_note=note if note else None
    )
    if not changed:
        await session.refresh(aspiration)
        return None
    entry = await record(session, now, actor_id, aspiration, action, old, note)
    return Changed(entry)


async def notify_employee(
    session: AsyncSession,
    now: datetime,
    actor_id: int | None,
    aspiration: Aspiration,
    change: Changed,
    default_locale: str,
    delay: timedelta = timedelta(0),
) -> bool:
    """Queue the status notice for the employee (in their language); False if not queued."""
    user = await user_of_active_employee(session, aspiration.employee_id)
    if user is None or user.telegram_id == actor_id:
        return False
    entry = change.entry
    message = render.notice(
        user.locale or default_locale,
        aspiration.reference or "-",
        aspiration.status,
        entry.action,
        entry.note,
    )
    key = notice_key(aspiration.id, entry.id)
    return await queue_message(session, user.telegram_id, message, key, not_before=now + delay)


def notice_key(aspiration_id: int, entry_id: int) -> str:
    """The outbox dedup key of the notice about history entry ``entry_id``."""
    return f"aspiration-notice:{aspiration_id}:{entry_id}"


async def take_back(
    session: AsyncSession,
    now: datetime,
    actor_id: int | None,
    aspiration: Aspiration,
    entry: AspirationHistory,
) -> bool:
    """Return the aspiration to its status before ``entry`` and cancel the entry's notice.

    False (nothing changed) when the status moved on or the notice is already on its way.
    """
    decided, before = aspiration.status, entry.from_status
    if before is None or not await qc.set_status(session, aspiration.id, decided, before, now):
        return False
    user = await get_user_by_employee(session, aspiration.employee_id)
    if user is not None:
        key = notice_key(aspiration.id, entry.id)
        outcome = await cancel_queued(session, user.telegram_id, key)
        if outcome not in (None, "cancelled"):  # claimed or sent: put the decision back
            await qc.set_status(session, aspiration.id, before, decided, now)
            await session.refresh(aspiration)
            return False
    await session.refresh(aspiration)
    await record(session, now, actor_id, aspiration, "undo", decided)
    return True
