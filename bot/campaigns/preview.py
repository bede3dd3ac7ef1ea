"""HR's texts as an employee will read them: filled in for a sample employee.

The sample is the employee of the latest proposed move (so HR sees real names, units and
positions), or a fictional one from the locale texts before there is any move. Filling is
``bot.delivery.template.render``, the same that sends the texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.template import render
from bot.texts import t
from storage.queries import campaigns as cq

SAMPLE_TMT_DAYS = 14  # the fictional sample's TMT: two weeks ahead


@dataclass(frozen=True)
class SampleEmployee:
    """Whom a preview is written for."""

    name: str
    new_unit: str
    new_position: str
    tmt: date

    def values(self) -> dict[str, str]:
        """The template values (``{nama}``, ``{unit_baru}``, ``{jabatan_baru}``, ``{tmt}``)."""
        return {
            "nama": self.name,
            "unit_baru": self.new_unit,
            "jabatan_baru": self.new_position,
            "tmt": self.tmt.strftime("%d-%m-%Y"),
        }


async def sample_employee(session: AsyncSession, today: date, locale: str) -> SampleEmployee:
    """The employee of the latest proposed move, else a fictional one."""
    latest = await cq.latest_move_sample(session)
    fictional = SampleEmployee(
        t(locale, "campaigns.sample_name"),
        t(locale, "campaigns.sample_unit"),
        t(locale, "campaigns.sample_position"),
        today + timedelta(days=SAMPLE_TMT_DAYS),
    )
    if latest is None:
        return fictional
    name, unit, position, tmt = latest
    return SampleEmployee(
        name,
        unit or fictional.new_unit,
        position or fictional.new_position,
        tmt or fictional.tmt,
    )


def preview(text: str, sample: SampleEmployee) -> str:
    """``text`` filled in for ``sample`` (what that employee would receive)."""
    return render(text, sample.values())
