"""Aspiration button payloads and text keys: the typed values match the domain codes."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from bot.aspirations import buttons as b
from bot.aspirations import draft as d
from bot.aspirations import labels, rules
from bot.callback_data import MAX_BYTES, CallbackData, CallbackDataError
from bot.texts import LOCALES, has_key


def test_typed_values_are_the_domain_codes() -> None:
    """The Literal choices of the buttons are exactly the codes the rules use."""
    assert b.KIND_VALUES == rules.KINDS
    assert b.REASON_VALUES == rules.REASONS
    assert b.SECTION_VALUES == d.SECTIONS
    assert b.STATUS_VALUES == rules.STORED_STATUSES
    assert b.DECISION_VALUES == rules.HR_ACTIONS


@pytest.mark.parametrize(
    "value",
    [
        b.Continue(),
        b.Back(d.RELOCATE_NOTE),
        b.ChooseKind("other_unit"),
        b.PickUnit(5),
        b.PrefsDone(d.POS),
        b.ChooseReason("competence"),
        b.Relocate(False),
        b.EditSection("relocate"),
        b.ConfirmWithdraw(2**31),
        b.ListAspirations("withdrawn", 2**31, 999),
        b.DecideAspiration(2**31, "reject"),
        b.ExportAspirations("csv"),
        b.AllUnits(),
        b.ConfirmClose(2**31),
    ],
)
def test_payloads_round_trip_within_telegram_limit(value: CallbackData) -> None:
    """Every payload packs under 64 bytes and unpacks to the same value."""
    packed = value.pack()
    assert len(packed.encode()) <= MAX_BYTES
    assert type(value).unpack(packed) == value


@pytest.mark.parametrize(
    ("cls", "forged"),
    [
        (b.ChooseKind, "aspiration-kind:promotion"),
        (b.DecideAspiration, "aspiration-decide:7:approve"),
        (b.ListAspirations, "aspiration-list:draft:0:0"),
        (b.Relocate, "aspiration-relocate:y"),
        (b.ConfirmWithdraw, "aspiration-withdraw:7"),
    ],
)
def test_forged_payloads_are_refused(cls: type[CallbackData], forged: str) -> None:
    """Unknown values, old shapes and another button's prefix do not unpack."""
    with pytest.raises(CallbackDataError):
        cls.unpack(forged)


def test_wizard_buttons_know_their_step() -> None:
    """Fixed-step buttons name their step; Back and Done carry it."""
    assert b.Send().at_step() == d.SUMMARY
    assert b.PickPosition(0).at_step() == d.POS
    assert b.Back(d.KIND).at_step() == d.KIND


@pytest.mark.parametrize(
    ("mapping", "codes"),
    [
        (labels.STATUS_KEYS, rules.STATUSES),
        (labels.KIND_KEYS, rules.KINDS),
        (labels.REASON_KEYS, rules.REASONS),
        (labels.SECTION_KEYS, d.SECTIONS),
        (labels.STEP_KEYS, d.STEPS),
        (labels.DECISION_BUTTON_KEYS, rules.HR_ACTIONS),
        (labels.ASK_NOTE_KEYS, tuple(sorted(rules.NOTE_REQUIRED))),
        (labels.NOTIFY_NEXT_KEYS, (*rules.HR_ACTIONS, "withdraw")),
        (labels.PROBLEM_KEYS, ("tmt_unknown", "too_short", "sanction", "study_leave", "freeze")),
    ],
)
def test_every_code_has_a_text_in_every_locale(
    mapping: Mapping[str, str], codes: tuple[str, ...]
) -> None:
    """Each code maps to a key that both locales define."""
    assert set(mapping) == set(codes)
    for key in mapping.values():
        assert all(has_key(locale, key) for locale in LOCALES), key
