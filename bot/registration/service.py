"""Registration workflows: consent, linking by shared contact or invite code, lockout.

The handlers parse the update and render; these functions take the session, ``now``, the
user's row and plain values, write the account changes and audit rows, and return what
happened. Too many failed linking attempts lock the account for a while.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.registration.invites import InviteError, pending_invite, redeem_invite_hash
from bot.roster.phones import PhoneError, parse_indonesian_mobile
from storage.models import BotUser, Employee
from storage.queries import audit
from storage.queries.employees import find_unlinked_employees_by_phone

FLOW = "registration"
CONSENT_STEP, CONTACT_STEP = "consent", "contact"
INVITE_HASH = "invite_hash"  # the draft keeps a deep-link code until consent, hashed only

Refusal = Literal[
    "not_own_contact",
    "foreign_phone",
    "unknown_phone",
    "ambiguous_phone",
    "invite_unknown",
    "invite_expired",
    "invite_used",
    "invite_already_linked",
]
_INVITE_REFUSALS: dict[str, Refusal] = {
    "unknown": "invite_unknown",
    "expired": "invite_expired",
    "used": "invite_used",
    "already_linked": "invite_already_linked",
}


@dataclass(frozen=True)
class Linked:
    """The account is now linked to ``employee``."""

    employee: Employee


@dataclass(frozen=True)
class Refused:
    """Linking failed for ``reason``; ``locked_minutes`` is set when this locked the account."""

    reason: Refusal
    locked_minutes: int | None = None


LinkResult = Linked | Refused


def lock_minutes_left(user: BotUser, now: datetime) -> int | None:
    """Whole minutes (at least 1) the user stays locked out, or None when not locked."""
    until = user.locked_until
    if until is None or until <= now:
        return None
    return max(1, int((until - now).total_seconds() // 60) + 1)


async def record_consent(session: AsyncSession, now: datetime, user: BotUser) -> None:
    """Store the user's consent to the processing of their data (UU PDP) and audit it."""
    user.consent_at = now
    await audit.record(session, audit.actor_of(user.telegram_id), "consent.given", "user")


async def link_by_contact(
    session: AsyncSession,
    now: datetime,
    settings: Settings,
    user: BotUser,
    contact_user_id: int | None,
    phone_number: str,
) -> LinkResult:
    """Link the active roster row whose phone is the user's own shared contact.

    A contact always carries its country code: only Indonesian (+62) mobile numbers link.
    """
    if contact_user_id != user.telegram_id:
        return await _failed(session, now, settings, user, "not_own_contact")
    try:
        phone = parse_indonesian_mobile(phone_number, shared_contact=True)
    except PhoneError as exc:
        foreign = exc.problem == "foreign"
        return await _failed(
            session, now, settings, user, "foreign_phone" if foreign else "unknown_phone"
        )
    matches = await find_unlinked_employees_by_phone(session, phone)
    if len(matches) != 1:
        reason: Refusal = "ambiguous_phone" if matches else "unknown_phone"
        return await _failed(session, now, settings, user, reason)
    return await _link(session, now, user, matches[0], "contact")


async def link_by_invite(
    session: AsyncSession, now: datetime, settings: Settings, user: BotUser, code: str
) -> LinkResult:
    """Link the employee of a one-time invite code (from a /start deep link)."""
    return await link_by_invite_hash(session, now, settings, user, pending_invite(code))


async def link_by_invite_hash(
    session: AsyncSession, now: datetime, settings: Settings, user: BotUser, code_hash: str
) -> LinkResult:
    """:func:`link_by_invite` for a code kept until consent as its hash only."""
    try:
        employee = await redeem_invite_hash(session, code_hash, user.telegram_id, now)
    except InviteError as exc:
        return await _failed(session, now, settings, user, _INVITE_REFUSALS[exc.reason])
    return await _link(session, now, user, employee, "invite")


async def _link(
    session: AsyncSession, now: datetime, user: BotUser, employee: Employee, method: str
) -> Linked:
    """Link ``user`` to ``employee``, reset the failure count and audit it."""
    user.employee_id = employee.id
    user.linked_at = now
    user.failed_link_attempts = 0
    await session.flush()
    await audit.record(
        session,
        audit.actor_of(user.telegram_id),
        "account.linked",
        "employee",
        employee.id,
        method=method,
    )
    return Linked(employee)


async def _failed(
    session: AsyncSession, now: datetime, settings: Settings, user: BotUser, reason: Refusal
) -> Refused:
    """Count a failed attempt and lock the account after too many."""
    user.failed_link_attempts += 1
    await audit.record(
        session,
        audit.actor_of(user.telegram_id),
        "account.link_failed",
        "user",
        reason=reason,
    )
    if user.failed_link_attempts < settings.max_failed_link_attempts:
        return Refused(reason)
    user.locked_until = now + timedelta(minutes=settings.link_lockout_minutes)
    user.failed_link_attempts = 0
    return Refused(reason, settings.link_lockout_minutes)
