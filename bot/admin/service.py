"""HR administration workflows: grant and revoke roles, create registration invites.

Used by the chat (``/undangan``) and the ``asn-bot admin`` / ``asn-bot invite`` commands
alike: each takes the session, ``now`` where time matters, the acting Telegram user id
(``None`` for the command line; it names the actor in the audit trail) and plain values,
and returns what happened.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.registration.invites import create_invite
from bot.roster.validation import RosterError, parse_nip
from storage.queries import audit, conversation, users
from storage.queries.employees import get_employee_by_nip

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


InviteResult = InviteCreated | BadNip | UnknownNip


async def invite_employee(
    session: AsyncSession,
    now: datetime,
    actor_id: int | None,
    nip_text: str,
    ttl: timedelta,
    today: date,
) -> InviteResult:
    """Create a one-time registration code for the employee with this NIP, audited."""
    try:
        nip = parse_nip(nip_text, reference_date=today).nip
    except RosterError as exc:
        return BadNip(exc)
    employee = await get_employee_by_nip(session, nip)
    if employee is None:
        return UnknownNip()
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
