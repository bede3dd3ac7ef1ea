"""The operator's view of a running bot: instances, outbox, schedule, last error, schema.

:func:`collect_status` reads it in one transaction for ``asn-bot status``; ``/healthz``
uses :func:`schema_ok`. Instances are listed by :func:`list_instances` from their leases in
the ``instances`` table (``bot.services.instance_lease`` renews them while a process lives).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from sqlalchemy.ext.asyncio import AsyncSession

from storage.migrate import head_revision
from storage.queries import operations
from storage.queries.instances import alive_instances
from storage.queries.operations import LastError, UpcomingItem


@dataclass(frozen=True)
class InstanceInfo:
    """One running bot process: its id and when it was last seen alive."""

    name: str
    last_seen: datetime
    detail: str = ""  # "host pid N"
    sending: bool = False  # this instance holds the outbox sender lock


@dataclass
class StatusReport:
    """Everything ``asn-bot status`` prints."""

    schema: str | None
    schema_head: str
    instances: list[InstanceInfo] = field(default_factory=list)
    outbox: dict[str, int] = field(default_factory=dict)
    upcoming: list[UpcomingItem] = field(default_factory=list)
    last_error: LastError | None = None

    @property
    def schema_current(self) -> bool:
        """True when the database is at the newest migration."""
        return self.schema == self.schema_head


async def list_instances(session: AsyncSession, now: datetime) -> list[InstanceInfo]:
    """Bot instances whose lease runs at ``now``, the outbox sender first."""
    return [
        InstanceInfo(row.id, row.heartbeat_at, f"{row.host} pid {row.pid}", row.sending)
        for row in await alive_instances(session, now)
    ]


@cache
def schema_head() -> str:
    """The newest migration of this code (read once)."""
    return head_revision()


async def schema_ok(session: AsyncSession) -> bool:
    """True when the database answers and is at the newest migration of this code."""
    return await operations.schema_revision(session) == schema_head()


async def collect_status(session: AsyncSession, now: datetime, upcoming: int = 5) -> StatusReport:
    """Read the whole report in the caller's transaction."""
    return StatusReport(
        schema=await operations.schema_revision(session),
        schema_head=schema_head(),
        instances=await list_instances(session, now),
        outbox=await operations.outbox_counts(session),
        upcoming=await operations.upcoming_items(session, upcoming),
        last_error=await operations.last_error(session),
    )
