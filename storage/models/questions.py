"""General questions to BKPSDM (outside a move) and the FAQ shown before asking.

A FAQ entry holds a question and an answer in Indonesian, English or both (a language is
shown only when both its texts are filled). A general question is the employee's typed
text, its due date (the response-time target in working days) and HR's answer.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class FaqEntry(Base):
    """One FAQ entry, edited by HR in chat."""

    __tablename__ = "faq_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[str] = mapped_column(String(200), default="")
    answer_id: Mapped[str] = mapped_column(Text, default="")
    question_en: Mapped[str] = mapped_column(String(200), default="")
    answer_en: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class GeneralQuestion(Base):
    """An employee's question outside a move, waiting for (or with) HR's answer."""

    __tablename__ = "general_questions"
    __table_args__ = (Index("ix_general_questions_open", "answered_at", "due_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_on: Mapped[date] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[int | None] = mapped_column(BigInteger)
    answered_at: Mapped[datetime | None] = mapped_column()
