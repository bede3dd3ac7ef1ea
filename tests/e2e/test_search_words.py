"""Unit and position search as civil servants type it (issue 13, defect 10): abbreviations
("prakom", "dishub", "BPKAD", "setda"), typos ("komnfo") with "Maksud Anda …?", the own unit
refused for a move to another unit, the same choice refused twice, open positions marked."""

from __future__ import annotations

from bot.emulator.client import BotMessage, EmulatedUser
from bot.harness import BotHarness
from bot.texts import shows_text
from tests.e2e.test_aspirations import EMP_ID, _press, _setup
from tests.e2e.test_matching import _positions
from tests.factories import add_employee

KOMINFO = "Dinas Komunikasi dan Informatika"
MORE_UNITS = (
    "Dinas Perhubungan",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Sekretariat Daerah",
)


async def _world(harness: BotHarness) -> EmulatedUser:
    """The employee (Bappeda) in an open window; open positions; more units in the roster."""
    await _setup(harness)
    await _positions(harness)
    for n, unit in enumerate(MORE_UNITS):
        await add_employee(
            harness.services.db, nip=f"19920101201503100{n}", phone=f"62813000000{n}",
            name=f"Staf {n}", unit=unit,
        )  # fmt: skip
    user = harness.user(EMP_ID)
    await user.ask("/aspirasi")
    await _press(user, "Lanjut ➡️")
    await _press(user, "Pindah ke OPD/unit lain")
    return user


def _first_button(message: BotMessage) -> str:
    """The first button of a search result."""
    return message.button_labels[0]


async def test_abbreviations_and_typos_find_units(harness: BotHarness) -> None:
    """Common abbreviations find the unit; a typo is answered with "Maksud Anda …?"."""
    user = await _world(harness)
    for typed, unit in (
        ("dishub", MORE_UNITS[0]),
        ("BPKAD", MORE_UNITS[1]),
        ("setda", MORE_UNITS[2]),
    ):
        assert _first_button(await user.ask(typed)) == unit, typed
    guessed = await user.ask("komnfo")
    assert _first_button(guessed) == KOMINFO
    assert shows_text(guessed.text, "asp.did_you_mean") and KOMINFO in guessed.text
    exact = await user.ask("kominfo")
    assert not shows_text(exact.text, "asp.did_you_mean")


async def test_own_unit_refused_for_another_unit(harness: BotHarness) -> None:
    """Typing one's own unit (Bappeda) for a move to another unit is refused, not offered."""
    user = await _world(harness)
    await user.send("bappeda")
    refusal, question = await user.replies(2)
    assert shows_text(refusal.text, "asp.own_unit")
    assert "Badan Perencanaan Pembangunan Daerah" not in question.button_labels


async def test_prakom_marks_the_open_position_and_same_choice_refused(
    harness: BotHarness,
) -> None:
    """ "prakom" finds Pranata Komputer, the open one marked first; no same choice twice."""
    user = await _world(harness)
    for round_ in range(2):
        await user.ask("kominfo")
        await _press(user, KOMINFO)
        found = await user.ask("prakom")
        assert shows_text(found.text, "asp.open_marked")
        assert shows_text(_first_button(found), "asp.open_position")
        vacant = [b for b in found.button_labels if shows_text(b, "asp.open_position")]
        wanted = next(b for b in vacant if "Pranata Komputer Ahli Pertama" in b)
        await user.press(wanted)
        answers = await user.replies(1 + round_)
    assert shows_text(answers[0].text, "asp.same_choice")
