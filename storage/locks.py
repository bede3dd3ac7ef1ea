"""PostgreSQL advisory locks shared by the instances of one bot.

Keys use the two-integer form ``(LOCK_SPACE, n)``, a key space apart from the one-integer
per-user locks of :meth:`storage.db.Database.transaction`, so they never collide with a
Telegram id. ``MIGRATIONS`` is taken (transaction level) around the Alembic upgrade, so
instances starting together migrate once; ``OUTBOX_SENDER`` is held (session level, on a
dedicated connection) by the one instance that sends the outbox.
"""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger(__name__)

LOCK_SPACE = 0x41534E  # "ASN"
MIGRATIONS = 1
OUTBOX_SENDER = 2
# The server notices a silent client (host down, cable cut) within about 5 + 2 x 3 s and
# ends its session, which releases its session locks.
KEEPALIVE = {"tcp_keepalives_idle": 5, "tcp_keepalives_interval": 2, "tcp_keepalives_count": 3}


def lock_for_transaction(connection: Connection, key: int) -> None:
    """Wait for the transaction-level advisory lock ``key`` (released at commit/rollback)."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": LOCK_SPACE, "key": key}
        )


class SessionLock:
    """A session-level advisory lock held on a dedicated connection of ``engine``.

    Whoever holds it keeps it while its connection lives: a process that dies (even by
    SIGKILL) loses its connection and so the lock, and another instance's next
    :meth:`try_acquire` succeeds.
    """

    def __init__(self, engine: AsyncEngine, key: int) -> None:
        self.engine = engine
        self.key = key
        self.held = False
        self._conn: AsyncConnection | None = None

    async def try_acquire(self) -> bool:
        """Take the lock if free (never waits); True when this instance now holds it."""
        if self.held:
            return True
        conn = await self._connection()
        got = await conn.scalar(
            text("SELECT pg_try_advisory_lock(:space, :key)"),
            {"space": LOCK_SPACE, "key": self.key},
        )
        self.held = bool(got)
        return self.held

    async def check(self) -> bool:
        """Still held? False (and the connection dropped) when the connection broke."""
        if not self.held or self._conn is None:
            return False
        try:
            await self._conn.execute(text("SELECT 1"))
        except Exception as exc:  # the session is gone, and the lock with it
            log.warning("lost the database session holding lock %d: %s", self.key, exc)
            self.abandon()
            return False
        return True

    async def release(self) -> None:
        """Unlock and close the connection (graceful stop)."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if self.held:
                await conn.execute(
                    text("SELECT pg_advisory_unlock(:space, :key)"),
                    {"space": LOCK_SPACE, "key": self.key},
                )
        finally:
            self.held = False
            await conn.close()

    def abandon(self) -> None:
        """Drop the connection at once without unlocking, as a crash would (tests, errors)."""
        conn, self._conn, self.held = self._conn, None, False
        if conn is None:
            return
        if conn.sync_connection is not None:
            conn.sync_connection.invalidate()  # asyncpg: terminate the socket, no round trip

    async def _connection(self) -> AsyncConnection:
        """The dedicated autocommit connection, opened (with keepalives) on first use."""
        if self._conn is None:
            conn = await self.engine.connect()
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            for name, value in KEEPALIVE.items():
                await conn.execute(text(f"SET {name} = {int(value)}"))
            self._conn = conn
        return self._conn
