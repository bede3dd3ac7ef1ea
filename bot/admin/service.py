"""HR administration workflows: roles, registration invites, unlinking an account.

Used by the chat (``/undangan``, ``/putus``) and the ``asn-bot admin`` / ``invite`` /
``unlink`` commands alike: each takes the session, ``now`` where time matters, the acting
Telegram user id (``None`` for the command line; it names the actor in the audit trail)
and plain values, and returns what happened.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import queue_message
from bot.messages import OutgoingMessage
from bot.privacy import mask_nip
from bot.registration.invites import create_invite
from bot.roster.validation import RosterError, parse_nip
from bot.texts import t
from storage.models import Employee
from storage.queries import audit, conversation, users
from storage.queries.employees import get_employee_by_nip
from storage.queries.matching import unit_name
from storage.queries.outbox_rows import cancel_pending_to

ENV_ACTOR = "env"  # granted_by of the roles that ADMIN_TELEGRAM_IDS grants


@dataclass(frozen=True)
class InviteCreated:
    """A one-time code for ``name`` (shown once), valid until ``expires_at`` (UTC)."""

    name: str
    code: str
    expires_at: datetime


@dataclass(frozen=True)
class BadNip:
    """The typed NIP is not valid; ``error`` says why."""

    error: RosterError


@dataclass(frozen=True)
class UnknownNip:
    """No roster employee has this NIP."""


@dataclass(frozen=True)
class InactiveNip:
    """The employee left the roster (inactive): no invite, no link."""


InviteResult = InviteCreated | BadNip | UnknownNip | InactiveNip


async def _employee_by_nip(
    session: AsyncSession, nip_text: str, today: date
) -> Employee | BadNip | UnknownNip:
    """The roster employee of a typed NIP, or why there is none."""
    try:
        nip = parse_nip(nip_text, reference_date=today).nip
    except RosterError as exc:
        return BadNip(exc)
    employee = await get_employee_by_nip(session, nip)
    return UnknownNip() if employee is None else employee


async def invite_employee(
    session: AsyncSession,
    now: datetime,
    actor_id: int | None,
    nip_text: str,
    ttl: timedelta,
    today: date,
) -> InviteResult:
    """Create a one-time registration code for the employee with this NIP, audited."""
    employee = await _employee_by_nip(session, nip_text, today)
    if isinstance(employee, BadNip | UnknownNip):
        return employee
    if not employee.active:
        return InactiveNip()
    code = await create_invite(session, employee, ttl, now=now)
    await audit.record(session, audit.actor_of(actor_id), "invite.create", "employee", employee.id)
    return InviteCreated(employee.name, code, now + ttl)


async def grant_role(
    session: AsyncSession, actor_id: int | None, telegram_id: int, role: str
) -> bool:
    """Grant ``role`` to a Telegram user, audited; False when they already had it."""
    actor = audit.actor_of(actor_id)
    added = await users.grant_role(session, telegram_id, role, actor)
    if added:
        await audit.record(session, actor, "role.granted", "user", telegram_id, role=role)
    return added


async def revoke_role(
    session: AsyncSession, actor_id: int | None, telegram_id: int, role: str | None = None
) -> int:
    """Remove one role (all without ``role``), audited; returns how many were removed.

    The user's open conversation ends too: a step begun with the role cannot be finished.
    """
    removed = await users.revoke_role(session, telegram_id, role)
    if removed:
        await conversation.clear_state(session, telegram_id)
        await audit.record(
            session,
            audit.actor_of(actor_id),
            "role.revoked",
            "user",
            telegram_id,
            role=role or "all",
        )
    return removed


async def sync_env_admins(session: AsyncSession, admin_ids: Collection[int]) -> list[int]:
    """Make the HR grants from ``ADMIN_TELEGRAM_IDS`` match the environment exactly.

    Ids in the variable get the HR role; ids it granted before but that were removed from
    it lose that role (and their open conversation). Returns the ids that lost it.
    """
    for telegram_id in admin_ids:
        await users.grant_role(session, telegram_id, "hr", granted_by=ENV_ACTOR)
    removed = await users.env_grants_outside(session, ENV_ACTOR, admin_ids)
    for telegram_id in removed:
        await revoke_role(session, None, telegram_id, "hr")
    return removed


@dataclass(frozen=True)
class LinkedAccount:
    """The employee whose Telegram account /putus would unlink (NIP masked)."""

    employee_id: int
    name: str
    masked_nip: str
    unit: str


@dataclass(frozen=True)
class NotLinked:
    """No Telegram account is linked to this employee."""


AccountResult = LinkedAccount | BadNip | UnknownNip | NotLinked


async def linked_account(session: AsyncSession, nip_text: str, today: date) -> AccountResult:
    """The employee with this NIP and a linked Telegram account, shown before unlinking."""
    employee = await _employee_by_nip(session, nip_text, today)
    if isinstance(employee, BadNip | UnknownNip):
        return employee
    if await users.get_user_by_employee(session, employee.id) is None:
        return NotLinked()
    unit = await unit_name(session, employee.unit_id)
    return LinkedAccount(employee.id, employee.name, mask_nip(employee.nip), unit)


async def unlink_account(
    session: AsyncSession, now: datetime, actor_id: int | None, employee_id: int
) -> bool:
    """HR unlinks the employee's Telegram account, audited; False when none is linked (now).

    The account's conversation ends, its unsent messages are cancelled (they were meant
    for the employee) and any office role it held is revoked; the account is told once.
    The employee's records stay.
    """
    user = await users.detach_employee(session, employee_id)
    if user is None:
        return False
    await conversation.clear_state(session, user.telegram_id)
    await cancel_pending_to(session, [user.telegram_id], "account_unlinked")
    if await users.revoke_role(session, user.telegram_id):  # a departed officer keeps no role
        actor = audit.actor_of(actor_id)
        await audit.record(session, actor, "role.revoked", "user", user.telegram_id, role="all")
    notice = OutgoingMessage(t(user.locale, "admin.unlinked_notice"))
    key = f"unlinked{employee_id}:{int(now.timestamp())}"  # the chat id is appended
    await queue_message(session, user.telegram_id, notice, key, not_before=now)
    await audit.record(
        session, audit.actor_of(actor_id), "account.unlinked_by_hr", "employee", employee_id
    )
    return True


async def unlink_by_nip(
    session: AsyncSession, now: datetime, actor_id: int | None, nip_text: str, today: date
) -> AccountResult:
    """Find the NIP's linked account and unlink it at once (``asn-bot unlink NIP``)."""
    found = await linked_account(session, nip_text, today)
    if isinstance(found, LinkedAccount) and not await unlink_account(
        session, now, actor_id, found.employee_id
    ):
        return NotLinked()
    return found
