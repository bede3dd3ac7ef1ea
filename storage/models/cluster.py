"""Tables of several bot instances on one database: who is alive, periodic jobs run once.

``instances`` holds one row per running bot process (its id is the owner written on the
outbox rows it claims). The row's ``lease_until`` is renewed while the process lives; the
outbox rows of an instance whose lease expired are taken over by the others. ``asn-bot
status`` reads it to list the instances alive and which one sends the outbox.

``periodic_runs`` holds the next due time of each repeating job (survey publishing, idle
conversations): an instance runs a tick only after moving ``due_at`` forward with a
compare-and-set, so a tick runs once however many instances poll.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class Instance(Base):
    """One bot process: host, pid, heartbeat and the lease its outbox claims hang on."""

    __tablename__ = "instances"

    id: Mapped[str] = mapped_column(String(60), primary_key=True)
    host: Mapped[str] = mapped_column(String(100), default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(default=utcnow)
    lease_until: Mapped[datetime] = mapped_column(default=utcnow)
    stopped_at: Mapped[datetime | None] = mapped_column()
    sending: Mapped[bool] = mapped_column(Boolean, default=False)  # holds the sender lease


class PeriodicRun(Base):
    """The next tick of one repeating job, claimed by compare-and-set."""

    __tablename__ = "periodic_runs"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    due_at: Mapped[datetime] = mapped_column()
    last_run_at: Mapped[datetime | None] = mapped_column()
    last_owner: Mapped[str] = mapped_column(String(60), default="")
