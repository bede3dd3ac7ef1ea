"""Publishing anonymous answers: durable across crashes, written once, closing rules, named."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.surveys.publishing import CLOSE_GRACE, publish_round, publish_waiting
from storage.db import Database
from storage.models.surveys import SurveyResponse, SurveyRound
from tests.test_surveys_anonymity import (
    CLOSES,
    MIN,
    NOW,
    SURVEY,
    _answer,
    _answers,
    _invite,
    _publish,
    _results,
    _stored,
    step_leaks,
    subtraction_leaks,
)


async def test_confirmed_answers_survive_a_crash_and_are_written_once(db: Database) -> None:
    """A publish that fails keeps the answers waiting; two jobs at once write each once."""
    people = (await _invite(db, {"Dinas A": 5}))["Dinas A"]
    for who in people:
        await _answer(db, who, _answers(who[0]))
    async with db.transaction() as session:
        round_id = (await session.execute(select(SurveyRound.id))).scalar_one()
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            assert await publish_round(session, round_id, NOW, MIN) == 5
            raise RuntimeError("the process dies before the commit")
    assert await _stored(db) == (0, 5)
    restarted = Database(db.url)  # a second process (or the bot after a restart)
    try:
        jobs = [publish_waiting(db, NOW, MIN), publish_waiting(restarted, NOW, MIN)]
        done = await asyncio.gather(*jobs, return_exceptions=True)
    finally:
        await restarted.dispose()
    assert sum(n for n in done if isinstance(n, int)) == 5
    assert await _stored(db) == (5, 0) and await _publish(db) == 0


@pytest.mark.parametrize(
    ("units", "while_open", "at_close", "withheld"),
    [
        ({"Dinas A": 6, "Dinas B": 3, "Dinas C": 2}, 6, 5, 0),
        ({"Dinas A": 5, "Dinas B": 2}, 5, 0, 2),
    ],
)
async def test_round_close_publishes_small_units_together_without_unit(
    db: Database, units: dict[str, int], while_open: int, at_close: int, withheld: int
) -> None:
    """At close, units below MIN are published merged and unit-less, if together >= MIN."""
    invited = await _invite(db, units)
    for people in invited.values():
        for who in people:
            await _answer(db, who, _answers(who[0]))
    assert await _publish(db) == while_open
    before = await _results(db)
    assert await _publish(db, CLOSES + CLOSE_GRACE - timedelta(seconds=1)) == 0
    assert await _publish(db, CLOSES + CLOSE_GRACE) == at_close
    after = await _results(db)
    assert step_leaks(before, after) == [] and subtraction_leaks(after) == []
    assert await _stored(db) == (while_open + at_close, withheld)
    async with db.transaction() as session:
        units_written = (await session.execute(select(SurveyResponse.unit_id))).scalars()
        assert sum(1 for u in units_written if u is None) == at_close
        status = (await session.execute(select(SurveyRound.status))).scalar_one()
    assert status == "closed"


async def test_named_answers_are_stored_at_once_with_the_person(db: Database) -> None:
    """Named surveys keep their behaviour: the response is written with the employee."""
    named = {**SURVEY, "slug": "bernama", "anonymous": False}
    [(emp, pid)] = (await _invite(db, {"Dinas A": 1}, named))["Dinas A"]
    await _answer(db, (emp, pid), _answers(emp))
    assert await _stored(db) == (1, 0)
    async with db.transaction() as session:
        assert (await session.execute(select(SurveyResponse.employee_id))).scalar_one() == emp
