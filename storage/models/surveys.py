"""Survey tables: definitions, rounds, participations (who was invited) and responses.

Anonymity: ``survey_responses`` rows of an anonymous survey hold no employee id, no
Telegram id, no NIP and no timestamp; their primary key is random. They carry only the
survey, the round and the unit group. The separate ``survey_participations`` row (one per
person, round and move) stops double answering and keeps only the day of finishing.

An anonymous answer is first stored in ``survey_waiting_answers`` in the answering
transaction (durable, same columns, no person). A separate publishing job later moves the
waiting answers of a round and unit, at least ``SURVEY_MIN_GROUP`` at a time, into
``survey_responses`` in shuffled order, so no transaction id (PostgreSQL ``xmin``),
insertion order (SQLite ``rowid``) or timestamp links a response to a participation
(``bot.surveys.publishing``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

ROUND_STATUSES = ("scheduled", "open", "closed", "cancelled")
PARTICIPATION_STATUSES = ("scheduled", "invited", "started", "finished", "closed", "cancelled")
OPEN_PARTICIPATION = ("invited", "started")


class Survey(Base):
    """One survey definition (questions kept as validated JSON)."""

    __tablename__ = "surveys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    anonymous: Mapped[bool] = mapped_column(Boolean)
    trigger: Mapped[str] = mapped_column(String(10), default="manual")
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SurveyRound(Base):
    """A round of a survey: ``30``/``90`` days after TMT (move kind) or one HR sending."""

    __tablename__ = "survey_rounds"
    __table_args__ = (Index("ix_survey_rounds_survey_label", "survey_id", "kind", "label"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))  # move | manual
    label: Mapped[str] = mapped_column(String(60))
    audience: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    opens_at: Mapped[datetime | None] = mapped_column()
    closes_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SurveyParticipation(Base):
    """One person's invitation to one round (per move for move rounds) and its progress."""

    __tablename__ = "survey_participations"
    __table_args__ = (
        UniqueConstraint("round_id", "employee_id", "move_id"),
        Index("ix_survey_participations_status", "round_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_rounds.id", ondelete="CASCADE"))
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="CASCADE"), index=True
    )
    move_id: Mapped[int] = mapped_column(Integer, default=0)  # 0: not tied to a move
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    due_at: Mapped[datetime] = mapped_column()
    invited_at: Mapped[datetime | None] = mapped_column()
    closes_at: Mapped[datetime | None] = mapped_column()
    started: Mapped[bool] = mapped_column(Boolean, default=False)
    finished_on: Mapped[date | None] = mapped_column(Date)
    reminders_sent: Mapped[int] = mapped_column(Integer, default=0)
    draft: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class SurveyResponse(Base):
    """One submitted questionnaire; for anonymous surveys without any link to the person."""

    __tablename__ = "survey_responses"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random hex, no order
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_rounds.id", ondelete="CASCADE"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    employee_id: Mapped[int | None] = mapped_column(  # named surveys only
        ForeignKey("employees.id", ondelete="SET NULL")
    )
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)


class SurveyWaitingAnswer(Base):
    """An anonymous questionnaire waiting to be published (no person, no time, random key)."""

    __tablename__ = "survey_waiting_answers"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random hex, no order
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("survey_rounds.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
