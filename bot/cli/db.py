"""``asn-bot db upgrade``: bring the database schema to the newest migration."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.common import settings_or_exit
from bot.texts import t
from storage.migrate import upgrade


def register(sub: Any) -> None:
    """Add the ``db`` subcommands."""
    parser = sub.add_parser("db", help="database schema")
    db_sub = parser.add_subparsers(dest="db_command", required=True)
    up = db_sub.add_parser("upgrade", help="migrate the schema to head")
    up.add_argument("--revision", default="head")
    up.set_defaults(func=db_upgrade)


def db_upgrade(args: argparse.Namespace) -> int:
    """Run Alembic upgrade on DATABASE_URL."""
    settings = settings_or_exit()
    upgrade(settings.database_url, args.revision)
    print(t(settings.default_locale, "cli.db.upgraded", revision=args.revision))
    return 0
