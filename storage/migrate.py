"""Run Alembic migrations programmatically (``asn-bot db upgrade`` and bot start)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from storage.db import check_connection

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    """Build an Alembic config pointing at the packaged migrations and ``database_url``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(database_url: str, revision: str = "head") -> bool:
    """Bring the schema at ``database_url`` to ``revision`` (blocking); True when this call
    applied a revision, False when the schema already was there.

    The database is opened once first (a SQLite folder created), so that an unreachable
    server or an unknown database raises :class:`storage.db.DatabaseUnavailable`. On
    PostgreSQL the upgrade runs under an advisory lock (``storage.migrations.env``): of
    instances starting together one migrates, the others wait for it and apply nothing.
    """
    asyncio.run(check_connection(database_url))
    cfg = alembic_config(database_url)
    command.upgrade(cfg, revision)
    return cfg.attributes.get("from_revision") != cfg.attributes.get("to_revision")


async def upgrade_async(database_url: str, revision: str = "head") -> bool:
    """Run :func:`upgrade` in a worker thread so the event loop is not blocked."""
    return await asyncio.to_thread(upgrade, database_url, revision)


def head_revision() -> str:
    """The newest revision of the packaged migrations (the one a current schema is at)."""
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None, "the migrations have a head"
    return head
