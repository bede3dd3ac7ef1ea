"""Defects the fuzz test found, each pinned by a direct test."""

from __future__ import annotations

from sqlalchemy import select

from bot.harness import BotHarness
from handlers.menu import OpenCommand
from storage.models import SurveyParticipation
from tests.e2e.security_world import seed_world
from tests.texts import shows


async def test_menu_button_of_a_command_that_answers_the_press_itself(
    harness: BotHarness,
) -> None:
    """ "Isi survei" from the main menu starts the survey: one answer to the press, no error."""
    services = harness.services
    await seed_world(
        services.db, linked=[8901], inactive=[], strangers=[], now=services.clock.now()
    )
    user = harness.user(8901)
    menu = await user.ask("/menu")
    await user.press(data=OpenCommand("isi_survei").pack(), message_id=menu.message_id)
    await user.callback_answers(1)
    replies = await user.replies(2)  # the survey's introduction and its first question
    assert not any(shows(m.text, "common.error") for m in replies), [m.text for m in replies]
    assert len(await user.callback_answers()) == 1
    async with services.db.transaction() as session:
        participation = (await session.execute(select(SurveyParticipation))).scalar_one()
        assert participation.started
