"""Queries about one-time registration invite codes (stored as SHA-256 hashes only)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InviteCode


async def add_invite(
    session: AsyncSession, employee_id: int, code_hash: str, expires_at: datetime
) -> InviteCode:
    """Store a new invite for an employee."""
    invite = InviteCode(employee_id=employee_id, code_hash=code_hash, expires_at=expires_at)
    session.add(invite)
    await session.flush()
    return invite


async def get_invite_by_hash(session: AsyncSession, code_hash: str) -> InviteCode | None:
    """The invite with this hash, locked for update (PostgreSQL) so it is redeemed once."""
    result = await session.execute(
        select(InviteCode).where(InviteCode.code_hash == code_hash).with_for_update()
    )
    return result.scalar_one_or_none()
