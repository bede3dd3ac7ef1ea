"""Election freeze periods (UU 10/2016 pasal 71 and 162), kept in the database.

HR lists, adds and removes them with /periode_larangan or ``asn-bot freeze``. While the
table is empty, the old settings ``ASPIRATION_FREEZE_FROM``/``ASPIRATION_FREEZE_UNTIL``
are read as a fallback period (shown as coming from the configuration); the first period
added in the database replaces them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations.eligibility import parse_iso_date
from bot.config import Settings
from bot.plans.dates import fmt_date
from bot.rules.model import FreezePeriod
from storage.queries import audit
from storage.queries import rules as q

NAME_MAX = 200
FALLBACK_NAME = "ASPIRATION_FREEZE_FROM/UNTIL"


@dataclass(frozen=True)
class Listed:
    """A period as HR sees it: ``period_id`` None for the configuration's fallback."""

    period_id: int | None
    period: FreezePeriod


@dataclass(frozen=True)
class Added:
    """A period added, or why not (``error``: ``order`` when it ends before it starts)."""

    period_id: int | None
    error: Literal["", "order"] = ""


def day_text(day: date) -> str:
    """A period's day as shown (``31-12-2026``), "-" for an open end of the fallback."""
    return "-" if day in (date.min, date.max) else fmt_date(day)


def period_params(period: FreezePeriod) -> dict[str, str]:
    """A period's name and days for its text."""
    return {"name": period.name, "start": day_text(period.starts_on),
            "end": day_text(period.ends_on)}  # fmt: skip


def fallback_period(settings: Settings) -> FreezePeriod | None:
    """The configuration's freeze window (open ends reach far), or None when not set."""
    start = parse_iso_date(settings.aspiration_freeze_from)
    end = parse_iso_date(settings.aspiration_freeze_until)
    if start is None and end is None:
        return None
    return FreezePeriod(start or date.min, end or date.max, FALLBACK_NAME)


async def listed_periods(session: AsyncSession, settings: Settings) -> list[Listed]:
    """The stored periods, or the configuration's fallback while none is stored."""
    rows = await q.freeze_periods(session)
    if rows:
        return [Listed(r.id, FreezePeriod(r.starts_on, r.ends_on, r.name)) for r in rows]
    fallback = fallback_period(settings)
    return [Listed(None, fallback)] if fallback else []


async def effective_periods(session: AsyncSession, settings: Settings) -> tuple[FreezePeriod, ...]:
    """The periods the freeze rule applies."""
    return tuple(item.period for item in await listed_periods(session, settings))


async def add_period(
    session: AsyncSession, actor_id: int | None, name: str, starts_on: date, ends_on: date
) -> Added:
    """Store a period (audited); refused when it ends before it starts."""
    if ends_on < starts_on:
        return Added(None, "order")
    period = await q.add_freeze_period(session, name[:NAME_MAX], starts_on, ends_on, actor_id)
    await audit.record(
        session, audit.actor_of(actor_id), "freeze.added", "freeze_period", period.id,
        name=period.name, starts_on=starts_on.isoformat(), ends_on=ends_on.isoformat(),
    )  # fmt: skip
    return Added(period.id)


async def remove_period(session: AsyncSession, actor_id: int | None, period_id: int) -> bool:
    """Delete a stored period (audited); False when there is no such period."""
    period = await q.delete_freeze_period(session, period_id)
    if period is None:
        return False
    await audit.record(
        session, audit.actor_of(actor_id), "freeze.removed", "freeze_period", period_id,
        name=period.name, starts_on=period.starts_on.isoformat(),
        ends_on=period.ends_on.isoformat(),
    )  # fmt: skip
    return True
