"""Online backup of the SQLite database file (the running bot keeps writing meanwhile).

Uses SQLite's backup API (``sqlite3.Connection.backup``): a consistent copy page by page,
WAL included, without stopping the bot; the copy is checked with ``PRAGMA
integrity_check`` before it is reported done. PostgreSQL is backed up with ``pg_dump``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storage.db import sqlite_file

PAGES_PER_STEP = 1024  # copy in steps so the bot's writers are never blocked for long


class BackupError(Exception):
    """The backup could not be made; the message says why."""


def backup_sqlite(database_url: str, target: Path) -> int:
    """Copy the SQLite database of ``database_url`` to ``target``; return its size in bytes."""
    source = sqlite_file(database_url)
    if source is None:
        raise BackupError("not a SQLite database: back up PostgreSQL with pg_dump")
    if not source.exists():
        raise BackupError(f"{source} does not exist")
    if target.exists():
        raise BackupError(f"{target} exists already; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(source)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst, pages=PAGES_PER_STEP)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        check = dst.execute("PRAGMA integrity_check").fetchone()
    finally:
        dst.close()
        src.close()
    if not check or check[0] != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"integrity check of the copy failed: {check}")
    partial.rename(target)
    return target.stat().st_size
