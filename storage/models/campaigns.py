"""Socialization campaigns: templates of message series relative to a move's TMT.

A template has steps (``offset_days`` from the TMT, a local send time, a text per
language). When a move is decreed its employee gets an enrollment, and every step an
instance row; each pending instance is one ``ScheduledItem`` of kind ``campaign_step``
whose ``ref_id`` is the instance id.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

INSTANCE_STATUSES = ("pending", "queued", "skipped", "cancelled", "missed", "not_linked")


class CampaignTemplate(Base):
    """A named series of steps; the default one is used for decreed moves."""

    __tablename__ = "campaign_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CampaignStep(Base):
    """One message of a template, sent ``offset_days`` after (negative: before) the TMT."""

    __tablename__ = "campaign_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("campaign_templates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    offset_days: Mapped[int] = mapped_column(Integer)
    send_time: Mapped[str] = mapped_column(String(5), default="08:00")  # local HH:MM
    text_id: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class CampaignEnrollment(Base):
    """The campaign of one decreed move (one per move)."""

    __tablename__ = "campaign_enrollments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    move_id: Mapped[int] = mapped_column(Integer, unique=True)
    plan_id: Mapped[int] = mapped_column(Integer)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    template_id: Mapped[int] = mapped_column(ForeignKey("campaign_templates.id"))
    effective_date: Mapped[date] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="active")  # active | cancelled
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CampaignStepInstance(Base):
    """One step of one enrollment: when it is due and what became of it."""

    __tablename__ = "campaign_step_instances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(
        ForeignKey("campaign_enrollments.id", ondelete="CASCADE"), index=True
    )
    step_id: Mapped[int] = mapped_column(ForeignKey("campaign_steps.id", ondelete="CASCADE"))
    run_at: Mapped[datetime] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="pending")
    reason: Mapped[str] = mapped_column(String(200), default="")
    broadcast_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
