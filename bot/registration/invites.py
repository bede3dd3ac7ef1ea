"""One-time invite codes that link a Telegram account to a roster employee.

HR creates a code for an employee (``asn-bot invite NIP``) and sends the deep link
``https://t.me/<bot>?start=<code>``. Only the SHA-256 hash of the code is stored; the
code itself is shown once. Redeeming marks the code used and links the BotUser.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Employee
from storage.queries import invites as q
from storage.queries.employees import get_employee
from storage.queries.users import get_or_create_user, get_user_by_employee

INVITE_REASONS = ("unknown", "expired", "used", "already_linked")
# Telegram deep-link payloads: up to 64 characters of A-Z, a-z, 0-9, _ and -.
_CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_CODE_BYTES = 18  # 24 url-safe characters


class InviteError(Exception):
    """Redeeming failed; ``reason`` is one of :data:`INVITE_REASONS`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def hash_code(code: str) -> str:
    """The hex SHA-256 of an invite code, as stored in the database."""
    return hashlib.sha256(code.strip().encode("utf-8")).hexdigest()


def invite_link(bot_username: str, code: str) -> str | None:
    """The t.me deep link for ``code``, or None when the bot username is not configured."""
    username = bot_username.strip().lstrip("@")
    if not username:
        return None
    return f"https://t.me/{username}?start={code}"


async def create_invite(
    session: AsyncSession, employee: Employee, ttl: timedelta, *, now: datetime
) -> str:
    """Create a random one-time code for ``employee``; returns the plain code (shown once)."""
    code = secrets.token_urlsafe(_CODE_BYTES)
    expires_at = now + ttl
    await q.add_invite(session, employee.id, hash_code(code), expires_at)
    return code


def pending_invite(code: str) -> str:
    """What may be kept of a deep-link code until consent: its hash ("" when malformed)."""
    code = code.strip()
    return hash_code(code) if _CODE_RE.match(code) else ""


async def redeem_invite(
    session: AsyncSession, code: str, telegram_id: int, now: datetime
) -> Employee:
    """Link ``telegram_id`` to the invite's employee; raise InviteError when not possible."""
    return await redeem_invite_hash(session, pending_invite(code), telegram_id, now)


async def redeem_invite_hash(
    session: AsyncSession, code_hash: str, telegram_id: int, now: datetime
) -> Employee:
    """:func:`redeem_invite` for a code kept only as its hash (see :func:`pending_invite`)."""
    if not code_hash:
        raise InviteError("unknown")
    invite = await q.get_invite_by_hash(session, code_hash)
    if invite is None:
        raise InviteError("unknown")
    if invite.used_at is not None:
        raise InviteError("used")
    if invite.expires_at <= now:
        raise InviteError("expired")
    employee = await get_employee(session, invite.employee_id)
    if employee is None or not employee.active:
        raise InviteError("unknown")
    user = await get_or_create_user(session, telegram_id)
    holder = await get_user_by_employee(session, employee.id)
    if user.employee_id is not None or holder is not None:
        raise InviteError("already_linked")
    user.employee_id = employee.id
    user.linked_at = now
    user.failed_link_attempts = 0
    invite.used_at = now
    invite.used_by = telegram_id
    await session.flush()
    return employee
