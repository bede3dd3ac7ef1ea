"""Assert texts by their locale key, not by wording, so copy edits do not break tests."""

from __future__ import annotations

import html
import re
from functools import cache

from fluent.syntax import ast

from bot.texts import LOCALES, load_messages, message_id

_TAG = re.compile(r"<[^>]*>")


def _plain(text: str) -> str:
    """``text`` as a chat shows it: HTML tags removed, entities unescaped."""
    return html.unescape(_TAG.sub("", text))


@cache
def _messages(locale: str) -> dict[str, ast.Message]:
    """A locale's messages, parsed once per test process (parsing takes a few 100 ms)."""
    return load_messages(locale)


def fixed_parts(key: str, locale: str) -> tuple[str, ...]:
    """The literal pieces of a text between its placeables (variables, references, selects)."""
    message = _messages(locale)[message_id(key)]
    assert message.value is not None, key
    parts, current = [], ""
    for element in message.value.elements:
        if isinstance(element, ast.TextElement):
            current += element.value
        else:  # a placeable: what it shows depends on the parameters
            parts.append(current)
            current = ""
    parts.append(current)
    visible = (_plain(p).strip() for p in parts)  # as Telegram shows it
    return tuple(p for p in visible if p)


def source(message: object) -> str:
    """The text of a bot message as sent (HTML), else as shown."""
    return str(getattr(message, "source_text", None) or getattr(message, "text", ""))


def shows(text: str, key: str) -> bool:
    """True when ``text`` (plain or HTML) is, or contains, the text of ``key`` in any locale."""
    plain = _plain(text)
    for locale in LOCALES:
        parts = fixed_parts(key, locale)
        position = 0
        for part in parts:
            found = plain.find(part, position)
            if found < 0:
                break
            position = found + len(part)
        else:
            return bool(parts)
    return False
