"""Checks on what HR composes: text length and Telegram HTML (pure)."""

from __future__ import annotations

import html
import re

from bot.telegram_markup import MarkupError, visible_text
from bot.texts import t

MAX_TEXT = 4096
MAX_CAPTION = 1024
ANNOUNCEMENT_KIND = "broadcast"  # what HR writes (chat or CLI); campaign steps have their own
# The validator's (Telegram's) English messages -> what HR reads, with the tag or number.
_MARKUP_PROBLEMS = (
    (re.compile(r'Unsupported start tag "([^"]*)"'), "compose.err_tag_unsupported"),
    (re.compile(r'Tag "([^"]*)" must have class'), "compose.err_span_class"),
    (re.compile(r'Unmatched end tag "([^"]*)"'), "compose.err_end_unmatched"),
    (
        re.compile(r"Can't find end tag corresponding to start tag \"([^\"]*)\""),
        "compose.err_not_closed",
    ),
    (re.compile(r"^empty text$()"), "compose.err_empty"),
    (re.compile(r"^longer than (\d+) characters$"), "compose.err_too_long"),
)


def html_error(text: str) -> str | None:
    """Why Telegram would refuse ``text`` with parse_mode HTML, or None when it is fine.

    Uses ``bot.telegram_markup``, the validator the project's Bot API emulator also uses,
    which mirrors Telegram's rules (whitelisted tags, proper nesting, no self-closing tags);
    the visible text must also fit in one message.
    """
    try:
        visible = visible_text(text, "HTML")
    except MarkupError as exc:
        return str(exc)
    if not visible.strip():
        return "empty text"
    if len(visible) > MAX_TEXT:
        return f"longer than {MAX_TEXT} characters"
    return None


def with_header(text: str, locale: str | None = None) -> str:
    """An announcement as employees receive it: under the "📢 Pengumuman BKPSDM" header."""
    return t(locale, "bc.header") + "\n\n" + text


def shown_text(text: str) -> str:
    """What a reader sees of Telegram HTML ``text``: the tags left out (the text if unparsable)."""
    try:
        return visible_text(text, "HTML")
    except MarkupError:
        return text


def markup_problem(detail: str, locale: str | None) -> str:
    """An HTML check's English ``detail`` (see :func:`html_error`) as Telegram HTML for users."""
    for pattern, key in _MARKUP_PROBLEMS:
        match = pattern.search(detail)
        if match is not None:
            return t(locale, key, value=html.escape(match.group(1)))
    return t(locale, "compose.err_other")
