"""bot.texts on a small catalogue of its own: fallbacks, errors, isolation marks, numbers."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import texts

ID_CORE = """\
demo-hello = Halo { $name }
demo-only_id = Hanya bahasa Indonesia
demo-count = { NUMBER($count) } pegawai, nomor { $id }
"""
EN_CORE = """\
demo-hello = Hello { $name }
demo-count =
    { $count ->
        [one] { NUMBER($count) } employee
       *[other] { NUMBER($count) } employees
    }, number { $id }
"""


@pytest.fixture
def catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary locales folder in place of the shipped one (bundles rebuilt around it)."""
    for lang, source in (("id", ID_CORE), ("en", EN_CORE)):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "core.ftl").write_text(source, encoding="utf-8")
    monkeypatch.setattr(texts, "LOCALES_DIR", tmp_path)
    texts.bundle.cache_clear()
    yield tmp_path
    texts.bundle.cache_clear()


def test_renders_without_isolation_marks(catalogue: Path) -> None:
    """Placeables are inserted as is: no U+2068/U+2069 around them in Telegram HTML."""
    assert texts.t("en", "demo.hello", name="<b>Ani</b>") == "Hello <b>Ani</b>"


def test_falls_back_to_indonesian_then_to_the_key(
    catalogue: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A message missing in en comes from id; missing everywhere, the key (logged alone)."""
    assert texts.t("en", "demo.only_id") == "Hanya bahasa Indonesia"
    assert texts.t("xx", "demo.hello", name="Ani") == "Halo Ani"
    with caplog.at_level(logging.WARNING, logger="bot.texts"):
        assert texts.t("en", "demo.nothing", nip="199001012020121001") == "demo.nothing"
    assert "demo.nothing" in caplog.text and "199001012020121001" not in caplog.text


def test_bare_numbers_stay_plain_and_number_groups(catalogue: Path) -> None:
    """``{ $id }`` prints 12345; ``NUMBER()`` groups per locale; a string passes through."""
    assert texts.t("en", "demo.count", count=1234, id=12345) == "1,234 employees, number 12345"
    assert texts.t("en", "demo.count", count=1, id=7) == "1 employee, number 7"
    assert texts.t("id", "demo.count", count=1234, id=12345) == "1.234 pegawai, nomor 12345"
    assert texts.t("id", "demo.count", count="12", id=1) == "12 pegawai, nomor 1"


def test_a_missing_parameter_is_an_error_without_its_values(catalogue: Path) -> None:
    """Like ``str.format`` before: a forgotten parameter raises (naming no values)."""
    with pytest.raises(texts.TextError, match="demo-hello") as error:
        texts.t("en", "demo.hello", other="secret")
    assert "secret" not in str(error.value)


def test_has_key_looks_at_one_locale(catalogue: Path) -> None:
    """``has_key`` does not fall back."""
    assert texts.has_key("id", "demo.only_id") and not texts.has_key("en", "demo.only_id")


@pytest.mark.parametrize(
    ("extra", "error"),
    [("demo-hello = Again\n", "duplicate message id"), ("demo-broken = { $\n", "syntax error")],
)
def test_a_repeated_id_or_a_syntax_error_fails(catalogue: Path, extra: str, error: str) -> None:
    """Ids are unique across the files of a locale; broken Fluent is not skipped silently."""
    (catalogue / "id" / "other.ftl").write_text(extra, encoding="utf-8")
    with pytest.raises(ValueError, match=error):
        texts.t("id", "demo.hello", name="x")


def test_message_ids_come_from_keys() -> None:
    """Dots become hyphens; nothing else changes."""
    assert texts.message_id("asp.cli.list_line") == "asp-cli-list_line"
