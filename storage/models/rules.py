"""Tables of the move rules: election freeze periods and the rules HR or the PPK overrode."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class FreezePeriod(Base):
    """An election freeze period (UU 10/2016 pasal 71 and 162): no moves without approval."""

    __tablename__ = "freeze_periods"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[date] = mapped_column()
    ends_on: Mapped[date] = mapped_column()
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MoveRuleOverride(Base):
    """A blocking rule a move goes ahead despite, with the written reason and who gave it."""

    __tablename__ = "move_rule_overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    move_id: Mapped[int] = mapped_column(
        ForeignKey("plan_moves.id", ondelete="CASCADE"), index=True
    )
    move_version: Mapped[int] = mapped_column(Integer, default=1)
    rule: Mapped[str] = mapped_column(String(40))
    point: Mapped[str] = mapped_column(String(10))  # add | submit | approve | decree
    judged_on: Mapped[date] = mapped_column()
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
