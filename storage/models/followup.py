"""Follow-up cases: an employee asked BKPSDM to contact them about their placement.

A case is created only when the employee says yes to the separate question after an
anonymous survey. It names the employee and the survey round, and holds no answer data
and no link to the answers (which wait in ``survey_waiting_answers`` and are published in
shuffled batches); only the day it was opened is kept, never a time of day.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

CASE_STATUSES = ("open", "closed")


class FollowupCase(Base):
    """One named follow-up case: employee, survey round, owner (an HR officer), due date."""

    __tablename__ = "followup_cases"
    __table_args__ = (
        UniqueConstraint("employee_id", "round_id"),
        Index("ix_followup_cases_status_due", "status", "due_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="CASCADE"), index=True
    )
    round_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_rounds.id", ondelete="SET NULL")
    )
    created_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")
    owner_telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    closed_at: Mapped[datetime | None] = mapped_column()
    closing_note: Mapped[str] = mapped_column(Text, default="")
    closed_by: Mapped[int | None] = mapped_column(BigInteger)


class FollowupNote(Base):
    """An action HR noted on a case (a call, a meeting, what was agreed)."""

    __tablename__ = "followup_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("followup_cases.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    author: Mapped[int | None] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
