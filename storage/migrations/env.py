"""Alembic environment: runs migrations with the async engine of the configured URL.

On PostgreSQL the upgrade first waits for the ``MIGRATIONS`` advisory lock (released when
its transaction ends), so instances starting together migrate once: the first runs the
revisions, the others then find the schema at head and run none. The revisions before and
after are left in ``config.attributes`` for :func:`storage.migrate.upgrade`.
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from storage.db import create_engine
from storage.locks import MIGRATIONS, lock_for_transaction
from storage.models import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    """Configure the context on a sync connection and run the migrations."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        lock_for_transaction(connection, MIGRATIONS)
        migration_context = context.get_context()
        context.config.attributes["from_revision"] = migration_context.get_current_revision()
        context.run_migrations()
        context.config.attributes["to_revision"] = migration_context.get_current_revision()


async def _run_async() -> None:
    """Open the async engine and run migrations inside it."""
    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url is not set"
    engine = create_engine(url)
    async with engine.connect() as connection:
        await connection.run_sync(_run)
        await connection.commit()
    await engine.dispose()


def run_migrations_online() -> None:
    """Entry point used by Alembic; works whether or not a loop is running in this thread."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    asyncio.run(_run_async())


run_migrations_online()
