"""Mutation plans, their moves, employees' questions, and workload (ABK) figures."""

from __future__ import annotations

from datetime import date, datetime
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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class MutationPlan(Base):
    """A plan (rencana mutasi) grouping proposed moves; see bot.plans.status."""

    __tablename__ = "mutation_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    submitted_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PlanMove(Base):
    """One proposed move of one employee; ``version`` grows with every revision."""

    __tablename__ = "plan_moves"
    __table_args__ = (Index("ix_plan_moves_plan_status", "plan_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("mutation_plans.id", ondelete="CASCADE"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    from_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    from_position: Mapped[str] = mapped_column(String(200), default="")
    to_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    to_position: Mapped[str] = mapped_column(String(200), default="")
    to_agency: Mapped[str] = mapped_column(String(200), default="")  # a move out of the agency
    position_ref: Mapped[int | None] = mapped_column(ForeignKey("positions.id"), index=True)
    proposed_tmt: Mapped[date] = mapped_column()
    rationale: Mapped[str] = mapped_column(Text, default="")
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    version: Mapped[int] = mapped_column(Integer, default=1)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[int | None] = mapped_column(BigInteger)
    decided_at: Mapped[datetime | None] = mapped_column()
    consulted_at: Mapped[datetime | None] = mapped_column()
    deadline: Mapped[datetime | None] = mapped_column()
    overdue: Mapped[bool] = mapped_column(Boolean, default=False)
    answer: Mapped[str | None] = mapped_column(String(20))
    answer_category: Mapped[str] = mapped_column(String(20), default="")
    answer_text: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column()
    kept_reason: Mapped[str] = mapped_column(Text, default="")
    decree_number: Mapped[str] = mapped_column(String(100), default="")
    decree_tmt: Mapped[date | None] = mapped_column()
    freeze_approval_number: Mapped[str] = mapped_column(String(100), default="")
    freeze_approval_date: Mapped[date | None] = mapped_column()
    # The employee's aspiration behind the move, and which of its choices (1 = first).
    aspiration_id: Mapped[int | None] = mapped_column(
        ForeignKey("aspirations.id", ondelete="SET NULL"), index=True
    )
    aspiration_choice: Mapped[int | None] = mapped_column(Integer)
    # Who sent this version to the approvers (no one approves what they submitted).
    submitted_by: Mapped[int | None] = mapped_column(BigInteger)
    # A change after approval: the status the move returns to once approved again, and what
    # changed (before/after, HR's reason) for the approver's view; see bot.plans.service_return.
    resume_status: Mapped[str] = mapped_column(String(20), default="")
    change_summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class MoveQuestion(Base):
    """A question an employee asked BKPSDM about their move, and HR's answer."""

    __tablename__ = "move_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    move_id: Mapped[int] = mapped_column(
        ForeignKey("plan_moves.id", ondelete="CASCADE"), index=True
    )
    move_version: Mapped[int] = mapped_column(Integer, default=1)
    text: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[datetime] = mapped_column(default=utcnow)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[int | None] = mapped_column(BigInteger)
    answered_at: Mapped[datetime | None] = mapped_column()


class WorkloadFigure(Base):
    """Need (from ABK) and staff in post (bezetting) of one position in one unit."""

    __tablename__ = "workload_figures"
    __table_args__ = (UniqueConstraint("unit_name", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    unit_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200))
    need: Mapped[int] = mapped_column(Integer, default=0)
    staffed: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
