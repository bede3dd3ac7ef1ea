"""Assert texts by their locale key, not by wording, so copy edits do not break tests."""

from __future__ import annotations

from fluent.syntax import ast

from bot.texts import LOCALES, load_messages, message_id


def fixed_parts(key: str, locale: str) -> list[str]:
    """The literal pieces of a text template between its placeholders (non-empty, stripped).

    Read from the Fluent source, so messages with parameters or selects work too: every
    placeable (a variable, a select, ``NUMBER()``) separates two pieces.
    """
    message = load_messages(locale)[message_id(key)]
    assert message.value is not None, key
    parts, current = [], ""
    for element in message.value.elements:
        if isinstance(element, ast.TextElement):
            current += element.value
        else:
            parts.append(current)
            current = ""
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


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
