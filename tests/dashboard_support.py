"""Shared pieces of the dashboard tests: a running bot with its dashboard, signed launch data,
and aspirations submitted through the same service the chat uses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from sqlalchemy import select

from bot.app import dashboard_of
from bot.aspirations import submission
from bot.dashboard import initdata
from bot.delivery.compose import ANNOUNCEMENT_KIND
from bot.harness import BotHarness, running_bot
from bot.plans.service import Destination, create_plan
from bot.plans.service_moves import save_move
from bot.surveys import service as surveys
from bot.surveys.catalog import upsert_survey
from bot.surveys.definition import parse_definition
from storage.models import AspirationWindow, Employee, Position, Unit, WorkloadFigure, utcnow
from storage.queries import surveys as sq
from storage.queries.broadcasts import create_broadcast
from storage.queries.users import grant_role
from tests.aspiration_fixtures import complete_draft
from tests.conftest import APPROVER_ID, HR_ID
from tests.factories import UNITS, add_employee
from tests.imports_support import run_import

EMP_ID = 6301  # a linked employee with an aspiration
OUTSIDER_ID = 6399  # a Telegram user the bot has never seen


@asynccontextmanager
async def dashboard_bot(db_url: str, **overrides: Any) -> AsyncIterator[BotHarness]:
    """The bot on the emulator with its dashboard on a free port of 127.0.0.1."""
    settings: dict[str, Any] = {
        "migrate": False, "database_url": db_url, "admin_telegram_ids": [HR_ID],
        "dashboard_enabled": True, "dashboard_port": 0,
    }  # fmt: skip
    settings.update(overrides)
    async with running_bot(**settings) as harness:
        async with harness.services.db.transaction() as session:
            await grant_role(session, APPROVER_ID, "approver", granted_by="test")
        yield harness


def base_url(harness: BotHarness) -> str:
    """``http://127.0.0.1:<port>/dasbor/`` of the running dashboard."""
    assert harness.app is not None
    server = dashboard_of(harness.app)
    assert server is not None and server.port
    return server.base_url


def signed(
    harness: BotHarness,
    user_id: int,
    *,
    at: datetime | None = None,
    token: str | None = None,
    language: str = "id",
) -> str:
    """Launch data for ``user_id`` signed with the bot's token (or ``token``) as Telegram does."""
    user = {"id": user_id, "first_name": "Uji", "language_code": language}
    when = at or harness.services.clock.now()
    return initdata.sign(token or harness.settings.telegram_bot_token, user, when)


def headers(init: str) -> dict[str, str]:
    """The Authorization header of the Mini App convention."""
    return {"Authorization": f"tma {init}"}


def page_link(harness: BotHarness, user_id: int) -> str:
    """The page with signed data in the fragment, as Telegram opens it."""
    return f"{base_url(harness)}#tgWebAppData={quote(signed(harness, user_id))}"


async def seed_aspirations(harness: BotHarness, extra: int = 2) -> list[int]:
    """An open window; the linked employee EMP_ID and ``extra`` others each submit one."""
    db = harness.services.db
    ids = [await add_employee(db, telegram_id=EMP_ID, unit=UNITS[2])]
    for n in range(extra):
        nip = f"1991010120150310{n + 10:02d}"
        unit = UNITS[n % 2]
        ids.append(await add_employee(db, nip=nip, name=f"Pegawai {n}", unit=unit,
                                      phone=f"62811000001{n:02d}"))  # fmt: skip
    now = utcnow()
    async with db.transaction() as session:
        window = AspirationWindow(
            name="Periode Uji", starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=10), unit_ids=[],
        )  # fmt: skip
        session.add(window)
        await session.flush()
        window_id = window.id
    for n, employee_id in enumerate(ids):
        async with db.transaction() as session:
            employee = await session.get(Employee, employee_id)
            assert employee is not None
            kind = "rotation" if n % 2 else "other_unit"
            result = await submission.submit(
                session, now, harness.settings.tz, EMP_ID + n, employee,
                complete_draft(window_id, kind=kind),
            )  # fmt: skip
            assert isinstance(result, submission.Submitted), result
    await harness.client.register_chats([EMP_ID])
    return ids


async def seed_plan(harness: BotHarness, employee_id: int) -> int:
    """Workload figures for every unit and a draft plan moving ``employee_id`` to UNITS[1]."""
    async with harness.services.db.transaction() as session:
        units = {u.name: u.id for u in (await session.execute(select(Unit))).scalars()}
        for n, (name, unit_id) in enumerate(sorted(units.items())):
            session.add(
                WorkloadFigure(unit_id=unit_id, unit_name=name, position="Pranata Komputer",
                               need=4, staffed=2 + n % 3)
            )  # fmt: skip
        plan = await create_plan(session, HR_ID, "Rencana Uji")
        dest = Destination(units[UNITS[1]], UNITS[1], "Pranata Komputer Ahli Pertama")
        tmt = harness.services.clock.now().date() + timedelta(days=60)
        saved = await save_move(
            session, harness.settings, HR_ID, plan.id, employee_id, dest, tmt,
            "Penguatan unit.", "Uji dasbor.", now=harness.services.clock.now(),
        )  # fmt: skip
        assert saved.outcome == "added", saved
        return plan.id


POST = "Pranata Komputer Ahli Pertama"
POSITIONS = (
    "position_id,title,unit,required_skills,education_level,education_fields,min_golongan,"
    "max_golongan,quota\n"
    f"P-TI1,{POST},{UNITS[1]},teknologi informasi; jaringan komputer,S1,"
    "Teknik Informatika,III/a,III/d,2\n"
)


@dataclass(frozen=True)
class CandidateWorld:
    """An open post, an employee who asked for it (1st choice, in post for one year only:
    a blocking rule), another candidate, and two Draf plans (``plans``: older, latest)."""

    position: int
    aspiring: int
    other: int
    plans: tuple[int, int]


async def seed_candidates(harness: BotHarness) -> CandidateWorld:
    """The Kandidat page's world (see ``CandidateWorld``)."""
    db, now = harness.services.db, utcnow()
    await run_import(db, "positions", POSITIONS.encode(), "positions.csv")
    recent = now.date() - timedelta(days=365)
    aspiring = await add_employee(
        db, nip="199105052015032001", name="Rina Wulandari", phone="6281277775001",
        rank="III/b", position_tmt=recent,
    )  # fmt: skip
    other = await add_employee(
        db, nip="199202022016031002", name="Budi Santoso", phone="6281277775002", rank="III/b"
    )
    async with db.transaction() as session:
        position = (await session.execute(select(Position))).scalar_one()
        unit_id = position.unit_id
        window = AspirationWindow(name="Periode Uji", starts_at=now - timedelta(days=1),
                                  ends_at=now + timedelta(days=10), unit_ids=[])  # fmt: skip
        session.add(window)
        await session.flush()
        employee = await session.get(Employee, aspiring)
        assert employee is not None
        employee.roster_skills = "jaringan komputer, teknologi informasi"
        prefs = [{"unit": UNITS[1], "unit_id": unit_id, "position": POST}]
        result = await submission.submit(
            session, now, harness.settings.tz, EMP_ID, employee,
            complete_draft(window.id, prefs=prefs),
        )  # fmt: skip
        assert isinstance(result, submission.Submitted), result
        older = (await create_plan(session, HR_ID, "Rencana Lama")).id
        latest = (await create_plan(session, HR_ID, "Rencana Baru")).id
        return CandidateWorld(position.id, aspiring, other, (older, latest))


SURVEY = {
    "slug": "iklim-dasbor", "anonymous": False, "title": "Iklim kerja",
    "questions": [{"key": "puas", "kind": "likert", "text": "Saya puas"}],
}  # fmt: skip


async def seed_survey_answers(harness: BotHarness, employee_ids: list[int]) -> None:
    """A one-question survey answered by ``employee_ids`` through the survey service."""
    db, now = harness.services.db, harness.services.clock.now()
    async with db.transaction() as session:
        survey, _ = await upsert_survey(session, parse_definition(SURVEY), "test")
        rnd = await sq.add_round(session, survey.id, "Mei", {"kind": "all"}, now, now, "test")
    for n, emp in enumerate(employee_ids):
        async with db.transaction() as session:
            part = await sq.add_participation(session, rnd.id, emp, 0, None, now)
            assert part is not None
            part.status, part.closes_at = "invited", now + timedelta(days=14)
            pid = part.id
        async with db.transaction() as session:
            await surveys.start(session, now, emp, pid)
        async with db.transaction() as session:
            await surveys.change(session, now, emp, pid, 0, surveys.answer_with(str(n % 5 + 1)))
        async with db.transaction() as session:
            await surveys.submit(session, now, emp, pid, now.date())


async def seed_announcement(harness: BotHarness) -> None:
    """An announcement scheduled for tomorrow (listed with its counts, nothing sent yet)."""
    async with harness.services.db.transaction() as session:
        await create_broadcast(
            session, text="Apel pagi.", audience={"kind": "all"}, kind=ANNOUNCEMENT_KIND,
            title="Apel", created_by=HR_ID,
            scheduled_at=harness.services.clock.now() + timedelta(days=1),
        )  # fmt: skip
