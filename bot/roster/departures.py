"""Departed employees: a full roster deactivates every active employee it does not list.

An inactive employee keeps their records (HR's history stays) but gets only a polite
notice from the bot, cannot be linked again, and is left out of every audience. Messages
already queued to their chat and not yet sent are cancelled here, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from storage.queries import employees as q
from storage.queries.outbox_rows import cancel_pending_to

CANCEL_REASON = "employee_inactive"


async def absent_employee_ids(session: AsyncSession, present_nips: Iterable[str]) -> list[int]:
    """Ids of the active employees whose NIP is not in ``present_nips``."""
    present = set(present_nips)
    active = await q.active_ids_by_nip(session)
    return sorted(employee_id for nip, employee_id in active.items() if nip not in present)


async def deactivate_absent(session: AsyncSession, present_nips: Iterable[str]) -> int:
    """Deactivate the active employees absent from a full roster; return how many."""
    absent = await absent_employee_ids(session, present_nips)
    if not absent:
        return 0
    await q.deactivate_employees(session, absent)
    chats = await q.chats_of_employees_without_role(session, absent)
    await cancel_pending_to(session, chats, CANCEL_REASON)
    return len(absent)
