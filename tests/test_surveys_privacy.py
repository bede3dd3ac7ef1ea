"""Survey data rights: export shows participations and named answers only; unlink drops drafts."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from bot.privacy import export_user_data
from bot.surveys.catalog import upsert_survey
from bot.surveys.definition import parse_definition
from storage.db import Database
from storage.models import BotUser
from storage.models.surveys import SurveyParticipation, SurveyResponse, SurveyWaitingAnswer
from storage.queries import surveys as q
from storage.queries.privacy import unlink_user
from tests.factories import add_employee


def _definition(slug: str, anonymous: bool) -> dict[str, object]:
    """A one-question survey."""
    return {
        "slug": slug,
        "anonymous": anonymous,
        "title": f"Survei {slug}",
        "questions": [{"key": "puas", "kind": "likert", "text": "Saya puas"}],
    }


async def _setup(db: Database) -> int:
    """One employee: a named answer, an anonymous answer, and an unfinished anonymous draft."""
    emp = await add_employee(db, telegram_id=8801)
    now = datetime.now(UTC)
    async with db.transaction() as session:
        for slug, anonymous, value in (("named", False, 2), ("anon", True, 4), ("draft", True, 0)):
            definition = parse_definition(_definition(slug, anonymous))
            survey, _ = await upsert_survey(session, definition, "t")
            rnd = await q.add_round(session, survey.id, "Mei", {"kind": "all"}, now, now, "t")
            part = await q.add_participation(session, rnd.id, emp, 0, None, now)
            assert part is not None
            if value:
                await q.submit(session, part, rnd, survey, {"puas": value}, date(2030, 5, 1))
            else:
                part.status, part.started = "started", True
                part.draft = {"idx": 1, "answers": {"puas": 3}}
    return emp


async def test_export_lists_participations_and_only_named_answers(db: Database) -> None:
    """Three participations; only the named survey's answers; anonymity is explained."""
    await _setup(db)
    async with db.transaction() as session:
        user = await session.get(BotUser, 8801)
        assert user is not None
        data = (await export_user_data(session, user))["surveys"]
    assert [p["status"] for p in data["participations"]] == ["finished", "finished", "started"]
    assert data["participations"][2]["draft_answers"] == {"puas": 3}
    named = [{"survey": "Survei named", "round": "Mei", "answers": {"puas": 2}}]
    assert data["named_answers"] == named
    assert "tidak dapat ditelusuri" in data["anonymous_answers"]


async def test_unlink_erases_drafts_and_keeps_named_answers(db: Database) -> None:
    """Unlinking clears the unfinished draft; submitted named answers stay as HR records."""
    emp = await _setup(db)
    async with db.transaction() as session:
        user = await session.get(BotUser, 8801)
        assert user is not None
        await unlink_user(session, user)
    async with db.transaction() as session:
        drafts = (await session.execute(select(SurveyParticipation.draft))).scalars()
        assert all(d == {} for d in drafts)
        responses = list((await session.execute(select(SurveyResponse))).scalars())
        assert [r.employee_id for r in responses] == [emp]  # the named answer
        waiting = list((await session.execute(select(SurveyWaitingAnswer))).scalars())
        assert len(waiting) == 1  # the anonymous answer, without any person
        user = await session.get(BotUser, 8801)
        assert user is not None and user.employee_id is None
        assert "surveys" not in await export_user_data(session, user)
