"""Anonymous surveys resist re-identification: differencing and linkage attacks, both databases.

The attacker is someone at BKPSDM who sees every result HR sees and, as participations are
not anonymous, knows who answered and in which order. They try to learn one person's
answers (1) by subtracting the shown groups from the overall figures, (2) by comparing
the results before and after one more answer, (3) by joining responses to participations
on a system column or on row order (PostgreSQL ``xmin``/``ctid``, SQLite ``rowid``).
"""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import inspect, select, text

from bot.surveys import service as surveys
from bot.surveys import service_hr as hr
from bot.surveys.aggregate import SurveyResults, aggregate
from bot.surveys.catalog import upsert_survey
from bot.surveys.definition import parse_definition
from bot.surveys.publishing import publish_waiting
from storage.db import Database
from storage.models import Employee
from storage.models.surveys import (
    SurveyParticipation,
    SurveyResponse,
    SurveyWaitingAnswer,
)
from storage.queries import surveys as q
from storage.types import ResponseRow
from tests.factories import add_employee

MIN = 5
NOW = datetime(2030, 5, 6, 2, 0, tzinfo=UTC)
CLOSES = NOW + timedelta(days=14)
SURVEY: dict[str, Any] = {
    "slug": "iklim",
    "anonymous": True,
    "title": "Iklim kerja",
    "questions": [
        {"key": "puas", "kind": "likert", "text": "Saya puas"},
        {"key": "nps", "kind": "scale10", "text": "Rekomendasi"},
        {"key": "opsi", "kind": "likert", "text": "Opsional", "required": False},
        {"key": "catatan", "kind": "text", "text": "Catatan", "required": False},
    ],
}
Invited = dict[str, list[tuple[int, int]]]  # unit -> (employee id, participation id)


# -- the attacker ----------------------------------------------------------------------------


def subtraction_leaks(res: SurveyResults) -> list[str]:
    """Overall minus the shown groups of a cut, per question: a rest of 1..MIN-1 is a leak."""
    leaks = []
    if res.overall is None:
        return leaks
    for cut, rows in (("unit", res.by_unit), ("round", res.by_round)):
        if 0 < res.overall.n - sum(g.n for g in rows) < MIN:
            leaks.append(cut)
        for key, total in res.overall.questions.items():
            shown = sum(g.questions[key].n for g in rows if not g.questions[key].hidden)
            if not total.hidden and total.kind != "text" and 0 < total.n - shown < MIN:
                leaks.append(f"{cut}:{key}")
    return leaks


def _cells(res: SurveyResults) -> dict[str, int]:
    """Every count HR sees: groups, question cells and comment lists."""
    groups = [("overall", res.overall)] if res.overall else []
    groups += [(f"unit:{g.name}", g) for g in res.by_unit]
    groups += [(f"round:{g.name}", g) for g in res.by_round]
    cells = {f"comments:{k}": len(v) for k, v in res.comments.items()}
    for label, group in groups:
        assert group is not None
        cells[label] = group.n
        for key, stats in group.questions.items():
            if not stats.hidden:
                cells[f"{label}:{key}"] = stats.n
    return cells


def step_leaks(before: SurveyResults, after: SurveyResults) -> list[str]:
    """Cells that changed by 1..MIN-1 answers: those answers are the newcomers' own."""
    old, new = _cells(before), _cells(after)
    return [cell for cell in old.keys() & new.keys() if 0 < new[cell] - old[cell] < MIN]


# -- the survey --------------------------------------------------------------------------------


async def _invite(db: Database, units: dict[str, int], survey: dict[str, Any] = SURVEY) -> Invited:
    """An HR round of ``survey`` sent to ``units[name]`` employees of each unit."""
    async with db.transaction() as session:
        row, _ = await upsert_survey(session, parse_definition(survey), "test")
        rnd = await q.add_round(session, row.id, "Mei", {"kind": "all"}, NOW, CLOSES, "test")
        rnd.status = "open"
    invited: Invited = {}
    for u, (unit, count) in enumerate(units.items()):
        for n in range(count):
            emp = await add_employee(
                db, nip=f"199001012015{u:02d}{n:04d}", name=f"P{u}-{n}", unit=unit
            )
            async with db.transaction() as session:
                employee = await session.get(Employee, emp)
                assert employee is not None
                part = await q.add_participation(session, rnd.id, emp, 0, employee.unit_id, NOW)
                assert part is not None
                part.status, part.closes_at = "invited", CLOSES
            invited.setdefault(unit, []).append((emp, part.id))
    return invited


async def _answer(db: Database, who: tuple[int, int], answers: dict[str, Any]) -> None:
    """One person confirms their answers (one transaction, as in chat)."""
    emp, pid = who
    async with db.transaction() as session:
        started = await surveys.start(session, NOW, emp, pid)
        assert isinstance(started, surveys.Asking)
    async with db.transaction() as session:
        part = await session.get(SurveyParticipation, pid)
        assert part is not None
        part.draft = {"idx": len(SURVEY["questions"]), "answers": answers, "pending": {}}
    async with db.transaction() as session:
        done = await surveys.submit(session, NOW, emp, pid, date(2030, 5, 6))
        assert isinstance(done, surveys.Finished)


def _answers(emp: int, puas: int = 4) -> dict[str, Any]:
    """Answers carrying the person's secret, so the test can tell whose a response is."""
    return {"puas": puas, "nps": emp % 11, "catatan": f"rahasia-{emp}"}


async def _results(db: Database) -> SurveyResults:
    """What HR sees (chat text, charts and XLSX are rendered from this)."""
    async with db.transaction() as session:
        survey_id = (await q.list_surveys(session))[0].id
        computed = await hr.results(session, survey_id, MIN)
    assert computed is not None
    return computed.results


async def _publish(db: Database, now: datetime = NOW) -> int:
    """The publishing job, run once."""
    return await publish_waiting(db, now, MIN)


async def _stored(db: Database) -> tuple[int, int]:
    """(published responses, waiting answers)."""
    async with db.transaction() as session:
        published = len((await session.execute(select(SurveyResponse.id))).all())
        waiting = len((await session.execute(select(SurveyWaitingAnswer.id))).all())
    return published, waiting


# -- (1) differencing: overall minus the shown groups ----------------------------------------


def _row(unit: str, round_label: str, puas: int, opsi: int | None = None) -> ResponseRow:
    """One response of ``unit`` in ``round_label``."""
    answers: dict[str, Any] = {"puas": puas, "nps": puas * 2}
    if opsi is not None:
        answers["opsi"] = opsi
    return ResponseRow(round_label, unit, answers)


@pytest.mark.parametrize(
    ("rows", "units"),
    [
        # A 5, B 5, C 2: overall minus A and B would be C's two answers.
        ([_row("A", "30", 5)] * 5 + [_row("B", "30", 4)] * 5 + [_row("C", "90", 1)] * 2, ["B"]),
        # One unit shown, the other merged away but below the threshold on its own.
        ([_row("A", "30", 5)] * 6 + [_row("B", "30", 1)] * 4, []),
        # Both units shown, but the optional question: A 5 answers, B 2 (B's derivable).
        (
            [_row("A", "30", 5, 5)] * 5 + [_row("B", "30", 2, 1)] * 2 + [_row("B", "30", 2)] * 3,
            None,
        ),
        # Rounds: 30 has 8, 90 has 3; the overall minus round 30 would be round 90.
        ([_row("A", "30", 5)] * 5 + [_row("B", "30", 3)] * 3 + [_row("B", "90", 1)] * 3, None),
    ],
)
def test_overall_minus_shown_groups_reveals_nothing(
    rows: list[ResponseRow], units: list[str] | None
) -> None:
    """Complementary suppression: no cut and no question leaves a rest of 1..MIN-1."""
    res = aggregate(parse_definition(SURVEY), rows, [], MIN)
    assert subtraction_leaks(res) == []
    assert res.overall is not None and res.overall.n == len(rows)  # the total is still shown
    if units is not None:
        assert [g.name for g in res.by_unit if g.name != "__other__"] == units
    for group in res.by_unit:
        assert group.n >= MIN
        assert all(s.hidden or s.n >= MIN for s in group.questions.values() if s.kind != "text")


async def test_raised_threshold_keeps_published_small_units_hidden(db: Database) -> None:
    """Published while SURVEY_MIN_GROUP was 2; HR now sees them with 5: nothing derivable."""
    invited = await _invite(db, {"Dinas A": 5, "Dinas B": 5, "Dinas C": 2})
    for unit, people in invited.items():
        for who in people:
            await _answer(db, who, _answers(who[0], puas=1 if unit == "Dinas C" else 5))
    assert await publish_waiting(db, NOW, 2) == 12
    res = await _results(db)
    assert subtraction_leaks(res) == []
    assert res.overall is not None and res.overall.n == 12
    assert "Dinas C" not in {g.name for g in res.by_unit}
    secrets = {f"rahasia-{emp}" for emp, _ in invited["Dinas C"]}
    assert not secrets & set(res.comments.get("catatan", []))


# -- (2) differencing over time: before and after one more answer ---------------------------


async def test_one_more_answer_changes_nothing_hr_sees(db: Database) -> None:
    """Results grow only in steps of at least MIN answers of one unit."""
    invited = await _invite(db, {"Dinas U": 10, "Dinas V": 5})
    u, v = invited["Dinas U"], invited["Dinas V"]
    for who in [*v, *u[:5]]:
        await _answer(db, who, _answers(who[0]))
    await _publish(db)
    before = await _results(db)
    assert before.overall is not None and before.overall.n == 10
    await _answer(db, u[5], _answers(u[5][0], puas=1))  # the attacker knows who this is
    await _publish(db)
    after = await _results(db)
    assert step_leaks(before, after) == []
    assert _cells(after) == _cells(before) and after.waiting == 1
    for who in u[6:]:
        await _answer(db, who, _answers(who[0]))
    await _publish(db)
    later = await _results(db)
    assert step_leaks(after, later) == []
    assert _cells(later)["unit:Dinas U"] - _cells(after)["unit:Dinas U"] == MIN
    assert later.waiting == 0


# -- (3) linkage: system columns and row order ------------------------------------------------


async def _physical_order(db: Database) -> list[tuple[int, str]]:
    """(whose, transaction id) of every response in storage order (ctid / rowid)."""
    order, xmin = ("ctid", "xmin::text") if db.is_postgres else ("rowid", "''")
    found = []
    async with db.transaction() as session:
        rows = await session.execute(
            text(f"SELECT answers, {xmin} FROM survey_responses ORDER BY {order}")
        )
        for answers, tx in rows.tuples().all():
            values = json.loads(answers) if isinstance(answers, str) else answers
            found.append((int(values["catatan"].split("-")[1]), str(tx)))
    return found


async def _participation_xmins(db: Database) -> set[str]:
    """The transaction ids of the participation rows (PostgreSQL)."""
    async with db.transaction() as session:
        rows = await session.execute(text("SELECT xmin::text FROM survey_participations"))
        return {str(x) for x in rows.scalars()}


async def test_responses_do_not_link_to_participations(db: Database) -> None:
    """No timestamp, no shared xmin, no insertion order between answers and participations."""
    for model in (SurveyResponse, SurveyWaitingAnswer):
        types = {c.type.python_type for c in inspect(model).columns}
        assert not types & {date, datetime}
    people = (await _invite(db, {"Dinas A": 12}))["Dinas A"]
    finishing = random.sample(people, len(people))  # the order the attacker observed
    for who in finishing:
        await _answer(db, who, _answers(who[0]))
    assert await _stored(db) == (0, 12)
    assert await _publish(db) == 12
    assert await _stored(db) == (12, 0)
    stored = await _physical_order(db)
    if db.is_postgres:
        written = {tx for _, tx in stored}
        assert not written & await _participation_xmins(db)  # no shared transaction
        assert len(written) == 1  # one batch: every response has the same xmin
    in_storage = [emp for emp, _ in stored]
    observed = [emp for emp, _ in finishing]
    assert sorted(in_storage) == sorted(observed)
    assert in_storage not in (observed, observed[::-1])  # order tells nothing (1 in 12!)
