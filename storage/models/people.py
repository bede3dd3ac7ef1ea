"""Roster and Telegram identity: units, employees, bot users, roles, invites, skills."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, utcnow


class Unit(Base):
    """An agency or work unit (OPD / unit kerja)."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Employee(Base):
    """One row of HR's roster (pegawai); NIP is the natural key."""

    __tablename__ = "employees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    position_title: Mapped[str] = mapped_column(String(200), default="")
    position_kind: Mapped[str] = mapped_column(String(20), default="")
    rank: Mapped[str] = mapped_column(String(6), default="")
    education_level: Mapped[str] = mapped_column(String(4), default="")
    education_major: Mapped[str] = mapped_column(String(200), default="")
    position_tmt: Mapped[date | None] = mapped_column()
    disciplinary_sanction: Mapped[bool] = mapped_column(Boolean, default=False)
    study_leave: Mapped[bool] = mapped_column(Boolean, default=False)
    sanction_level: Mapped[str] = mapped_column(String(10), default="")  # ringan|sedang|berat
    sanction_until: Mapped[date | None] = mapped_column()
    under_examination: Mapped[bool] = mapped_column(Boolean, default=False)
    study_leave_until: Mapped[date | None] = mapped_column()
    service_bond_until: Mapped[date | None] = mapped_column()  # ikatan dinas
    skp_last_year: Mapped[str] = mapped_column(String(20), default="")
    skp_year_before: Mapped[str] = mapped_column(String(20), default="")
    roster_skills: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    unit: Mapped[Unit | None] = relationship(lazy="raise")


class BotUser(Base):
    """A Telegram user who talked to the bot, optionally linked to an employee."""

    __tablename__ = "bot_users"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), unique=True)
    locale: Mapped[str | None] = mapped_column(String(5))
    consent_at: Mapped[datetime | None] = mapped_column()
    linked_at: Mapped[datetime | None] = mapped_column()
    failed_link_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    unreachable_at: Mapped[datetime | None] = mapped_column()
    menu_roles: Mapped[str | None] = mapped_column(String(60))  # roles of the published menu
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RoleGrant(Base):
    """A privileged role (hr, approver) held by a Telegram user."""

    __tablename__ = "role_grants"
    __table_args__ = (UniqueConstraint("telegram_id", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, index=True)
    role: Mapped[str] = mapped_column(String(20))
    granted_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class InviteCode(Base):
    """A one-time registration code for an employee; only its hash is stored."""

    __tablename__ = "invite_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()
    used_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EmployeeSkill(Base):
    """A skill or certification the employee declared in the bot (self-declared)."""

    __tablename__ = "employee_skills"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "skill" | "certification"
    text: Mapped[str] = mapped_column(String(500))
    self_declared: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PositionHistory(Base):
    """A position the employee took (riwayat jabatan): written when a decreed move is carried
    out, with the unit, position and TMT before it."""

    __tablename__ = "position_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    move_id: Mapped[int | None] = mapped_column(ForeignKey("plan_moves.id", ondelete="SET NULL"))
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    position_kind: Mapped[str] = mapped_column(String(20), default="")
    tmt: Mapped[date | None] = mapped_column()
    previous_unit_name: Mapped[str] = mapped_column(String(200), default="")
    previous_position: Mapped[str] = mapped_column(String(200), default="")
    previous_tmt: Mapped[date | None] = mapped_column()
    decree_number: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
