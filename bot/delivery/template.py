"""HR's message templates: ``{nama}``-style placeholders, checked on save, filled safely (pure).

Filling is :class:`string.Template`'s ``safe_substitute`` with ``{name}`` as the syntax: a
known placeholder becomes its value, HTML-escaped (HR's text is Telegram HTML, the values
are not); anything else (``{unknown}``, ``{name.x}``, ``{0}``, a stray brace) stays as typed,
so a scheduled send can never fail on a template. :func:`unknown_placeholders` finds what
a template would leave unfilled, so HR is told when saving it.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

from bot.delivery.compose import html_error

# Campaign steps: the Indonesian names are the public ones; the English ones of earlier
# versions keep working in templates saved before.
CAMPAIGN_PLACEHOLDERS = ("nama", "unit_baru", "jabatan_baru", "tmt")
BROADCAST_PLACEHOLDERS = ("nama",)
ALIASES = {"name": "nama", "unit": "unit_baru"}
# A template must still fit one message with the longest value each placeholder can take.
LONGEST = {"nama": 200, "unit_baru": 200, "jabatan_baru": 200, "tmt": 10}
_BRACED = re.compile(r"\{([^{}\s]{0,60})\}")
_PATTERN = r"""
\{(?:
  (?P<escaped>(?!))
  | (?P<named>[a-z_][a-z0-9_]*)\}
  | (?P<braced>(?!))
  | (?P<invalid>)
)
"""


class _Braces(string.Template):
    """``{name}`` placeholders; no escapes, nothing else is special."""

    delimiter = "{"
    pattern = _PATTERN  # type: ignore[assignment]  # a str, compiled by Template
    flags = re.VERBOSE  # exact names: "{NAMA}" is not "{nama}"


def accepted(names: Collection[str]) -> frozenset[str]:
    """The placeholders a template with ``names`` accepts: those and their old aliases."""
    return frozenset(names) | {old for old, new in ALIASES.items() if new in names}


def unknown_placeholders(text: str, names: Collection[str]) -> list[str]:
    """Every ``{…}`` in ``text`` that is not one of ``names`` (or an alias), in order, once."""
    allowed = accepted(names)
    found: list[str] = []
    for match in _BRACED.finditer(text):
        if match.group(1) not in allowed and match.group(0) not in found:
            found.append(match.group(0))
    return found


def has_placeholders(text: str, names: Collection[str]) -> bool:
    """True when ``text`` uses one of ``names`` (or an alias)."""
    allowed = accepted(names)
    return any(match.group(1) in allowed for match in _BRACED.finditer(text))


def render(text: str, values: Mapping[str, object]) -> str:
    """``text`` with its known placeholders filled by HTML-escaped ``values``; never raises."""
    mapping = {name: html.escape(str(value), quote=False) for name, value in values.items()}
    for old, new in ALIASES.items():
        if new in mapping:
            mapping.setdefault(old, mapping[new])
    return _Braces(text).safe_substitute(mapping)


@dataclass(frozen=True)
class TemplateError:
    """Why a template is refused: unknown placeholders (listed) or invalid HTML (explained)."""

    kind: Literal["placeholder", "html"]
    detail: str


def template_error(text: str, names: Collection[str]) -> TemplateError | None:
    """Why HR's template cannot be saved, or None: placeholders first, then Telegram HTML."""
    unknown = unknown_placeholders(text, names)
    if unknown:
        return TemplateError("placeholder", ", ".join(unknown))
    filled = render(text, {name: "x" * LONGEST.get(name, 200) for name in names})
    error = html_error(filled)
    return TemplateError("html", error) if error is not None else None


def placeholder_list(names: Collection[str]) -> str:
    """``{nama}, {tmt}`` — the placeholders to show HR."""
    return ", ".join("{" + name + "}" for name in names)
