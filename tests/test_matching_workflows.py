"""Matching workflows without Telegram: add a recommendation to the draft, HR pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.aspirations import draft as d
from bot.aspirations.rules import MAX_PREFERENCES
from bot.config import load_settings
from bot.matching import service_employee as recommending
from bot.matching import service_hr as hr_matching
from bot.matching.service import Candidates, MatchingService
from bot.matching.service_employee import Added, NotAdded, NoWindow, OpenDraft
from bot.matching.service_hr import CandidatePage, CandidatesFile
from storage.db import Database
from storage.models import Aspiration, AspirationWindow, AuditEntry, Employee
from storage.models.matching import Position
from tests.factories import add_employee
from tests.imports_support import run_import

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
HEADER = "position_id,title,unit,required_skills,education_level,min_golongan,max_golongan\n"
CSV = HEADER + (
    "P1,Pranata Komputer Ahli Pertama,Dinas Kominfo,jaringan komputer,S1,III/a,III/d\n"
    "P2,Arsiparis Ahli Pertama,Dinas Kesehatan,kearsipan,S1,III/a,III/d\n"
    "P3,Analis Data,Dinas Kominfo,jaringan komputer,S1,III/a,III/d\n"
)


async def _setup(db: Database, *, window: str | None = "all") -> tuple[int, dict[str, int]]:
    """One employee (Dinas Kesehatan), three positions, and maybe an open window."""
    emp_id = await add_employee(db)
    await run_import(db, "positions", CSV.encode(), "p.csv")
    async with db.transaction() as session:
        employee = await session.get(Employee, emp_id)
        assert employee is not None
        if window is not None:
            units = [] if window == "all" else [-1]
            session.add(AspirationWindow(
                name="Uji", starts_at=NOW - timedelta(days=1), ends_at=NOW + timedelta(days=9),
                unit_ids=units,
            ))  # fmt: skip
        rows = (await session.execute(select(Position.position_id, Position.id))).all()
    return emp_id, {code: pk for code, pk in rows}


async def _add(db: Database, emp_id: int, pk: int, **kwargs: Any) -> recommending.AddResult:
    """Run add_to_aspiration in one transaction."""
    kwargs.setdefault("draft", None)
    kwargs.setdefault("busy", False)
    async with db.transaction() as session:
        employee = await session.get(Employee, emp_id)
        assert employee is not None
        settings = load_settings(_env_file=None)
        return await recommending.add_to_aspiration(session, NOW, settings, employee, pk, **kwargs)


@pytest.mark.parametrize(("code", "kind"), [("P1", "other_unit"), ("P2", "rotation")])
async def test_new_draft_from_recommendation(db: Database, code: str, kind: str) -> None:
    """Without a draft, a new one starts at the eligibility step with the position."""
    emp_id, pks = await _setup(db)
    result = await _add(db, emp_id, pks[code])
    assert isinstance(result, Added) and result.step == d.ELIG and result.count == 1
    assert result.draft["kind"] == kind and result.draft["problems"] == []
    assert [p["position"] for p in result.draft["prefs"]] == [result.title]


@pytest.mark.parametrize(
    ("window", "busy", "closed", "expected"),
    [
        (None, False, False, NoWindow()),
        ("other", False, False, NotAdded("not_for_unit")),
        ("all", True, False, NotAdded("busy")),
        ("all", True, True, NotAdded("closed")),
    ],
)
async def test_new_draft_refused(
    db: Database, window: str | None, busy: bool, closed: bool, expected: object
) -> None:
    """Closed positions, other conversations and missing windows are refused."""
    emp_id, pks = await _setup(db, window=window)
    if closed:
        async with db.transaction() as session:
            position = await session.get(Position, pks["P1"])
            assert position is not None
            position.open = False
    assert await _add(db, emp_id, pks["P1"], busy=busy) == expected


async def test_existing_aspiration_refused(db: Database) -> None:
    """An employee who already submitted in this window gets no new draft."""
    emp_id, pks = await _setup(db)
    async with db.transaction() as session:
        window = (await session.execute(select(AspirationWindow))).scalar_one()
        session.add(Aspiration(window_id=window.id, employee_id=emp_id, status="submitted",
                               kind="other_unit", reason_category="career"))  # fmt: skip
    assert await _add(db, emp_id, pks["P1"]) == NotAdded("has_aspiration")


def _pref(code_unit: tuple[str, int | None, str]) -> dict[str, Any]:
    """One stored preference."""
    unit, unit_id, position = code_unit
    return {"unit": unit, "unit_id": unit_id, "position": position}


async def test_draft_in_progress(db: Database) -> None:
    """Into a draft: repeats, full lists and rotation to other units are refused."""
    emp_id, pks = await _setup(db)
    async with db.transaction() as session:
        p1 = await session.get(Position, pks["P1"])
        assert p1 is not None
        chosen = _pref((p1.unit_name, p1.unit_id, p1.title))
    at_pref = OpenDraft({"kind": "other_unit", "prefs": [chosen]}, d.PREF)
    assert await _add(db, emp_id, pks["P1"], draft=at_pref) == NotAdded("already")
    added = await _add(db, emp_id, pks["P3"], draft=at_pref)
    assert isinstance(added, Added) and added.count == 2 and added.step == d.PREF
    assert at_pref.data["prefs"] == [chosen]  # the caller's draft is not changed
    at_summary = OpenDraft({"kind": "other_unit", "prefs": [chosen]}, d.SUMMARY)
    added = await _add(db, emp_id, pks["P3"], draft=at_summary)
    assert isinstance(added, Added) and added.step == d.SUMMARY
    full = OpenDraft({"kind": "other_unit", "prefs": [_pref(("X", n, "Y")) for n in
                      range(MAX_PREFERENCES)]}, d.REASON_CAT)  # fmt: skip
    assert await _add(db, emp_id, pks["P1"], draft=full) == NotAdded("full")
    rotation = OpenDraft({"kind": "rotation", "prefs": []}, d.POS)
    assert await _add(db, emp_id, pks["P1"], draft=rotation) == NotAdded("rotation_other_unit")


async def test_recommend_gives_position_keys(db: Database) -> None:
    """Every recommended match carries the stored position's key for its button."""
    emp_id, pks = await _setup(db)
    service = MatchingService()
    async with db.transaction() as session:
        employee = await session.get(Employee, emp_id)
        assert employee is not None
        found = await recommending.recommend(service, session, employee, None, top=5)
    codes = [m.position.position_id for m in found.recommendation.matches]
    assert codes and found.position_pks == tuple(pks[c] for c in codes)


@pytest.mark.parametrize(("query", "codes"), [("pranata", ["P1"]), ("P2", ["P2"]), ("xyzzy", [])])
async def test_find_positions(db: Database, query: str, codes: list[str]) -> None:
    """Search results carry the position keys."""
    _, pks = await _setup(db)
    async with db.transaction() as session:
        found = await hr_matching.find_positions(MatchingService(), session, query)
    assert found.any_open and [(pk, s.position_id) for pk, s in found.found] == [
        (pks[c], c) for c in codes
    ]


@pytest.mark.parametrize(("page", "shown_page"), [(0, 0), (1, 1), (7, 1), (-3, 0)])
async def test_open_positions_page(db: Database, page: int, shown_page: int) -> None:
    """Pages of two; pages beyond either end show the nearest one."""
    await _setup(db)
    async with db.transaction() as session:
        found = await hr_matching.open_positions_page(session, page, 2)
    assert found.total == 3 and found.page == shown_page
    assert len(found.rows) == (2 if shown_page == 0 else 1)


async def test_candidate_page_and_export(db: Database) -> None:
    """A page lists the candidate with their id; the export is audited; closed is None."""
    emp_id, pks = await _setup(db)
    service = MatchingService()
    async with db.transaction() as session:
        page = await hr_matching.candidate_page(service, session, pks["P1"], 5, 5)
        nobody = await hr_matching.candidate_page(service, session, pks["P2"], 0, 5)
        exported = await hr_matching.export_candidates(service, session, 9, pks["P1"], "id")
        missing = await hr_matching.candidate_page(service, session, 999, 0, 5)
        audited = list((await session.execute(select(AuditEntry.action))).scalars())
    assert isinstance(page, CandidatePage) and (page.page, page.pages) == (0, 1)
    assert page.employee_ids == {"199003152015031001": emp_id}
    assert isinstance(nobody, Candidates) and nobody.no_fit is not None
    assert isinstance(exported, CandidatesFile) and exported.filename == "kandidat-P1.xlsx"
    assert missing is None and audited[-1] == "match.candidates_export"
