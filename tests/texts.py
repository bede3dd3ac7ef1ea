"""Assert texts by their locale key, not by wording, so copy edits do not break tests."""

from __future__ import annotations

import re

from bot.texts import LOCALES, t

_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def fixed_parts(key: str, locale: str) -> list[str]:
    """The literal pieces of a text template between its placeholders (non-empty, stripped)."""
    template = t(locale, key)
    return [p.strip() for p in _PLACEHOLDER.split(template) if p.strip()]


def shows(text: str, key: str) -> bool:
    """True when ``text`` is (or contains) the text of ``key`` in any locale."""
    for locale in LOCALES:
        parts = fixed_parts(key, locale)
        position = 0
        for part in parts:
            found = text.find(part, position)
            if found < 0:
                break
            position = found + len(part)
        else:
            return bool(parts)
    return False
