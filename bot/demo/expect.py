"""How the demo script checks the bot's answers: by text key, never by wording."""

from __future__ import annotations

from bot.emulator.client import BotMessage
from bot.texts import DEFAULT_LOCALE, has_key, shows_text, t


class ScriptError(AssertionError):
    """The bot did not answer as the walk-through expects."""


def _known(key: str) -> None:
    """Fail when ``key`` is not a text of the bot (a script error, not a bot error)."""
    if not has_key(DEFAULT_LOCALE, key):
        raise ScriptError(f"the script names an unknown text key {key!r}")


def label(key: str, **params: object) -> str:
    """The label of a button, from its text key (Indonesian, the demo users' language)."""
    _known(key)
    return t(DEFAULT_LOCALE, key, **params)


def visible(messages: list[BotMessage]) -> str:
    """Everything the answers show: texts and button labels."""
    return "\n".join((m.text or "") + "\n" + "\n".join(m.button_labels) for m in messages)


def expect(messages: list[BotMessage], *keys: str) -> list[BotMessage]:
    """Fail unless the text of every key appears in the answers; return them."""
    text = visible(messages)
    for key in keys:
        _known(key)
        if not shows_text(text, key):
            raise ScriptError(f"expected the text {key!r} in the bot's answer, got: {text[:400]!r}")
    return messages


def expect_words(messages: list[BotMessage], *words: str) -> list[BotMessage]:
    """Fail unless every word (a name, a code) appears in the answers; return them."""
    text = visible(messages)
    missing = [w for w in words if w not in text]
    if missing:
        raise ScriptError(f"expected {missing} in the bot's answer, got: {text[:400]!r}")
    return messages
