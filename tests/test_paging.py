"""The HTML splitter and the block pager: every page fits, is valid Telegram HTML, loses nothing."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.messages import Button, OutgoingMessage
from bot.paging import TELEGRAM_LIMIT, paginate, split_html, utf16_len
from bot.telegram_markup import visible_text


def _squeezed(html: str) -> str:
    """The visible text without white space (cuts may turn a space into a page break)."""
    return re.sub(r"\s+", "", visible_text(html, "HTML"))


def _check(text: str, limit: int) -> list[str]:
    """Split, and check each page: within the limit, valid HTML; all text kept, in order."""
    pages = split_html(text, limit)
    for page in pages:
        assert utf16_len(page) <= limit
        assert visible_text(page, "HTML").strip()
    assert "".join(_squeezed(p) for p in pages) == _squeezed(text)
    return pages


LINES = "\n".join(f"{n}. <b>Nama {n}</b> — <i>alasan &amp; {'x' * 40}</i>" for n in range(300))
NESTED = (
    "<blockquote><b>Judul</b>\n"
    + "\n".join(f"baris {n} <b>tebal <i>miring <u>garis {n}</u></i></b>" for n in range(200))
    + "</blockquote>"
)
LINK = '<a href="https://example.org/a?b=1&amp;c=2">' + "kata " * 600 + "</a>"
PRE = "<pre>" + "\n".join("kolom  " * 12 for _ in range(200)) + "</pre>"
ONE_LONG_LINE = "<i>" + "sangatpanjang" * 700 + "</i>"
ENTITIES = "&lt;&gt;&amp;&quot;&#39;" * 900
EMOJI = "<b>" + "😀" * 5000 + "</b>"
SPOILER = '<span class="tg-spoiler">' + ("rahasia " * 50 + "\n") * 40 + "</span>"


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        (LINES, 4000),
        (LINES, 300),
        (NESTED, 4000),
        (NESTED, 250),
        (LINK, 500),
        (PRE, 1000),
        (ONE_LONG_LINE, 700),
        (ENTITIES, 100),
        (EMOJI, TELEGRAM_LIMIT),
        (SPOILER, 600),
    ],
    ids=["lines", "lines-small", "nested", "nested-small", "link", "pre", "one-line", "entities",
         "emoji", "spoiler"],
)  # fmt: skip
def test_every_page_fits_and_is_valid(text: str, limit: int) -> None:
    """Pages are within the limit, parse as Telegram HTML, and keep all the text."""
    assert len(_check(text, limit)) > 1


@pytest.mark.parametrize(
    ("text", "reopened"),
    [
        (NESTED, "<blockquote>"),
        (LINK, '<a href="https://example.org/a?b=1&amp;c=2">'),
        (PRE, "<pre>"),
        (SPOILER, '<span class="tg-spoiler">'),
    ],
)
def test_tags_open_at_a_cut_are_reopened(text: str, reopened: str) -> None:
    """A tag spanning pages is closed on one page and opened again (attributes kept) on the next."""
    pages = _check(text, 400)
    assert all(page.startswith(reopened) for page in pages)


def test_cuts_at_line_ends_when_lines_fit() -> None:
    """Short lines are never cut inside: every page ends where a line ended."""
    lines = set(LINES.split("\n"))
    for page in _check(LINES, 500):
        assert set(page.split("\n")) <= lines


def test_never_cuts_inside_an_entity() -> None:
    """Only whole entities on every page."""
    for page in _check(ENTITIES, 97):
        assert re.fullmatch(r"(&(lt|gt|amp|quot|#39);)+", page)


def test_short_text_is_one_page() -> None:
    """A text that fits is returned as it is."""
    assert split_html("<b>halo</b>\nsemua") == ["<b>halo</b>\nsemua"]


@settings(max_examples=150, deadline=None)
@example(chunks=[("", "a"), ("blockquote", "<<<<<<a<")], limit=60)  # carried-over line overfull
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "b", "i", "u", "code", "blockquote"]),
            st.text(alphabet="ab <>&😀\n", min_size=1, max_size=80),
        ),
        min_size=1,
        max_size=60,
    ),
    st.integers(min_value=60, max_value=400),
)
def test_random_nested_html(chunks: list[tuple[str, str]], limit: int) -> None:
    """Any valid nesting of tags, text, entities and emoji splits into valid pages."""
    parts = []
    for tag, raw in chunks:
        body = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        parts.append(f"<{tag}><b>{body}</b></{tag}>" if tag else body)
    text = "\n".join(parts)
    if not visible_text(text, "HTML").strip():
        return
    _check(text, limit)


def test_paginate_keeps_each_blocks_buttons_with_it() -> None:
    """Blocks are never split across pages when they fit; each page carries its blocks' buttons."""
    blocks = [
        OutgoingMessage(f"<b>#{n}</b> " + "pertanyaan " * 45, ((Button(f"Jawab #{n}", "x"),),))
        for n in range(20)
    ]
    pages = paginate("<b>Pertanyaan (20)</b>", blocks, limit=4000)
    assert len(pages) > 1
    seen = []
    for page in pages:
        assert utf16_len(page.text) <= 4000
        assert page.text.startswith("<b>Pertanyaan (20)</b>")
        numbers = [int(n) for n in re.findall(r"<b>#(\d+)</b>", page.text)]
        assert [b.label for (b,) in page.buttons] == [f"Jawab #{n}" for n in numbers]
        seen += numbers
    assert seen == list(range(20))


def test_paginate_cuts_a_block_too_long_for_a_page() -> None:
    """A block longer than a page is split; its buttons go with its last part."""
    huge = OutgoingMessage("<i>" + "kata " * 3000 + "</i>", ((Button("ok", "x"),),))
    pages = paginate("Judul", [huge], limit=1000)
    assert len(pages) > 1 and all(utf16_len(p.text) <= 1000 for p in pages)
    assert [p.buttons for p in pages][-1] == huge.buttons
    assert all(not p.buttons for p in pages[:-1])
