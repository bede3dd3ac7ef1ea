"""A small office with something to steal, for the authorization matrix and the fuzz test.

Linked employees each own an aspiration, a move in consultation (with a question to HR)
and a survey invitation; inactive employees are linked but left the roster; strangers
never registered. An open aspiration window, an open position, a scheduled broadcast and
an approver complete the world, so that a forged id (1, 2, ...) points at real rows of
*other* people. Names, NIPs and phones are unique strings, easy to look for in replies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.privacy import mask_nip, mask_phone
from storage.db import Database, Session
from storage.models import (
    Aspiration,
    AspirationWindow,
    Broadcast,
    MoveQuestion,
    MutationPlan,
    PlanMove,
    Position,
    Survey,
    SurveyParticipation,
    SurveyRound,
    Unit,
)
from storage.queries.users import grant_role
from tests.conftest import APPROVER_ID
from tests.factories import UNITS, add_employee

SURNAMES = ("Wirakusuma", "Tanjungsari", "Purbalingga", "Sastrodiharjo", "Kertanegara")


@dataclass(frozen=True)
class Person:
    """One employee of the world (with the strings that must never reach anyone else)."""

    telegram_id: int
    employee_id: int
    nip: str
    name: str
    phone: str  # as stored: 62…

    def secrets(self) -> tuple[str, ...]:
        """Every form of this person's name, NIP and phone a reply might carry."""
        local = "0" + self.phone[2:]
        return (
            self.name,
            self.nip,
            mask_nip(self.nip),
            self.phone,
            "+" + self.phone,
            local,
            mask_phone(self.phone),
            mask_phone(local),
        )


@dataclass
class World:
    """Who is who in the seeded office."""

    linked: list[Person] = field(default_factory=list)
    inactive: list[Person] = field(default_factory=list)
    strangers: list[int] = field(default_factory=list)

    @property
    def people(self) -> list[Person]:
        """Every employee with a Telegram account."""
        return [*self.linked, *self.inactive]

    def secrets_except(self, telegram_id: int) -> dict[str, str]:
        """``{secret string: owner name}`` of everyone but ``telegram_id``."""
        return {s: p.name for p in self.people if p.telegram_id != telegram_id for s in p.secrets()}


def _person_values(n: int, telegram_id: int) -> tuple[str, str, str]:
    """A unique (NIP, name, phone) for the ``n``-th employee."""
    nip = f"1985{1 + n % 12:02d}{1 + n % 28:02d}2010{1 + n % 12:02d}1{n:03d}"
    name = f"Ratna{n:03d} {SURNAMES[n % len(SURNAMES)]}"
    phone = f"62813{telegram_id:08d}"[:13]
    return nip, name, phone


async def _units(session: Session) -> list[Unit]:
    """The world's units and one open position."""
    units = [Unit(name=name) for name in UNITS]
    session.add_all(units)
    await session.flush()
    session.add(
        Position(
            position_id="F-001",
            title="Pranata Komputer Ahli Muda",
            unit_id=units[1].id,
            unit_name=units[1].name,
            quota=3,
            main_duties="Mengelola jaringan",
            min_rank="III/a",
            max_rank="III/d",
        )
    )
    return units


@dataclass(frozen=True)
class Shared:
    """The rows everyone's holdings hang off: units, a window, a plan, a survey round."""

    units: list[Unit]
    window_id: int
    plan_id: int
    round_id: int


async def _shared(session: Session, units: list[Unit], now: datetime) -> Shared:
    """An open aspiration window, an active plan, an open survey round, a scheduled broadcast."""
    window = AspirationWindow(
        name="Periode Uji", starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=10)
    )
    plan = MutationPlan(name="Rencana Uji", status="active", created_by=0)
    survey = (await session.execute(select(Survey).order_by(Survey.id))).scalars().first()
    assert survey is not None, "the default survey is stored when the bot starts"
    rnd = SurveyRound(
        survey_id=survey.id, kind="manual", label="Uji", status="open",
        opens_at=now, closes_at=now + timedelta(days=7),
    )  # fmt: skip
    broadcast = Broadcast(
        text="Pengumuman uji", status="scheduled", created_by=0,
        scheduled_at=now + timedelta(days=1), audience={"kind": "all"},
    )  # fmt: skip
    session.add_all([window, plan, rnd, broadcast])
    await session.flush()
    return Shared(units, window.id, plan.id, rnd.id)


async def _holdings(
    session: Session, shared: Shared, n: int, person: Person, now: datetime
) -> None:
    """The person's aspiration, move in consultation with a question, and survey invitation."""
    units = shared.units
    prefs = [{"unit": units[1].name, "unit_id": units[1].id, "position": ""}]
    session.add(
        Aspiration(
            reference=f"ASP-2026-{n:06d}", window_id=shared.window_id,
            employee_id=person.employee_id, status="submitted", kind="other_unit",
            preferences=prefs, reason_category="career",
            reason_text=f"Alasan pribadi {person.name}", willing_to_relocate=True,
        )
    )  # fmt: skip
    move = PlanMove(
        plan_id=shared.plan_id, employee_id=person.employee_id, from_unit_id=units[0].id,
        to_unit_id=units[1].id, to_position="Pranata Komputer Ahli Muda",
        proposed_tmt=(now + timedelta(days=60)).date(), status="consultation",
        consulted_at=now, deadline=now + timedelta(days=7),
    )  # fmt: skip
    session.add(move)
    await session.flush()
    session.add(MoveQuestion(move_id=move.id, text=f"Pertanyaan {person.name}"))
    session.add(
        SurveyParticipation(
            round_id=shared.round_id, employee_id=person.employee_id, unit_id=units[0].id,
            status="invited", due_at=now, invited_at=now, closes_at=now + timedelta(days=7),
        )
    )  # fmt: skip


async def seed_world(
    db: Database, *, linked: list[int], inactive: list[int], strangers: list[int], now: datetime
) -> World:
    """Seed the office; ``linked``/``inactive``/``strangers`` are Telegram ids."""
    world = World(strangers=list(strangers))
    async with db.transaction() as session:
        units = await _units(session)
    for n, telegram_id in enumerate([*linked, *inactive]):
        nip, name, phone = _person_values(n, telegram_id)
        active = telegram_id in linked
        employee_id = await add_employee(
            db, nip=nip, name=name, phone=phone, unit=units[n % 3].name,
            telegram_id=telegram_id, active=active,
        )  # fmt: skip
        person = Person(telegram_id, employee_id, nip, name, phone)
        (world.linked if active else world.inactive).append(person)
    async with db.transaction() as session:
        shared = await _shared(session, units, now)
        for n, person in enumerate(world.people, start=1):
            await _holdings(session, shared, n, person, now)
        await grant_role(session, APPROVER_ID, "approver", granted_by="test")
    return world
