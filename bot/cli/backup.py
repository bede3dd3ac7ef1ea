"""``asn-bot backup FILE``: an online copy of the SQLite database (PostgreSQL: pg_dump)."""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import settings_or_exit
from bot.texts import t
from storage.backup import BackupError, backup_sqlite


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the running bot's SQLite database to ``args.file``, checked; 1 when it fails."""
    settings = settings_or_exit()
    locale = settings.default_locale
    if not settings.is_sqlite:
        print(t(locale, "cli.backup.postgres"), file=sys.stderr)
        return 2
    try:
        size = backup_sqlite(settings.database_url, args.file)
    except BackupError as exc:
        print(t(locale, "cli.backup.failed", reason=str(exc)), file=sys.stderr)
        return 1
    print(t(locale, "cli.backup.done", file=str(args.file), kib=max(1, size // 1024)))
    return 0
