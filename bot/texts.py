"""User-facing texts: Fluent messages in ``bot/locales/<locale>/<feature>.ftl``.

Code names a text by a literal dotted key (``plans.submitted``); ``message_id`` turns it into
the Fluent id (``plans-submitted``). A value that picks a text is a select parameter
(``t(locale, "plans.status", status=...)``), never part of the key. Each feature keeps its
messages in its own file; the files of a locale form one bundle, and an id defined twice is
an error. A missing message falls back to Indonesian, then to the key (logged by key only).

Parameters: strings are inserted as given; a bare integer ``{ $id }`` prints as is (ids,
years), ``{ NUMBER($count) }`` groups digits per locale (``1.234`` in id, ``1,234`` in en; a
string passed to it stays as given) and ``{ $count -> [one] ... *[other] ... }`` selects the
plural form. Dates are formatted by the caller with ``bot.i18n.dates``; any other value is
inserted as ``str(value)``.
"""

from __future__ import annotations

import html
import logging
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import (
    FluentFloat,
    FluentInt,
    FluentNone,
    FluentNumber,
    FluentType,
    fluent_number,
)
from fluent.syntax import ast

LOCALES_DIR = Path(__file__).parent / "locales"
DEFAULT_LOCALE = "id"
LOCALES = ("id", "en")
BABEL_LOCALES = {"id": "id", "en": "en_GB"}

log = logging.getLogger(__name__)
_TAG = re.compile(r"<[^>]*>")  # Telegram HTML tags: users see the text without them


class TextError(LookupError):
    """A message could not be formatted (a missing parameter, a bad NUMBER argument)."""


def message_id(key: str) -> str:
    """The Fluent message id of a code key: dots become hyphens."""
    return key.replace(".", "-")


def _number(value: Any, **options: Any) -> FluentNumber | FluentNone | str:
    """Fluent ``NUMBER()``: the built-in, grouping digits by default; a string stays as given."""
    if isinstance(value, str):
        return value
    options.setdefault("useGrouping", True)
    return fluent_number(value, **options)


def load_messages(locale: str) -> dict[str, ast.Message]:
    """Every message of one locale by id; a syntax error or a repeated id is an error."""
    messages: dict[str, ast.Message] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        for entry in FluentResource(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Junk):
                raise ValueError(f"Fluent syntax error in {path}: {(entry.content or '')[:60]!r}")
            if isinstance(entry, ast.Message):
                if entry.id.name in messages:
                    raise ValueError(f"duplicate message id {entry.id.name!r} in {path}")
                messages[entry.id.name] = entry
    return messages


@cache
def bundle(locale: str) -> FluentBundle:
    """The Fluent bundle of one locale, built on first use."""
    functions: dict[str, Any] = {"NUMBER": _number}  # may return a str: Fluent inserts it as is
    result = FluentBundle(
        [BABEL_LOCALES.get(locale, locale)], functions=functions, use_isolating=False
    )
    result.add_resource(ast.Resource(list(load_messages(locale).values())))
    return result


def _argument(value: object) -> str | FluentType:
    """A parameter as Fluent takes it (see the module docstring)."""
    if isinstance(value, str | FluentType):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return FluentInt(value, useGrouping=False)
    if isinstance(value, float | Decimal):
        return FluentFloat(value, useGrouping=False)
    return str(value)


def format_message(locale: str, mid: str, params: dict[str, object]) -> str | None:
    """Format message ``mid`` of ``locale``; None when the locale lacks it."""
    fluent = bundle(locale)
    if not fluent.has_message(mid):
        return None
    pattern = fluent.get_message(mid).value
    if pattern is None:
        raise TextError(f"message {mid} has no value")
    args = {name: _argument(value) for name, value in params.items()}
    text, errors = fluent.format_pattern(pattern, args)
    if errors:
        # the class name only: some Fluent errors quote the parameter's value
        raise TextError(f"message {mid}: {', '.join(type(e).__name__ for e in errors)}")
    return str(text)


def t(locale: str | None, key: str, /, **params: object) -> str:
    """Translate ``key`` into ``locale`` with ``params`` (fallback: Indonesian, then the key)."""
    loc = locale if locale in LOCALES else DEFAULT_LOCALE
    mid = message_id(key)
    text = format_message(loc, mid, params)
    if text is None and loc != DEFAULT_LOCALE:
        text = format_message(DEFAULT_LOCALE, mid, params)
    if text is None:
        log.warning("missing locale entry %s", key)
        return key
    return text


def has_key(locale: str, key: str) -> bool:
    """True when ``key`` exists in ``locale`` itself (no fallback)."""
    return bundle(locale).has_message(message_id(key))


@cache
def _messages(locale: str) -> dict[str, ast.Message]:
    """The parsed messages of a locale (kept once loaded)."""
    return load_messages(locale)


def literal_parts(locale: str, key: str) -> list[str]:
    """The fixed pieces of a message between its placeables and HTML tags (stripped).

    What a text of ``key`` always shows whatever its parameters: tests and the demo
    script find a text by these pieces, in order, so copy edits do not break them.
    """
    message = _messages(locale).get(message_id(key))
    pattern = message.value if message is not None else None
    parts, current = [], ""
    for element in pattern.elements if pattern is not None else ():
        if isinstance(element, ast.TextElement):
            current += element.value
            continue
        if isinstance(element, ast.Placeable) and isinstance(element.expression, ast.StringLiteral):
            current += element.expression.value
            continue
        parts.append(current)
        current = ""
    parts.append(current)
    pieces = (html.unescape(bit) for part in parts for bit in _TAG.split(part))
    return [bit.strip() for bit in pieces if bit.strip()]


def shows_text(text: str, key: str) -> bool:
    """True when ``text`` contains the text of ``key`` (any locale, any parameters).

    Runs of white space count as one space, so an indented transcript matches too.
    """
    text = " ".join(text.split())
    for locale in LOCALES:
        parts = [" ".join(part.split()) for part in literal_parts(locale, key)]
        position = 0
        for part in parts:
            found = text.find(part, position)
            if found < 0:
                break
            position = found + len(part)
        else:
            if parts:
                return True
    return False
