"""Transfer aspirations: windows (periode), one aspiration per employee per window, history.

Drafts are not stored here: they live in the conversation state until the employee sends.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class AspirationWindow(Base):
    """A period in which employees may submit aspirations, optionally limited to some units."""

    __tablename__ = "aspiration_windows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    unit_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Aspiration(Base):
    """An employee's transfer wish in one window, with its current status."""

    __tablename__ = "aspirations"
    __table_args__ = (UniqueConstraint("window_id", "employee_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str | None] = mapped_column(String(20), unique=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("aspiration_windows.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    preferences: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    reason_category: Mapped[str] = mapped_column(String(20))
    reason_text: Mapped[str] = mapped_column(Text, default="")
    willing_to_relocate: Mapped[bool] = mapped_column(Boolean, default=False)
    relocate_note: Mapped[str] = mapped_column(Text, default="")
    eligible: Mapped[bool] = mapped_column(Boolean, default=True)
    eligibility_problems: Mapped[list[str]] = mapped_column(JSON, default=list)
    hr_note: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AspirationHistory(Base):
    """One change of an aspiration: who, when, what (action, statuses), why (note)."""

    __tablename__ = "aspiration_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    aspiration_id: Mapped[int] = mapped_column(
        ForeignKey("aspirations.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(60))
    actor_telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
