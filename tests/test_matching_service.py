"""The bot's matching service: profiles from rows, position search, cache, message fitting."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.imports.pipeline import import_data
from bot.matching.positions_import import POSITIONS
from bot.matching.profiles import PositionSpec
from bot.matching.service import (
    MatchingService,
    employee_profile,
    merge_skills,
    search_positions,
)
from handlers.matching import MAX_MESSAGE, fit_message
from storage.db import Database
from storage.models import Employee, EmployeeSkill
from storage.models.matching import Position
from tests.factories import add_employee
from tests.imports_support import context

HEADER = "position_id,title,unit,required_skills,education_level,min_golongan,max_golongan\n"
CSV = HEADER + (
    "P1,Pranata Komputer Ahli Pertama,Dinas Kominfo,jaringan komputer; pengembangan aplikasi,"
    "S1,III/a,III/d\n"
    "P2,Arsiparis Ahli Pertama,Dinas Kesehatan,kearsipan,S1,III/a,III/d\n"
)


@pytest.mark.parametrize(
    ("roster", "declared", "expected"),
    [
        ("jaringan komputer", ["bikin aplikasi"], "jaringan komputer\nbikin aplikasi"),
        ("", ["kearsipan", "  "], "kearsipan"),
        ("Statistik", ["statistik", "SIG"], "Statistik\nSIG"),
        ("", [], ""),
    ],
)
def test_merge_skills(roster: str, declared: list[str], expected: str) -> None:
    """Roster and declared texts are joined one per line, blanks and repeats dropped."""
    assert merge_skills(roster, declared) == expected


def test_employee_profile_fields() -> None:
    """Roster fields map onto the profile; skills are roster plus declared."""
    emp = Employee(
        nip="199003152015031001", name="Andi", position_title="Pranata Komputer",
        rank="III/b", education_level="S1", education_major="Teknik Informatika",
        roster_skills="jaringan komputer",
    )  # fmt: skip
    profile = employee_profile(emp, "Dinas Kominfo", ["pengembangan aplikasi"])
    assert (profile.unit, profile.golongan, profile.education_field) == (
        "Dinas Kominfo", "III/b", "Teknik Informatika",
    )  # fmt: skip
    assert profile.skills_text == "jaringan komputer\npengembangan aplikasi"


SPECS = [
    PositionSpec("P-TI1", "Pranata Komputer Ahli Pertama", "Dinas Kominfo", "ti"),
    PositionSpec("P-ARS", "Arsiparis Ahli Pertama", "Dinas Kesehatan", "arsip"),
    PositionSpec("P-PER", "Perencana Ahli Pertama", "Badan Perencanaan Pembangunan Daerah", "x"),
    PositionSpec("P-TI9", "Pranata Komputer Ahli Madya", "Dinas Kominfo", "ti"),
]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("pranata komputr pertama", "P-TI1"),
        ("arsip", "P-ARS"),
        ("madya", "P-TI9"),
        ("p-ars", "P-ARS"),
        ("kesehatan", "P-ARS"),
        ("dinkes", "P-ARS"),
        ("bappeda", "P-PER"),
    ],
)
def test_search_positions(query: str, first: str) -> None:
    """Typos, prefixes, unit names and exact codes find the intended position first."""
    found = search_positions(SPECS, query)
    assert found and found[0].position_id == first


@pytest.mark.parametrize("query", ["xyzzy", "", "   "])
def test_search_positions_nothing(query: str) -> None:
    """Unrelated or empty text finds nothing."""
    assert search_positions(SPECS, query) == []


def test_fit_message_truncates() -> None:
    """Blocks that would exceed the Telegram limit are summarised as "…and N more"."""
    blocks = [f"block {i} " + "x" * 500 for i in range(20)]
    text = fit_message("head", blocks, lambda n: f"…dan {n} lainnya")
    assert len(text) <= MAX_MESSAGE and text.endswith("lainnya")
    left = int(text.rsplit("…dan ", 1)[1].split()[0])
    assert text.count("block ") + left == 20
    assert fit_message("head", ["a", "b"], str) == "head\n\na\n\nb"


async def test_service_recommends_with_declared_skills_and_rebuilds(db: Database) -> None:
    """Declared skills count; a changed position is seen without restarting."""
    emp_id = await add_employee(db)
    async with db.transaction() as session:
        session.add(EmployeeSkill(employee_id=emp_id, kind="skill", text="bikin aplikasi"))
        await import_data(session, POSITIONS, CSV.encode(), context("p.csv"))
    service = MatchingService()
    async with db.transaction() as session:
        employee = await session.get(Employee, emp_id)
        assert employee is not None
        rec = await service.recommend(session, employee)
        first = await service.catalogue(session)
    assert [m.position.position_id for m in rec.matches] == ["P1"]
    assert set(rec.matches[0].explanation.matched) == {
        "jaringan komputer", "pengembangan aplikasi",
    }  # fmt: skip
    async with db.transaction() as session:
        assert await service.catalogue(session) is first  # unchanged: cached
        p1 = await session.execute(select(Position).where(Position.position_id == "P1"))
        p1.scalar_one().open = False
    async with db.transaction() as session:
        employee = await session.get(Employee, emp_id)
        assert employee is not None
        rebuilt = await service.catalogue(session)
        rec = await service.recommend(session, employee)
    assert rebuilt is not first and "P1" not in rebuilt.index.by_id
    assert rec.matches == () and rec.open_positions == 1


async def test_service_candidates_and_no_fit(db: Database) -> None:
    """Candidates come with explanations; a position nobody fits reports the counts."""
    await add_employee(db)
    async with db.transaction() as session:
        await import_data(session, POSITIONS, CSV.encode(), context("p.csv"))
    service = MatchingService()
    async with db.transaction() as session:
        fit = await service.candidates(session, "P1")
        nobody = await service.candidates(session, "P2")
        missing = await service.candidates(session, "NOPE")
    assert fit is not None and [m.employee.name for m in fit.matches] == ["Andi Saputra"]
    assert fit.matches[0].explanation.missing == ("pengembangan aplikasi",)
    assert nobody is not None and nobody.matches == () and nobody.no_fit is not None
    assert (nobody.no_fit.total, nobody.no_fit.both) == (1, 1)
    assert missing is None
