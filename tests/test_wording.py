"""Civil-service Indonesian in the id catalogue: the wording BKPSDM uses, old phrases gone."""

from __future__ import annotations

import re

import pytest
from fluent.syntax import FluentSerializer

from bot.texts import load_messages, message_id, t

SERIALIZER = FluentSerializer()


def _id_texts() -> dict[str, str]:
    """Every Indonesian message as written in the catalogue (without its id)."""
    return {
        name: SERIALIZER.serialize_entry(message).split("=", 1)[1]
        for name, message in load_messages("id").items()
    }


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"(?i)melanggar aturan", "say 'belum memenuhi ketentuan berikut'"),
        (r"\bD[-+]\d|\bD\b(?= pukul)", "day offsets are H-14 / H-1 in Indonesian"),
        (r"(?i)putuskan akun|akun .*diputuskan", "say 'Lepas tautan akun'"),
        (r"(?i)pejabat yang berwenang", "one term for the approver: PPK"),
        (r"(?i)\bformasi\b", "open positions are 'jabatan lowong' for users"),
    ],
)
def test_old_phrases_are_gone(pattern: str, why: str) -> None:
    """None of the replaced phrases is left in any Indonesian text."""
    found = {name: text for name, text in _id_texts().items() if re.search(pattern, text)}
    assert found == {}, why


def test_accepted_aspiration_is_received_for_follow_up() -> None:
    """An accepted aspiration is not an approved move: 'Diterima untuk ditindaklanjuti'."""
    for key in ("asp.status.accepted", "asp.action.accept"):
        assert t("id", key) == "Diterima untuk ditindaklanjuti"
    assert "untuk ditindaklanjuti" in t("id", "aspr.btn_accept")


def test_hr_rationale_is_marked_as_shown_to_the_employee() -> None:
    """HR knows the rationale of a move reaches the employee (asked and on the card)."""
    texts = _id_texts()
    for key in ("plans.ask_why", "plans.move_card"):
        assert "(ditampilkan kepada pegawai)" in texts[message_id(key)], key


def test_approver_is_the_ppk_everywhere() -> None:
    """Role labels spell out PPK once; plan texts say PPK."""
    assert t("id", "bc.role_approver") == t("id", "survey.role_approver")
    assert "Pejabat Pembina Kepegawaian" in t("id", "bc.role_approver")
    assert "PPK" in t("id", "plans.submitted", id=1, count=2)


def test_unlink_button_says_lepas_tautan() -> None:
    """The profile button and its confirmation say 'Lepas tautan akun'."""
    assert "Lepas tautan akun" in t("id", "profile.btn_unlink")
    assert "lepas tautan akun" in t("id", "profile.btn_unlink_yes")
