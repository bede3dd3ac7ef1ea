"""Assert texts by their locale key, not by wording, so copy edits do not break tests."""

from __future__ import annotations

import html
import re

from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from bot.texts import LOCALES, load_messages, message_id, t

_SENTINEL = "\u241e"  # stands for every variable; its text is split away
_TAG = re.compile(r"<[^>]+>")


class _Variables(Visitor):
    """Collects the variable names a Fluent message uses."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        """Remember one ``$name``."""
        self.names.add(node.id.name)


def _plain(text: str) -> str:
    """``text`` as a chat shows it: HTML tags removed, entities unescaped."""
    return html.unescape(_TAG.sub("", text))


def fixed_parts(key: str, locale: str) -> list[str]:
    """The literal pieces of a text between its variables (non-empty, stripped, no HTML)."""
    message = load_messages(locale).get(message_id(key))
    names = _Variables()
    if message is not None:
        names.visit(message)
    rendered = t(locale, key, **dict.fromkeys(names.names, _SENTINEL))
    return [p.strip() for p in _plain(rendered).split(_SENTINEL) if p.strip()]


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
