"""Plain typed words that act like commands: "menu", "bantuan", "batal" (and English).

Employees often type the word instead of the command. :class:`WordCommands` maps such words
to the command function; the conversation router asks it first for every typed message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from handlers.base import Feature

MAX_TOKENS = 3  # "menu dong", "ok batal": a short message naming one word command
_TOKEN = re.compile(r"[^\W\d_]+")


def _tokens(text: str) -> list[str]:
    """The lower-cased words of ``text`` (letters only)."""
    return _TOKEN.findall(text.lower())


class WordCommands:
    """Words that stand for a command, and the rule for when a typed message means one."""

    def __init__(self) -> None:
        self.words: dict[str, Feature] = {}

    def add(self, words: Iterable[str], fn: Feature) -> None:
        """Let each of ``words`` (one or more words, e.g. "menu utama") act like ``fn``."""
        for word in words:
            self.words[" ".join(_tokens(word))] = fn

    def command_for(self, text: str | None, waits_for_text: bool) -> Feature | None:
        """The command ``text`` stands for, or None.

        A message that is only the word always acts; while no step waits for free text, a
        short message (at most three words) naming exactly one such command acts too.
        """
        if not text:
            return None
        tokens = _tokens(text)
        whole = self.words.get(" ".join(tokens))
        if whole is not None or waits_for_text or len(tokens) > MAX_TOKENS:
            return whole
        found = {self.words[w] for w in tokens if w in self.words}
        return found.pop() if len(found) == 1 else None
