"""Queries about aspiration windows: create, find the open, next and latest ones. Never commits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    AspirationWindow,
)


async def create_window(
    session: AsyncSession,
    name: str,
    starts_at: datetime,
    ends_at: datetime,
    unit_ids: list[int],
    created_by: str,
) -> AspirationWindow:
    """Insert a new window."""
    window = AspirationWindow(
        name=name,
        starts_at=starts_at,
        ends_at=ends_at,
        unit_ids=list(unit_ids),
        created_by=created_by,
    )
    session.add(window)
    await session.flush()
    return window


async def open_window(session: AsyncSession, now: datetime) -> AspirationWindow | None:
    """The window accepting submissions at ``now`` (the latest started one)."""
    result = await session.execute(
        select(AspirationWindow)
        .where(AspirationWindow.closed_at.is_(None))
        .where(AspirationWindow.starts_at <= now, AspirationWindow.ends_at > now)
        .order_by(AspirationWindow.starts_at.desc(), AspirationWindow.id.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def next_window(session: AsyncSession, now: datetime) -> AspirationWindow | None:
    """The next window that has not started yet."""
    result = await session.execute(
        select(AspirationWindow)
        .where(AspirationWindow.closed_at.is_(None), AspirationWindow.starts_at > now)
        .order_by(AspirationWindow.starts_at, AspirationWindow.id)
        .limit(1)
    )
    return result.scalar_one_or_none()


async def pending_windows(session: AsyncSession, now: datetime) -> list[AspirationWindow]:
    """Windows open now or still to come (not closed, end not passed)."""
    result = await session.execute(
        select(AspirationWindow)
        .where(AspirationWindow.closed_at.is_(None), AspirationWindow.ends_at > now)
        .order_by(AspirationWindow.starts_at)
    )
    return list(result.scalars())


async def latest_window(session: AsyncSession) -> AspirationWindow | None:
    """The most recently started window (open or not)."""
    result = await session.execute(
        select(AspirationWindow)
        .order_by(AspirationWindow.starts_at.desc(), AspirationWindow.id.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def list_windows(session: AsyncSession, limit: int = 10) -> list[AspirationWindow]:
    """Recent windows, newest first."""
    result = await session.execute(
        select(AspirationWindow)
        .order_by(AspirationWindow.starts_at.desc(), AspirationWindow.id.desc())
        .limit(limit)
    )
    return list(result.scalars())
