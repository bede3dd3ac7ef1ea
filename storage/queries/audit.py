"""The append-only audit trail: who did what, when and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry


def actor_of(telegram_id: int | None) -> str:
    """The audit actor string for a Telegram user (or the CLI when None)."""
    return f"tg:{telegram_id}" if telegram_id is not None else "cli"


async def record(
    session: AsyncSession,
    actor: str,
    action: str,
    entity: str,
    entity_id: object = "",
    **details: Any,
) -> AuditEntry:
    """Append one audit entry (never updated or deleted afterwards)."""
    entry = AuditEntry(
        actor=actor, action=action, entity=entity, entity_id=str(entity_id), details=details
    )
    session.add(entry)
    await session.flush()
    return entry


async def entries_for(
    session: AsyncSession, entity: str, entity_id: object | None = None, limit: int = 500
) -> Sequence[AuditEntry]:
    """Audit entries of one entity (or one kind of entity), oldest first."""
    stmt = select(AuditEntry).where(AuditEntry.entity == entity)
    if entity_id is not None:
        stmt = stmt.where(AuditEntry.entity_id == str(entity_id))
    result = await session.execute(stmt.order_by(AuditEntry.id).limit(limit))
    return result.scalars().all()
