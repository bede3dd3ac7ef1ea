"""Migrations: upgrade from empty works on each backend and matches the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from storage.db import Database
from storage.migrate import alembic_config
from storage.models import Base


def _diff(connection: Connection) -> list[object]:
    """Differences between the migrated schema and the models."""
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def _tables(connection: Connection) -> set[str]:
    """Table names in the database."""
    return set(inspect(connection).get_table_names())


async def test_upgrade_creates_every_table_and_matches_models(db: Database) -> None:
    """``db upgrade`` on an empty database gives exactly the models' schema."""
    async with db.engine.connect() as conn:
        tables = await conn.run_sync(_tables)
        diff = await conn.run_sync(_diff)
    assert set(Base.metadata.tables) <= tables
    assert diff == [], f"models and migrations differ: {diff}"


def test_single_head() -> None:
    """The migration history is linear (one head)."""
    script = ScriptDirectory.from_config(alembic_config("sqlite+aiosqlite:///:memory:"))
    assert len(script.get_heads()) == 1, script.get_heads()


async def test_sqlite_runs_in_wal_mode(db: Database) -> None:
    """SQLite files are opened in WAL mode."""
    if db.is_postgres:
        return
    from sqlalchemy import text

    async with db.engine.connect() as conn:
        mode = (await conn.execute(text("PRAGMA journal_mode"))).scalar_one()
    assert mode == "wal"
