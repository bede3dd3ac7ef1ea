"""Skill matching tables: open positions (formasi) and HR's own competence entries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, utcnow
from storage.models.people import Unit


class Position(Base):
    """An open position (formasi / jabatan lowong) with its requirements and quota."""

    __tablename__ = "positions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position_id: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    position_kind: Mapped[str] = mapped_column(String(20), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    required_skills: Mapped[str] = mapped_column(Text, default="")
    education_level: Mapped[str] = mapped_column(String(4), default="")
    education_fields: Mapped[str] = mapped_column(Text, default="")  # ";"-separated
    min_rank: Mapped[str] = mapped_column(String(6), default="")
    max_rank: Mapped[str] = mapped_column(String(6), default="")
    quota: Mapped[int] = mapped_column(Integer, default=1)
    main_duties: Mapped[str] = mapped_column(Text, default="")
    open: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    unit: Mapped[Unit | None] = relationship(lazy="raise")


class CustomCompetence(Base):
    """A competence HR added or extended (merged with the packaged dictionary)."""

    __tablename__ = "custom_competences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    variants: Mapped[list[CompetenceVariant]] = relationship(
        back_populates="competence", lazy="raise", cascade="all, delete-orphan"
    )


class CompetenceVariant(Base):
    """One way of writing a custom competence (abbreviation, English, colloquial)."""

    __tablename__ = "competence_variants"
    __table_args__ = (UniqueConstraint("competence_id", "text"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    competence_id: Mapped[int] = mapped_column(
        ForeignKey("custom_competences.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    competence: Mapped[CustomCompetence] = relationship(back_populates="variants", lazy="raise")
