"""``asn-bot freeze add|list|remove`` and ``asn-bot rules rotation-due``.

The same services as HR's /periode_larangan and /rotasi (``bot.rules.periods`` and
``bot.rules.rotation``), audited with the actor ``cli``.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from bot.cli.common import run_printing, settings_or_exit
from bot.plans.dates import fmt_date
from bot.rules import periods, rotation
from bot.texts import t

CLI_ACTOR = None  # audited as "cli"


def _day(value: str, locale: str) -> date | None:
    """A YYYY-MM-DD argument, or None after saying it is not one."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        print(t(locale, "rules.cli_bad_date", value=value))
        return None


def cmd_freeze_add(args: argparse.Namespace) -> int:
    """Store a freeze period."""
    settings = settings_or_exit()
    loc = settings.default_locale
    start, end = _day(args.start, loc), _day(args.until, loc)
    if start is None or end is None:
        return 2

    async def action(session: Any) -> tuple[int, list[str]]:
        """Add the period in one transaction."""
        added = await periods.add_period(session, CLI_ACTOR, args.name, start, end)
        if added.error:
            return 2, [t(loc, "rules.cli_freeze_bad_order")]
        return 0, [t(loc, "rules.cli_freeze_added", id=added.period_id)]

    return run_printing(settings, action)


def cmd_freeze_list(_args: argparse.Namespace) -> int:
    """Print the freeze periods (or the configuration's fallback)."""
    settings = settings_or_exit()
    loc = settings.default_locale

    async def action(session: Any) -> tuple[int, list[str]]:
        """Read the periods."""
        listed = await periods.listed_periods(session, settings)
        lines = [
            t(loc, "rules.cli_freeze_line", id=item.period_id or "-",
              **periods.period_params(item.period))
            for item in listed
        ]  # fmt: skip
        return 0, lines or [t(loc, "rules.freeze_none")]

    return run_printing(settings, action)


def cmd_freeze_remove(args: argparse.Namespace) -> int:
    """Remove a stored freeze period."""
    settings = settings_or_exit()
    loc = settings.default_locale

    async def action(session: Any) -> tuple[int, list[str]]:
        """Remove it in one transaction."""
        if await periods.remove_period(session, CLI_ACTOR, args.id):
            return 0, [t(loc, "rules.cli_freeze_removed", id=args.id)]
        return 1, [t(loc, "rules.cli_freeze_unknown", id=args.id)]

    return run_printing(settings, action)


def cmd_rotation_due(args: argparse.Namespace) -> int:
    """Print everyone due for rotation on the date (today by default), longest first."""
    settings = settings_or_exit()
    loc = settings.default_locale
    on = _day(args.on, loc) if args.on else datetime.now(settings.tz).date()
    if on is None:
        return 2

    async def action(session: Any) -> tuple[int, list[str]]:
        """Read the list."""
        due = await rotation.rotation_due(session, settings, on)
        title = t(loc, "rules.cli_rotation_title", date=fmt_date(on),
                  years=settings.rotation_due_years, count=len(due))  # fmt: skip
        return 0, [title] + [
            t(loc, "rules.cli_rotation_line", nip=d.nip, name=d.name, position=d.position,
              unit=d.unit, since=fmt_date(d.since), years=d.years, months=d.months)
            for d in due
        ]  # fmt: skip

    return run_printing(settings, action)
