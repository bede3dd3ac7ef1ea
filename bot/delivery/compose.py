"""Checks on what HR composes: text length and Telegram HTML (pure)."""

from __future__ import annotations

from bot.telegram_markup import MarkupError, visible_text

MAX_TEXT = 4096
MAX_CAPTION = 1024


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
