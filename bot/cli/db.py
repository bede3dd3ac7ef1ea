"""``asn-bot db upgrade``: bring the database schema to the newest migration."""

from __future__ import annotations

import argparse

from bot.cli.common import settings_or_exit
from bot.texts import t
from storage.migrate import upgrade


def db_upgrade(args: argparse.Namespace) -> int:
    """Run Alembic upgrade on DATABASE_URL."""
    settings = settings_or_exit()
    upgrade(settings.database_url, args.revision)
    print(t(settings.default_locale, "cli.db.upgraded", revision=args.revision))
    return 0
