"""``asn-bot aspirations``: open, close, extend, list and export aspiration windows."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from bot.aspirations.export import to_csv, to_xlsx
from bot.aspirations.windows import (
    DateInputError,
    WindowTimes,
    format_local,
    parse_local,
    state_of,
    validate_new_window,
)
from bot.cli.common import run_printing, settings_or_exit
from bot.texts import t
from bot.unit_search import NameIndex
from storage.models import AspirationWindow, utcnow
from storage.queries import aspirations as q
from storage.queries.audit import record

UNIT_MATCH = 85.0


def register(sub: Any) -> None:
    """Add ``aspirations open|close|extend|export|list``."""
    p = sub.add_parser("aspirations", help="transfer aspiration windows and export")
    asp = p.add_subparsers(dest="aspirations_command", required=True)
    o = asp.add_parser("open", help="open a window")
    o.add_argument("--name", required=True)
    o.add_argument("--until", required=True, help="last day, YYYY-MM-DD (local time)")
    o.add_argument("--from", dest="start", default=None, help="first day (default: now)")
    o.add_argument("--units", nargs="*", default=[], help="limit to these units (names/abbrev.)")
    o.set_defaults(func=cmd_open)
    asp.add_parser("close", help="close the open window").set_defaults(func=cmd_close)
    e = asp.add_parser("extend", help="move the end of the latest window")
    e.add_argument("--until", required=True)
    e.set_defaults(func=cmd_extend)
    x = asp.add_parser("export", help="export the latest window's aspirations")
    x.add_argument("--out", required=True, help="FILE.xlsx or FILE.csv")
    x.add_argument("--window", type=int, default=None, help="window id (default: latest)")
    x.set_defaults(func=cmd_export)
    asp.add_parser("list", help="list windows").set_defaults(func=cmd_list)


def cmd_open(args: argparse.Namespace) -> int:
    """Open a window from the shell."""
    settings = settings_or_exit()
    loc, tz, now = settings.default_locale, settings.tz, utcnow()
    try:
        start = parse_local(args.start, tz, end_of_day=False) if args.start else now
        end = parse_local(args.until, tz, end_of_day=True)
    except DateInputError as exc:
        print(t(loc, "asp.cli.bad_date", value=str(exc)))
        return 2
    error = validate_new_window(start, end, now)
    if error:
        print(t(loc, "asp.cli.bad_window", reason=t(loc, "aper.err", error=error)))
        return 2

    async def action(session: Any) -> tuple[int, list[str]]:
        pending = await q.pending_windows(session, now)
        if pending:
            return 1, [t(loc, "asp.cli.pending_exists", id=pending[0].id, name=pending[0].name)]
        units = await q.unit_choices(session)
        index = NameIndex([n for _i, n in units])
        ids = []
        for name in args.units:
            found = index.search(name, limit=1, cutoff=UNIT_MATCH)
            if not found:
                return 2, [t(loc, "asp.cli.unknown_unit", unit=name)]
            ids.append(units[found[0].index][0])
        window = await q.create_window(session, args.name, start, end, ids, "cli")
        await record(session, "cli", "aspiration_window.opened", "aspiration_window", window.id)
        return 0, [
            t(
                loc,
                "asp.cli.opened",
                id=window.id,
                name=window.name,
                start=format_local(start, tz, loc),
                end=format_local(end, tz, loc),
            )
        ]

    return run_printing(settings, action)


def cmd_close(args: argparse.Namespace) -> int:
    """Close the open (or scheduled) window."""
    settings = settings_or_exit()
    loc, now = settings.default_locale, utcnow()

    async def action(session: Any) -> tuple[int, list[str]]:
        pending = await q.pending_windows(session, now)
        if not pending:
            return 1, [t(loc, "asp.cli.no_window")]
        lines = []
        for window in pending:
            window.closed_at = now
            await record(session, "cli", "aspiration_window.closed", "aspiration_window", window.id)
            lines.append(t(loc, "asp.cli.closed", id=window.id, name=window.name))
        return 0, lines

    return run_printing(settings, action)


def cmd_extend(args: argparse.Namespace) -> int:
    """Move the end of the latest window (reopening it when its end had passed)."""
    settings = settings_or_exit()
    loc, tz, now = settings.default_locale, settings.tz, utcnow()
    try:
        end = parse_local(args.until, tz, end_of_day=True)
    except DateInputError as exc:
        print(t(loc, "asp.cli.bad_date", value=str(exc)))
        return 2

    async def action(session: Any) -> tuple[int, list[str]]:
        window = await q.latest_window(session)
        if window is None:
            return 1, [t(loc, "asp.cli.no_window")]
        error = validate_new_window(window.starts_at, end, now)
        if error:
            return 2, [t(loc, "asp.cli.bad_window", reason=t(loc, "aper.err", error=error))]
        old = window.ends_at
        window.ends_at, window.closed_at = end, None
        await record(
            session,
            "cli",
            "aspiration_window.extended",
            "aspiration_window",
            window.id,
            old_end=old.isoformat(),
            new_end=end.isoformat(),
        )
        return 0, [
            t(
                loc,
                "asp.cli.extended",
                id=window.id,
                name=window.name,
                end=format_local(end, tz, loc),
            )
        ]

    return run_printing(settings, action)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the window's aspirations to an XLSX or CSV file."""
    settings = settings_or_exit()
    loc, path = settings.default_locale, Path(args.out)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        print(t(loc, "asp.cli.bad_format"))
        return 2

    async def action(session: Any) -> tuple[int, list[str]]:
        window = (
            await session.get(AspirationWindow, args.window)
            if args.window
            else await q.latest_window(session)
        )
        if window is None:
            return 1, [t(loc, "asp.cli.no_window")]
        records = await q.export_records(session, window)
        writer = to_xlsx if path.suffix.lower() == ".xlsx" else to_csv
        await asyncio.to_thread(path.write_bytes, writer(records, settings.tz))
        await record(
            session,
            "cli",
            "aspiration.exported",
            "aspiration_window",
            window.id,
            format=path.suffix.lower().lstrip("."),
            rows=len(records),
        )
        return 0, [t(loc, "asp.cli.exported", rows=len(records), name=window.name, path=path)]

    return run_printing(settings, action)


def cmd_list(args: argparse.Namespace) -> int:
    """Print recent windows with their state and number of aspirations."""
    settings = settings_or_exit()
    loc, tz, now = settings.default_locale, settings.tz, utcnow()

    async def action(session: Any) -> tuple[int, list[str]]:
        windows = await q.list_windows(session, 20)
        if not windows:
            return 0, [t(loc, "asp.cli.no_window")]
        lines = []
        for w in windows:
            count = sum((await q.status_counts(session, w.id)).values())
            state = state_of(WindowTimes(w.starts_at, w.ends_at, w.closed_at), now)
            lines.append(
                t(
                    loc,
                    "asp.cli.list_line",
                    id=w.id,
                    name=w.name,
                    start=format_local(w.starts_at, tz, loc),
                    end=format_local(w.ends_at, tz, loc),
                    state=t(loc, "asp.window_state", state=state),
                    count=count,
                )
            )
        return 0, lines

    return run_printing(settings, action)
