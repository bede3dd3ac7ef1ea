"""The database engine and the one place that opens a session and transaction.

Handlers and jobs call :meth:`Database.transaction`; query helpers receive the session
and never commit. On SQLite the file is opened in WAL mode with foreign keys on.
"""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import event, make_url, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

# The session type the Telegram layer passes to domain services without touching SQL.
Session = AsyncSession
CONNECT_TIMEOUT = 10.0  # seconds to wait for PostgreSQL at start before saying it is unreachable


class DatabaseUnavailable(Exception):
    """The database cannot be opened; the message says where and why, without secrets."""


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    """Turn on WAL, foreign keys and a busy timeout for every new SQLite connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Create the async engine for ``url`` with the right per-dialect settings.

    SQL parameters are hidden from error messages so that a logged exception can never
    carry a NIP, a phone number or message text.
    """
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        # Every use ends in COMMIT or ROLLBACK (Database.transaction), so the pool's extra
        # rollback on check-in is a wasted round trip to the aiosqlite thread.
        kwargs.setdefault("pool_reset_on_return", None)
        # SQLite writes one transaction at a time and each connection is a thread that
        # competes for the GIL: a few connections serve more updates per second than many.
        kwargs.setdefault("pool_size", 3)
        kwargs.setdefault("max_overflow", 3)
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


class Database:
    """Holds the engine and session factory of one bot process."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = create_engine(url, **engine_kwargs)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_postgres(self) -> bool:
        """True when the backend is PostgreSQL."""
        return self.engine.dialect.name == "postgresql"

    @asynccontextmanager
    async def transaction(self, serialize_key: int | None = None) -> AsyncIterator[AsyncSession]:
        """Open a session and a transaction; commit on success, roll back on any error.

        ``serialize_key`` (a Telegram user id) takes a PostgreSQL transaction-level advisory
        lock so that several bot instances handle one user's updates one after another.
        """
        async with self.sessions() as session, session.begin():
            if serialize_key is not None and self.is_postgres:
                await session.execute(
                    text("SELECT pg_advisory_xact_lock(:k)"), {"k": int(serialize_key)}
                )
            yield session

    async def dispose(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases)."""
    if not url.startswith("sqlite"):
        return None
    return Path(make_url(url).database or "")


def ensure_sqlite_folder(url: str) -> None:
    """Create the folder of a SQLite file; DatabaseUnavailable when it cannot be made."""
    path = sqlite_file(url)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailable(
            f"cannot create the folder {path.parent} ({os_reason(exc)})"
        ) from exc


def os_reason(exc: OSError) -> str:
    """A short lower-case reason of an operating-system error."""
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "unknown host"
    if isinstance(exc, TimeoutError):
        return "timed out"
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def _server(url: str) -> str:
    """``host:port`` of a PostgreSQL URL (never the password)."""
    parsed = make_url(url)
    host = parsed.host or parsed.query.get("host") or "localhost"
    return f"{host}:{parsed.port or 5432}"


async def check_connection(url: str) -> None:
    """Open the database once (creating a SQLite folder); DatabaseUnavailable saying why not."""
    path = sqlite_file(url)
    if path is not None:
        ensure_sqlite_folder(url)
        try:
            sqlite3.connect(path).close()
        except sqlite3.Error as exc:
            raise DatabaseUnavailable(f"cannot open {path} ({exc})") from exc
        return
    engine = create_async_engine(url, connect_args={"timeout": CONNECT_TIMEOUT})
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except OSError as exc:
        raise DatabaseUnavailable(f"cannot connect to {_server(url)} ({os_reason(exc)})") from exc
    except (asyncpg.PostgresError, asyncpg.InterfaceError, DBAPIError) as exc:
        reason = exc.orig if isinstance(exc, DBAPIError) else exc
        raise DatabaseUnavailable(f"{reason} ({_server(url)})") from exc
    finally:
        await engine.dispose()
