"""Who is due for rotation: five years or more in the same position (Peraturan BKN 5/2019)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations.eligibility import months_between
from bot.config import Settings
from bot.rules.kinds import years_after
from storage.queries import rules as q


@dataclass(frozen=True)
class Due:
    """One employee due for rotation on the date asked."""

    employee_id: int
    nip: str
    name: str
    unit: str
    position: str
    since: date  # TMT in the position
    years: int
    months: int


async def rotation_due(
    session: AsyncSession, settings: Settings, on: date, limit: int | None = None
) -> list[Due]:
    """Active employees in their position for ``ROTATION_DUE_YEARS`` or more on ``on``."""
    cutoff = years_after(on, -settings.rotation_due_years)
    rows = await q.long_in_post(session, cutoff, limit)
    found = []
    for employee, unit in rows:
        assert employee.position_tmt is not None
        served = months_between(employee.position_tmt, on)
        found.append(Due(employee.id, employee.nip, employee.name, unit,
                         employee.position_title, employee.position_tmt, served // 12,
                         served % 12))  # fmt: skip
    return found
