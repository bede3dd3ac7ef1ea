"""Who may ask for a transfer: time in position, sanctions, study leave, freeze periods.

Not being eligible never blocks a submission: the reasons are shown to the employee and
the aspiration is flagged so HR sees it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from bot.i18n.dates import format_date


@dataclass(frozen=True)
class Problem:
    """One reason why an employee is not (yet) eligible; ``code`` selects an ``asp.problem``."""

    code: str
    params: dict[str, str | int | float] = field(default_factory=dict)


@dataclass(frozen=True)
class Eligibility:
    """The outcome of the check."""

    problems: tuple[Problem, ...]

    @property
    def eligible(self) -> bool:
        """True when nothing stands in the way."""
        return not self.problems

    @property
    def codes(self) -> list[str]:
        """The problem codes, in order."""
        return [p.code for p in self.problems]


def add_months(day: date, months: int) -> date:
    """``day`` moved forward by ``months`` calendar months (clamped to the month's end)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start`` to ``end`` (0 when end is before start)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def parse_iso_date(value: str) -> date | None:
    """An ISO date (``2026-06-01``) or None for an empty setting; ValueError otherwise."""
    value = (value or "").strip()
    return date.fromisoformat(value) if value else None


def check_eligibility(
    *,
    today: date,
    position_tmt: date | None,
    disciplinary_sanction: bool,
    study_leave: bool,
    min_years: float,
    freeze_from: str = "",
    freeze_until: str = "",
) -> Eligibility:
    """Check every rule and return all the reasons that apply (none = eligible)."""
    problems: list[Problem] = []
    min_months = round(min_years * 12)
    if position_tmt is None:
        problems.append(Problem("tmt_unknown"))
    elif min_months > 0:
        due = add_months(position_tmt, min_months)
        if today < due:
            served = months_between(position_tmt, today)
            problems.append(
                Problem(
                    "too_short",
                    {
                        "years": served // 12,  # numbers: the texts choose plural forms
                        "months": served % 12,
                        "tmt": format_date(position_tmt, None, "short"),
                        "min_years": int(min_years) if min_years == int(min_years) else min_years,
                        "due": format_date(due, None, "short"),
                    },
                )
            )
    if disciplinary_sanction:
        problems.append(Problem("sanction"))
    if study_leave:
        problems.append(Problem("study_leave"))
    start, end = parse_iso_date(freeze_from), parse_iso_date(freeze_until)
    if (start or end) and (start is None or start <= today) and (end is None or today <= end):
        problems.append(
            Problem(
                "freeze",
                {
                    "from": format_date(start, None, "short") if start else "-",
                    "until": format_date(end, None, "short") if end else "-",
                },
            )
        )
    return Eligibility(tuple(problems))


class _EmployeeFacts(Protocol):
    """The roster fields eligibility reads (an Employee row satisfies it)."""

    position_tmt: date | None
    disciplinary_sanction: bool
    study_leave: bool


class _EligibilitySettings(Protocol):
    """The configuration eligibility reads (bot.config.Settings satisfies it)."""

    min_years_in_position: float
    aspiration_freeze_from: str
    aspiration_freeze_until: str


def eligibility_of(
    employee: _EmployeeFacts, settings: _EligibilitySettings, today: date
) -> Eligibility:
    """:func:`check_eligibility` for a roster employee under the configured rules."""
    return check_eligibility(
        today=today,
        position_tmt=employee.position_tmt,
        disciplinary_sanction=employee.disciplinary_sanction,
        study_leave=employee.study_leave,
        min_years=settings.min_years_in_position,
        freeze_from=settings.aspiration_freeze_from,
        freeze_until=settings.aspiration_freeze_until,
    )


EligibilitySettings = _EligibilitySettings
