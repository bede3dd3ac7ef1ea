"""Split long Telegram HTML into pages that each fit in one message (pure).

Telegram refuses a text longer than 4,096 characters (after entity parsing). :func:`split_html`
cuts at line ends; only a line too long for a page of its own is cut inside, at a space,
else between two characters. A cut never falls inside a tag or an entity (``&amp;``): a
tag still open at the cut is closed at the end of the page and opened again, with its
attributes, at the start of the next one. Lengths are counted in UTF-16 code units of the
raw HTML, which is never less than what Telegram counts.

:func:`paginate` packs whole blocks (a title line, a list item with its buttons) into
pages, splitting only a block that is too long for a page of its own.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.messages import Button, OutgoingMessage
from bot.telegram_markup import MarkupError, visible_text

TELEGRAM_LIMIT = 4096
PAGE_LIMIT = 3900  # leaves room for a "page 2/3" line and the title repeated on every page
_TOKEN = re.compile(r"<[^<>]*>|&#?[A-Za-z0-9]+;|\n|[^<&\n ]+ *| +|[<&]")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)")


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP is 2)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def fits(text: str, limit: int = TELEGRAM_LIMIT) -> bool:
    """True when ``text`` fits in one message of ``limit`` UTF-16 code units."""
    return len(text) <= limit // 2 or utf16_len(text) <= limit


@dataclass
class _Cutter:
    """The page being filled: its pieces, their size and the tags open at the end."""

    limit: int
    pages: list[str] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    size: int = 0
    stack: list[tuple[str, str]] = field(default_factory=list)  # (name, start tag)
    line_end: int = -1  # index in ``pieces`` of the last newline, -1 when none
    line_stack: list[tuple[str, str]] = field(default_factory=list)

    def closing(self, stack: list[tuple[str, str]]) -> str:
        """End tags closing ``stack``, innermost first."""
        return "".join(f"</{name}>" for name, _start in reversed(stack))

    def room(self, token: str, stack_after: list[tuple[str, str]]) -> bool:
        """True when ``token`` and the end tags then needed still fit on the page."""
        return self.size + utf16_len(token) + utf16_len(self.closing(stack_after)) <= self.limit

    def add(self, token: str) -> None:
        """Append one token (a tag, an entity, a newline or a piece of text)."""
        after = _stack_after(self.stack, token)
        if not self.room(token, after):
            self.cut()
            if token == "\n":
                return  # a page break replaces the line break
            while not self.room(token, after) and len(self.pieces) > len(self.stack):
                self.cut()  # what was carried over from the last line break fills the page
            room = self.limit - self.size - utf16_len(self.closing(after))
            if not self.room(token, after) and _is_text(token) and len(token) > 1:
                for piece in _pieces(token, room):
                    self.add(piece)
                return
        self._append(token, after)

    def _append(self, token: str, after: list[tuple[str, str]]) -> None:
        """Put ``token`` on the page (a lone character or tag goes even on an overfull page)."""
        if token == "\n":
            self.line_end, self.line_stack = len(self.pieces), list(self.stack)
        self.pieces.append(token)
        self.size += utf16_len(token)
        self.stack = after

    def cut(self) -> None:
        """End the page at its last line break (else here) and carry the rest over."""
        if self.line_end > 0:
            kept, rest = self.pieces[: self.line_end], self.pieces[self.line_end + 1 :]
            stack_at = self.line_stack
        else:
            kept, rest, stack_at = self.pieces, [], self.stack
        self._emit("".join(kept) + self.closing(stack_at))
        self.pieces = [start for _name, start in stack_at]
        self.size = sum(utf16_len(p) for p in self.pieces)
        self.line_end, self.line_stack = -1, []
        self.stack = list(stack_at)
        for token in rest:
            self.add(token)

    def finish(self) -> list[str]:
        """All pages, the last one included."""
        self._emit("".join(self.pieces) + self.closing(self.stack))
        return self.pages

    def _emit(self, page: str) -> None:
        """Keep a page unless it shows nothing but white space."""
        if re.sub(r"<[^<>]*>", "", page).strip():
            self.pages.append(page.strip("\n"))


def _stack_after(stack: list[tuple[str, str]], token: str) -> list[tuple[str, str]]:
    """The open tags after ``token`` (a start tag pushes, its end tag pops)."""
    match = _TAG.match(token) if token.startswith("<") and token.endswith(">") else None
    if match is None:
        return stack
    closing, name = match.group(1) == "/", match.group(2).lower()
    if not closing:
        return [*stack, (name, token)]
    if stack and stack[-1][0] == name:
        return stack[:-1]
    return stack


def _is_text(token: str) -> bool:
    """True for plain text (not a tag, an entity or a newline)."""
    return token != "\n" and not (len(token) > 1 and token[0] in "<&")


def _pieces(token: str, room: int) -> list[str]:
    """A text token cut between characters into parts of at most ``room`` units (at least 1)."""
    room = max(room, 1)
    parts, current, size = [], "", 0
    for ch in token:
        width = utf16_len(ch)
        if size + width > room and current:
            parts.append(current)
            current, size = "", 0
        current += ch
        size += width
    return [*parts, current] if current else parts


def split_html(text: str, limit: int = PAGE_LIMIT) -> list[str]:
    """Telegram HTML cut into pages of at most ``limit`` UTF-16 code units (see module doc)."""
    if fits(text, limit):
        return [text]
    cutter = _Cutter(limit)
    for token in _TOKEN.findall(text):
        cutter.add(token)
    return cutter.finish() or [text[:0]]


def paginate(
    title: str,
    blocks: Sequence[OutgoingMessage],
    *,
    limit: int = PAGE_LIMIT,
    separator: str = "\n\n",
) -> list[OutgoingMessage]:
    """Whole blocks packed into pages, each starting with ``title``, with its blocks' buttons.

    A block too long for a page of its own is cut by :func:`split_html`; its buttons go
    with its last part.
    """
    room = limit - utf16_len(title) - utf16_len(separator)
    pages: list[tuple[list[str], list[tuple[Button, ...]]]] = []
    size = room + 1  # start a page at the first block
    for block in blocks:
        parts = split_html(block.text, room) if block.text.strip() else []
        for n, part in enumerate(parts):
            width = utf16_len(part) + utf16_len(separator)
            if size + width > room:
                pages.append(([], []))
                size = 0
            pages[-1][0].append(part)
            size += width
            if n == len(parts) - 1:
                pages[-1][1].extend(block.buttons)
    if not pages:
        return [OutgoingMessage(title)]
    head = [title] if title else []
    return [OutgoingMessage(separator.join([*head, *texts]), tuple(b)) for texts, b in pages]


def split_plain(text: str, limit: int = PAGE_LIMIT) -> list[str]:
    """Plain text (no parse mode) cut like :func:`split_html`."""
    if fits(text, limit):
        return [text]
    escaped = html.escape(text, quote=False)
    return [html.unescape(page) for page in split_html(escaped, limit)]


def split_text(text: str, parse_mode: str | None, limit: int = PAGE_LIMIT) -> list[str]:
    """:func:`split_html` for HTML, :func:`split_plain` for text without a parse mode."""
    return (split_html if parse_mode == "HTML" else split_plain)(text, limit)


def plain_text(text: str) -> str:
    """What a reader sees of Telegram HTML (for a ``.txt`` copy of a long text)."""
    try:
        return visible_text(text, "HTML")
    except MarkupError:
        return text
