"""Queries of the ``instances`` heartbeat and the ``periodic_runs`` ticks. Never commits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.cluster import Instance, PeriodicRun


@dataclass(frozen=True)
class InstanceRow:
    """One instance as ``asn-bot status`` shows it."""

    id: str
    host: str
    pid: int
    started_at: datetime
    heartbeat_at: datetime
    lease_until: datetime
    sending: bool


def _insert(session: AsyncSession) -> Callable[..., Any]:
    """The dialect's INSERT (for ON CONFLICT)."""
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


async def register_instance(
    session: AsyncSession, instance_id: str, host: str, pid: int, now: datetime, lease: timedelta
) -> None:
    """Add (or restart) this instance's row with a fresh lease."""
    values = {
        "host": host[:100], "pid": pid, "started_at": now, "heartbeat_at": now,
        "lease_until": now + lease, "stopped_at": None, "sending": False,
    }  # fmt: skip
    stmt = _insert(session)(Instance).values(id=instance_id, **values)
    await session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=values))


async def renew_lease(
    session: AsyncSession, instance_id: str, now: datetime, lease: timedelta, sending: bool
) -> None:
    """Heartbeat: extend the lease of a live instance and say whether it sends."""
    await session.execute(
        update(Instance)
        .where(Instance.id == instance_id)
        .values(heartbeat_at=now, lease_until=now + lease, sending=sending, stopped_at=None)
    )


async def clear_other_senders(session: AsyncSession, instance_id: str) -> None:
    """The new holder of the (exclusive) sender lock: no other instance sends any more."""
    await session.execute(
        update(Instance)
        .where(Instance.id != instance_id, Instance.sending.is_(True))
        .values(sending=False)
    )


async def stop_instance(session: AsyncSession, instance_id: str, now: datetime) -> None:
    """A graceful stop: the lease ends now and the instance no longer sends."""
    await session.execute(
        update(Instance)
        .where(Instance.id == instance_id)
        .values(lease_until=now, stopped_at=now, sending=False)
    )


def live_ids(now: datetime) -> Select[tuple[str]]:
    """A subquery of the ids of instances whose lease has not expired at ``now``."""
    return select(Instance.id).where(Instance.lease_until >= now, Instance.stopped_at.is_(None))


async def alive_instances(session: AsyncSession, now: datetime) -> list[InstanceRow]:
    """Instances whose lease runs at ``now``, the sender first."""
    result = await session.execute(
        select(
            Instance.id, Instance.host, Instance.pid, Instance.started_at,
            Instance.heartbeat_at, Instance.lease_until, Instance.sending,
        )
        .where(Instance.lease_until >= now, Instance.stopped_at.is_(None))
        .order_by(Instance.sending.desc(), Instance.started_at)
    )  # fmt: skip
    return [InstanceRow(*row) for row in result.all()]


async def claim_tick(
    session: AsyncSession, name: str, now: datetime, every: timedelta, owner: str
) -> bool:
    """Claim the tick of a repeating job due at ``now`` (compare-and-set); False when taken."""
    await session.execute(
        _insert(session)(PeriodicRun)
        .values(name=name, due_at=now, last_owner="")
        .on_conflict_do_nothing(index_elements=["name"])
    )
    result = await session.execute(
        update(PeriodicRun)
        .where(PeriodicRun.name == name, PeriodicRun.due_at <= now)
        .values(due_at=now + every, last_run_at=now, last_owner=owner[:60])
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
