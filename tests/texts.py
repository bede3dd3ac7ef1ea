"""Assert texts by their locale key, not by wording, so copy edits do not break tests."""

from __future__ import annotations

import html
import re

from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from bot.texts import LOCALES, load_messages, message_id, t

_MARK = "\x00"
_PLACEHOLDER = re.compile(rf"{_MARK}[^{_MARK}]*{_MARK}")
_TAG = re.compile(r"</?[a-z][a-z-]*(?:\s[^<>]*)?>")


class _Variables(Visitor):
    """Collects the ``$variables`` a Fluent message uses."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        """Remember one variable."""
        self.names.add(node.id.name)


def fixed_parts(key: str, locale: str) -> list[str]:
    """The literal pieces of a text between its placeholders (non-empty, stripped).

    Each variable is filled with a marker, so a select or plural falls to its default variant;
    HTML tags are left out, as the reader does not see them.
    """
    found = _Variables()
    message = load_messages(locale).get(message_id(key))
    if message is not None:
        found.visit(message)
    template = t(locale, key, **{name: f"{_MARK}{name}{_MARK}" for name in found.names})
    template = html.unescape(_TAG.sub("", template))  # what the reader sees of HTML
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
