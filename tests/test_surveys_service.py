"""Survey answering and HR results workflows, called directly with a session (no Telegram)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.surveys import service as surveys
from bot.surveys import service_hr as hr
from bot.surveys.catalog import upsert_survey
from bot.surveys.definition import parse_definition
from bot.texts import t
from storage.db import Database
from storage.models.surveys import SurveyParticipation, SurveyResponse
from storage.queries import surveys as q
from tests.factories import add_employee

NOW = datetime(2030, 5, 6, 2, 0, tzinfo=UTC)
DEFINITION = {
    "slug": "iklim",
    "anonymous": False,
    "title": "Iklim kerja",
    "questions": [
        {"key": "puas", "kind": "likert", "text": "Saya puas"},
        {"key": "saran", "kind": "text", "text": "Saran", "required": False},
    ],
}


async def _invited(db: Database, *, employees: int = 1) -> list[tuple[int, int]]:
    """(employee id, participation id) of people invited to a two-question named survey."""
    found = []
    async with db.transaction() as session:
        survey, _ = await upsert_survey(session, parse_definition(DEFINITION), "test")
        rnd = await q.add_round(session, survey.id, "Mei", {"kind": "all"}, NOW, NOW, "test")
    for n in range(employees):
        emp = await add_employee(db, nip=f"19900101201503160{n}", name=f"P{n}")
        async with db.transaction() as session:
            part = await q.add_participation(session, rnd.id, emp, 0, None, NOW)
            assert part is not None
            part.status, part.closes_at = "invited", NOW + timedelta(days=14)
            found.append((emp, part.id))
    return found


async def _run(db: Database, call: Callable[[Any], Awaitable[Any]]) -> Any:
    """Run one workflow in its own transaction."""
    async with db.transaction() as session:
        return await call(session)


async def test_start_then_resume(db: Database) -> None:
    """The first opening starts the survey; the next one resumes the same draft."""
    [(emp, pid)] = await _invited(db)
    first = await _run(db, lambda s: surveys.start(s, NOW, emp, pid))
    again = await _run(db, lambda s: surveys.start(s, NOW, emp, pid))
    assert isinstance(first, surveys.Asking) and first.started and not first.resumed
    assert isinstance(again, surveys.Asking) and again.resumed and again.draft["idx"] == 0


@pytest.mark.parametrize(
    ("who", "index", "value", "expected"),
    [
        ("owner", 0, "4", "asking"),
        ("owner", 1, "4", "survey.not_current"),
        ("owner", 0, "9", "survey.err_range"),
        ("owner", 0, "x", "survey.err_not_number"),
        ("other", 0, "4", "survey.not_yours"),
        ("nobody", 0, "4", "survey.not_yours"),
    ],
)
async def test_answer_button_checks(
    db: Database, who: str, index: int, value: str, expected: str
) -> None:
    """Only the owner's answer to the question being asked, with a valid value, is stored."""
    (emp, pid), (other, _) = await _invited(db, employees=2)
    await _run(db, lambda s: surveys.start(s, NOW, emp, pid))
    presser = {"owner": emp, "other": other, "nobody": None}[who]
    result = await _run(
        db, lambda s: surveys.change(s, NOW, presser, pid, index, surveys.answer_with(value))
    )
    outcome = "asking" if isinstance(result, surveys.Asking) else result.key
    async with db.transaction() as session:
        part = await session.get(SurveyParticipation, pid)
    assert outcome == expected
    assert part is not None and part.draft["idx"] == (1 if expected == "asking" else 0)


async def test_typed_answers_skip_back_and_submit(db: Database) -> None:
    """Typed scale answer, skip, back, summary; submitted once with the person (named)."""
    [(emp, pid)] = await _invited(db)
    await _run(db, lambda s: surveys.start(s, NOW, emp, pid))
    assert isinstance(
        await _run(db, lambda s: surveys.typed_answer(s, NOW, emp, pid, "5")), surveys.Asking
    )
    early = await _run(db, lambda s: surveys.submit(s, NOW, emp, pid, date(2030, 5, 6)))
    assert isinstance(early, surveys.Refused) and early.key == "survey.not_current"
    back = await _run(db, lambda s: surveys.change(s, NOW, emp, pid, 1, surveys.previous_question))
    assert back.draft["idx"] == 0
    await _run(db, lambda s: surveys.change(s, NOW, emp, pid, 0, surveys.answer_with("2")))
    skipped = await _run(db, lambda s: surveys.change(s, NOW, emp, pid, 1, surveys.skip_question))
    assert skipped.draft["idx"] == 2
    done = await _run(db, lambda s: surveys.submit(s, NOW, emp, pid, date(2030, 5, 6)))
    twice = await _run(db, lambda s: surveys.start(s, NOW, emp, pid))
    async with db.transaction() as session:
        responses = list((await session.execute(select(SurveyResponse))).scalars())
    assert isinstance(done, surveys.Finished)
    assert isinstance(twice, surveys.Refused) and twice.key == "survey.already_done"
    assert [(r.employee_id, r.answers) for r in responses] == [(emp, {"puas": 2})]


async def test_answer_after_the_deadline_closes(db: Database) -> None:
    """Past the closing time nothing is stored and the participation is closed."""
    [(emp, pid)] = await _invited(db)
    await _run(db, lambda s: surveys.start(s, NOW, emp, pid))
    late = NOW + timedelta(days=15)
    result = await _run(db, lambda s: surveys.typed_answer(s, late, emp, pid, "4"))
    async with db.transaction() as session:
        part = await session.get(SurveyParticipation, pid)
        waiting = await surveys.open_surveys(session, late, emp)
    assert isinstance(result, surveys.Refused) and result.key == "survey.closed"
    assert part is not None and part.status == "closed" and waiting == []


async def test_hr_results_and_follow_up(db: Database) -> None:
    """Results aggregate; the follow-up lists low scores with masked NIPs, lowest first."""
    people = await _invited(db, employees=3)
    for (emp, pid), score in zip(people, ["1", "5", "2"], strict=True):
        await _run(db, lambda s, e=emp, p=pid: surveys.start(s, NOW, e, p))
        await _run(
            db,
            lambda s, e=emp, p=pid, v=score: surveys.change(
                s, NOW, e, p, 0, surveys.answer_with(v)
            ),
        )
        await _run(
            db, lambda s, e=emp, p=pid: surveys.change(s, NOW, e, p, 1, surveys.skip_question)
        )
        await _run(db, lambda s, e=emp, p=pid: surveys.submit(s, NOW, e, p, date(2030, 5, 6)))
    listed = await _run(db, hr.survey_list)
    survey_id = listed[0].survey_id
    computed = await _run(db, lambda s: hr.results(s, survey_id, 1))

    def tr(key: str, **params: object) -> str:
        return t("id", key, **params)

    follow = await _run(db, lambda s: hr.follow_up(s, survey_id, tr))
    assert [(i.survey_id, i.responses, i.anonymous) for i in listed] == [(survey_id, 3, False)]
    assert computed is not None and computed.results.rate.finished == 3
    assert [(f.name, f.score) for f in follow] == [("P0", 1), ("P2", 2)]
    assert all("199001012015031600" not in f.masked_nip for f in follow)
    assert await _run(db, lambda s: hr.results(s, 404, 1)) is None
    assert await _run(db, lambda s: hr.is_anonymous(s, 404)) is None
