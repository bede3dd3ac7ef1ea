"""How the demo script checks the bot's answers: by text key, never by wording."""

from __future__ import annotations

import asyncio

from bot.demo.console import Answers
from bot.emulator.client import BotMessage
from bot.texts import DEFAULT_LOCALE, has_key, shows_text, t

WAIT_SECONDS = 10.0


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


def _missing(messages: list[BotMessage], keys: tuple[str, ...]) -> list[str]:
    """The keys whose text the answers do not show."""
    text = visible(messages)
    return [key for key in keys if not shows_text(text, key)]


async def expect(messages: Answers, *keys: str, wait: float = WAIT_SECONDS) -> Answers:
    """Fail unless the text of every key appears in the answers; return them.

    Messages that travel through the outbox (to another person) or edits made after the
    send (a progress message) may land a little later: the chat is read again meanwhile.
    """
    for key in keys:
        _known(key)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while _missing(messages, keys) and loop.time() < deadline:
        await asyncio.sleep(0.05)
        messages.extend(await messages.chat.show_unseen(header=False))
    if missing := _missing(messages, keys):
        text = visible(messages)[:400]
        raise ScriptError(f"expected the text {missing} in the bot's answer, got: {text!r}")
    return messages


def expect_words(messages: list[BotMessage], *words: str) -> list[BotMessage]:
    """Fail unless every word (a name, a code) appears in the answers; return them."""
    text = visible(messages)
    missing = [w for w in words if w not in text]
    if missing:
        raise ScriptError(f"expected {missing} in the bot's answer, got: {text[:400]!r}")
    return messages
