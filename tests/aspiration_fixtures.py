"""Rows and values shared by the aspiration service tests (a session, no Telegram)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.aspirations import draft as d
from storage.db import Database
from storage.models import Aspiration, AspirationHistory, AspirationWindow, Employee
from storage.models.delivery import OutboxMessage

NOW = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)
TZ = ZoneInfo("Asia/Jakarta")
EMP_TG, OTHER_TG, HR_TG = 7001, 7002, 7900


@dataclass(frozen=True)
class Rules:
    """The eligibility settings (bot.config.Settings has the same fields)."""

    min_years_in_position: float = 2.0
    aspiration_freeze_from: str = ""
    aspiration_freeze_until: str = ""


async def add_window(
    db: Database, *, start_days: float = -1, end_days: float = 10, unit_ids: list[int] | None = None
) -> int:
    """A window relative to NOW; returns its id."""
    async with db.transaction() as session:
        window = AspirationWindow(
            name="Periode Uji",
            starts_at=NOW + timedelta(days=start_days),
            ends_at=NOW + timedelta(days=end_days),
            unit_ids=unit_ids or [],
        )
        session.add(window)
        await session.flush()
        return window.id


def complete_draft(window_id: int, **changes: Any) -> d.Draft:
    """A draft with every answer given."""
    draft: d.Draft = {
        "window_id": window_id,
        "kind": "other_unit",
        "prefs": [{"unit": "Dinas Kesehatan", "unit_id": 1, "position": ""}],
        "reason_cat": "career",
        "reason_text": "Ingin berkembang.",
        "relocate": True,
        "relocate_note": "",
        "problems": [],
    }
    draft.update(changes)
    return draft


async def employee(db: Database, employee_id: int) -> Employee:
    """One employee row (detached, for passing to services)."""
    async with db.transaction() as session:
        row = await session.get(Employee, employee_id)
        assert row is not None
        return row


async def aspirations(db: Database) -> list[Aspiration]:
    """Every stored aspiration."""
    async with db.transaction() as session:
        return list((await session.execute(select(Aspiration).order_by(Aspiration.id))).scalars())


async def history_actions(db: Database) -> list[str]:
    """The history actions in order."""
    async with db.transaction() as session:
        rows = await session.execute(
            select(AspirationHistory.action).order_by(AspirationHistory.id)
        )
        return list(rows.scalars())


async def outbox(db: Database) -> list[OutboxMessage]:
    """Every queued outbox row."""
    async with db.transaction() as session:
        rows = await session.execute(select(OutboxMessage).order_by(OutboxMessage.id))
        return list(rows.scalars())
