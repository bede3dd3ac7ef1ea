"""Assert texts by their locale key, not by wording, so copy edits do not break tests."""

from __future__ import annotations

from bot.texts import literal_parts, shows_text


def fixed_parts(key: str, locale: str) -> list[str]:
    """The literal pieces of a text between its placeholders and tags (non-empty, stripped)."""
    return literal_parts(locale, key)


def shows(text: str, key: str) -> bool:
    """True when ``text`` is (or contains) the text of ``key`` in any locale."""
    return shows_text(text, key)
