"""``asn-bot status``: what an IT officer checks first, in the operator's language.

Reads the database only (never migrates it, so an outdated schema shows as such):
instances alive, outbox rows per status, the next scheduled items and the last send
error; ``--json`` prints the same for scripts and monitoring.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from bot.cli.common import run_async, settings_or_exit
from bot.config import Settings
from bot.i18n.dates import format_datetime
from bot.status import StatusReport, collect_status
from bot.texts import t
from storage.db import Database, check_connection
from storage.models.base import utcnow


async def read_status(settings: Settings) -> StatusReport:
    """The report, read in one transaction (DatabaseUnavailable when the database is not)."""
    await check_connection(settings.database_url)
    db = Database(settings.database_url)
    try:
        async with db.transaction() as session:
            return await collect_status(session, utcnow())
    finally:
        await db.dispose()


def status_lines(report: StatusReport, settings: Settings) -> list[str]:
    """The report as text lines in ``DEFAULT_LOCALE``."""
    loc, tz = settings.default_locale, settings.tz

    def when(value: Any) -> str:
        """A time as the operator reads it (short form, local zone)."""
        return format_datetime(value, loc, tz, "short") if value is not None else "-"

    lines = [t(loc, "cli.status.title", when=when(utcnow()))]
    if report.schema_current:
        lines.append(t(loc, "cli.status.schema_current", revision=report.schema_head))
    else:
        lines.append(
            t(loc, "cli.status.schema_outdated", revision=report.schema or "-",
              head=report.schema_head)
        )  # fmt: skip
    if report.instances:
        lines.append(t(loc, "cli.status.instances", count=len(report.instances)))
        lines += [
            t(
                loc,
                "cli.status.instance",
                name=i.name,
                when=when(i.last_seen),
                detail=i.detail,
                sending="yes" if i.sending else "no",
            )
            for i in report.instances
        ]
    else:
        lines.append(t(loc, "cli.status.instances_unknown"))
    lines.append(t(loc, "cli.status.outbox", **report.outbox))
    if report.upcoming:
        lines.append(t(loc, "cli.status.upcoming"))
        lines += [
            t(loc, "cli.status.upcoming_item", when=when(i.run_at), kind=i.kind, ref=i.ref_id)
            for i in report.upcoming
        ]
    else:
        lines.append(t(loc, "cli.status.upcoming_none"))
    error = report.last_error
    if error is None:
        lines.append(t(loc, "cli.status.last_error_none"))
    else:
        lines.append(
            t(loc, "cli.status.last_error", status=error.status, error=error.error or "-",
              when=when(error.at))
        )  # fmt: skip
    return lines


def status_json(report: StatusReport) -> dict[str, Any]:
    """The report as plain JSON values (times in ISO 8601, UTC)."""
    error = report.last_error
    return {
        "schema": report.schema,
        "schema_head": report.schema_head,
        "schema_current": report.schema_current,
        "instances": [
            {
                "name": i.name,
                "last_seen": i.last_seen.isoformat(),
                "detail": i.detail,
                "sending": i.sending,
            }
            for i in report.instances
        ],
        "outbox": report.outbox,
        "upcoming": [
            {"id": i.id, "kind": i.kind, "ref_id": i.ref_id, "run_at": i.run_at.isoformat()}
            for i in report.upcoming
        ],
        "last_error": None
        if error is None
        else {
            "status": error.status,
            "error": error.error,
            "at": error.at.isoformat() if error.at else None,
        },
    }


def status(args: argparse.Namespace) -> int:
    """Print the status; exit 1 when the schema is not at the newest migration."""
    settings = settings_or_exit()
    report = run_async(lambda: read_status(settings))
    if args.json:
        print(json.dumps(status_json(report), ensure_ascii=False, indent=2))
    else:
        print("\n".join(status_lines(report, settings)))
    return 0 if report.schema_current else 1
