"""Delivery engine tables: broadcasts, the durable outbox and scheduled items.

Outbox row life cycle (``OutboxMessage.status``)::

    pending --claim--> claimed --mark in flight--> sending --Telegram accepted--> sent
       ^                  |                          |--> failed | unreachable | pending (retry)
       |___ reclaim ______|                          |__ crash --> uncertain (never resent)

A row is handed to Telegram only after it was durably marked ``sending``; a crash can
therefore never cause a silent duplicate: rows left in ``sending`` are reported
``uncertain`` on restart instead of being sent again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

BROADCAST_KINDS = ("broadcast", "campaign_step", "reminder", "survey_invite", "notice")
BROADCAST_STATUSES = ("scheduled", "queued", "sending", "done", "cancelled", "missed")
OUTBOX_STATUSES = (
    "pending",
    "claimed",
    "sending",
    "sent",
    "failed",
    "unreachable",
    "cancelled",
    "uncertain",
)
OUTBOX_OPEN = ("pending", "claimed", "sending")
SCHEDULE_STATUSES = ("pending", "fired", "cancelled", "missed", "failed")


class Broadcast(Base):
    """One send request to many recipients (announcement, campaign step, reminder ...)."""

    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="broadcast")
    title: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    parse_mode: Mapped[str | None] = mapped_column(String(20))
    attachment_file_id: Mapped[str | None] = mapped_column(String(300))
    attachment_kind: Mapped[str | None] = mapped_column(String(20))  # photo | document
    audience: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    scheduled_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    started_at: Mapped[datetime | None] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    status_reason: Mapped[str] = mapped_column(String(200), default="")
    progress_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    progress_message_id: Mapped[int | None] = mapped_column(BigInteger)


class OutboxMessage(Base):
    """One message to one chat; the unit of delivery, retry and accounting."""

    __tablename__ = "outbox_messages"
    __table_args__ = (
        Index("ix_outbox_messages_claim", "status", "next_attempt_at", "id"),
        Index("ix_outbox_messages_broadcast_status", "broadcast_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    broadcast_id: Mapped[int | None] = mapped_column(
        ForeignKey("broadcasts.id", ondelete="CASCADE")
    )
    chat_id: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    parse_mode: Mapped[str | None] = mapped_column(String(20))
    reply_markup: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    attachment_file_id: Mapped[str | None] = mapped_column(String(300))
    attachment_kind: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(String(60))
    claimed_at: Mapped[datetime | None] = mapped_column()
    sent_at: Mapped[datetime | None] = mapped_column()
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(String(300))
    dedup_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScheduledItem(Base):
    """Work due at a UTC time; the database copy is the scheduler's source of truth."""

    __tablename__ = "scheduled_items"
    __table_args__ = (
        Index("ix_scheduled_items_due", "status", "run_at"),
        Index("ix_scheduled_items_ref", "kind", "ref_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    ref_id: Mapped[int] = mapped_column(Integer)
    run_at: Mapped[datetime] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="pending")
    fired_at: Mapped[datetime | None] = mapped_column()
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
