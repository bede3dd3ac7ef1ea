"""``asn-bot aspirations``: open, close, extend, list and export aspiration windows.

The same workflows as HR's /periode and /rekap_aspirasi (``bot.aspirations.periods`` and
``bot.aspirations.review``), audited with the actor ``cli``.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any, Literal

from bot.aspirations import periods, review
from bot.aspirations.labels import WINDOW_ERROR_KEYS, WINDOW_STATE_KEYS
from bot.aspirations.periods import Extended, Invalid, PendingExists
from bot.aspirations.render import window_times
from bot.aspirations.windows import format_local, state_of, validate_new_window
from bot.cli.common import run_printing, settings_or_exit, typed_or_exit
from bot.texts import t
from storage.models import utcnow

CLI_ACTOR = None  # audited as "cli"


def cmd_open(args: argparse.Namespace) -> int:
    """Open a window from the shell."""
    settings = settings_or_exit()
    loc, tz, now = settings.default_locale, settings.tz, utcnow()
    start = max(typed_or_exit(args.start, settings).at(), now) if args.start else now
    end = typed_or_exit(args.until, settings).end()
    error = validate_new_window(start, end, now)
    if error:
        print(t(loc, "asp.cli.bad_window", reason=t(loc, WINDOW_ERROR_KEYS[error])))
        return 2

    async def action(session: Any) -> tuple[int, list[str]]:
        """Open the window in one transaction."""
        pending = await periods.pending(session, now)
        if pending is not None:
            return 1, [t(loc, "asp.cli.pending_exists", id=pending.id, name=pending.name)]
        match = await periods.resolve_units(session, list(args.units))
        if match.unknown:
            return 2, [t(loc, "asp.cli.unknown_unit", unit=match.unknown[0])]
        result = await periods.open_window(
            session, now, CLI_ACTOR, args.name, start, end, match.ids
        )
        if isinstance(result, Invalid):
            return 2, [t(loc, "asp.cli.bad_window", reason=t(loc, WINDOW_ERROR_KEYS[result.error]))]
        if isinstance(result, PendingExists):
            pending = result.window
            return 1, [t(loc, "asp.cli.pending_exists", id=pending.id, name=pending.name)]
        w, first, last = (
            result.window,
            format_local(start, tz, loc),
            format_local(end, tz, loc, end=True),
        )
        return 0, [t(loc, "asp.cli.opened", id=w.id, name=w.name, start=first, end=last)]

    return run_printing(settings, action)


def cmd_close(args: argparse.Namespace) -> int:
    """Close the open (or scheduled) window."""
    settings = settings_or_exit()
    loc, now = settings.default_locale, utcnow()

    async def action(session: Any) -> tuple[int, list[str]]:
        """Close every pending window."""
        closed = await periods.close_pending(session, now, CLI_ACTOR)
        if not closed:
            return 1, [t(loc, "asp.cli.no_window")]
        return 0, [t(loc, "asp.cli.closed", id=w.id, name=w.name) for w in closed]

    return run_printing(settings, action)


def cmd_extend(args: argparse.Namespace) -> int:
    """Move the end of the latest window (reopening it when its end had passed)."""
    settings = settings_or_exit()
    loc, tz, now = settings.default_locale, settings.tz, utcnow()
    end = typed_or_exit(args.until, settings).end()

    async def action(session: Any) -> tuple[int, list[str]]:
        """Extend the latest window."""
        result = await periods.extend(session, now, CLI_ACTOR, None, end)
        if isinstance(result, Invalid):
            return 2, [t(loc, "asp.cli.bad_window", reason=t(loc, WINDOW_ERROR_KEYS[result.error]))]
        if not isinstance(result, Extended):
            return 1, [t(loc, "asp.cli.no_window")]
        w = result.window
        return 0, [
            t(
                loc,
                "asp.cli.extended",
                id=w.id,
                name=w.name,
                end=format_local(end, tz, loc, end=True),
            )
        ]

    return run_printing(settings, action)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the window's aspirations to an XLSX or CSV file."""

    settings = settings_or_exit()
    loc, path = settings.default_locale, Path(args.out)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        print(t(loc, "asp.cli.bad_format"))
        return 2
    fmt: Literal["xlsx", "csv"] = "xlsx" if suffix == ".xlsx" else "csv"

    async def action(session: Any) -> tuple[int, list[str]]:
        """Export the window and write the file."""
        window = await periods.window_or_latest(session, args.window)
        if window is None:
            return 1, [t(loc, "asp.cli.no_window")]
        exported = await review.export(session, CLI_ACTOR, window, fmt, settings.tz)
        await asyncio.to_thread(path.write_bytes, exported.data)
        rows, name = exported.rows, exported.window_name
        return 0, [t(loc, "asp.cli.exported", rows=rows, name=name, path=path)]

    return run_printing(settings, action)


def cmd_list(args: argparse.Namespace) -> int:
    """Print recent windows with their state and number of aspirations."""
    settings = settings_or_exit()
    loc, tz, now = settings.default_locale, settings.tz, utcnow()

    async def action(session: Any) -> tuple[int, list[str]]:
        """List the windows."""
        windows = await periods.listing(session, 20)
        if not windows:
            return 0, [t(loc, "asp.cli.no_window")]
        lines = []
        for w, count in windows:
            state = WINDOW_STATE_KEYS[state_of(window_times(w), now)]
            lines.append(
                t(
                    loc,
                    "asp.cli.list_line",
                    id=w.id,
                    name=w.name,
                    start=format_local(w.starts_at, tz, loc),
                    end=format_local(w.ends_at, tz, loc, end=True),
                    state=t(loc, state),
                    count=count,
                )
            )
        return 0, lines

    return run_printing(settings, action)
