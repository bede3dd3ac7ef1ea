"""Long texts in chat: one page at a time with ‹ › buttons, or a first page and a file.

Splitting is ``bot.paging`` (at line ends, never inside a tag or an entity). A view that
can be rendered again (a list, a trail) is shown with :func:`show_page` and a typed page
button of its feature; a one-off text (an import report) goes out with :func:`send_long`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.callback_data import CallbackData
from bot.messages import Button, OutgoingMessage
from bot.paging import paginate, plain_text, split_html, split_text
from handlers.request import Request, inline_markup

PageTurn = Callable[[int], CallbackData]


def show_page(
    request: Request,
    pages: Sequence[OutgoingMessage],
    page: int,
    turn: PageTurn,
    *,
    edit: bool,
) -> None:
    """Page ``page`` (negative: from the end) with its position and ‹ › buttons.

    The page is edited in place when a page button was pressed (``edit``).
    """
    index = min(max(page + len(pages) if page < 0 else page, 0), len(pages) - 1)
    current = pages[index]
    message = current
    if len(pages) > 1:
        nav = []
        if index > 0:
            nav.append(Button(request.t("common.btn_prev"), turn(index - 1)))
        if index < len(pages) - 1:
            nav.append(Button(request.t("common.btn_next"), turn(index + 1)))
        position = request.t("paging.position", page=index + 1, pages=len(pages))
        message = OutgoingMessage(
            f"{current.text}\n\n{position}", (*current.buttons, tuple(nav)), current.parse_mode
        )
    if edit:
        request.edit_or_reply(message.text, inline_markup(message))
    else:
        request.send(message)


def show_blocks(
    request: Request,
    title: str,
    blocks: Sequence[OutgoingMessage],
    page: int,
    turn: PageTurn,
    *,
    edit: bool,
    separator: str = "\n\n",
) -> None:
    """Blocks (each with its own buttons) packed into pages under ``title``; see show_page."""
    show_page(request, paginate(title, blocks, separator=separator), page, turn, edit=edit)


def show_text(
    request: Request, message: OutgoingMessage, page: int, turn: PageTurn, *, edit: bool
) -> None:
    """A long text cut at line ends into pages, each with ``message``'s buttons; see show_page."""
    pages = [OutgoingMessage(text, message.buttons) for text in split_html(message.text)]
    show_page(request, pages, page, turn, edit=edit)


def send_long(request: Request, message: OutgoingMessage, filename: str) -> None:
    """``message`` when it fits; else its first page, a note, and the whole text as a file."""
    pages = split_text(message.text, message.parse_mode)
    if len(pages) == 1:
        request.send(message)
        return
    note = request.t("paging.in_document")
    if message.parse_mode != "HTML":
        note = plain_text(note)
    request.send(OutgoingMessage(f"{pages[0]}\n\n{note}", message.buttons, message.parse_mode))
    whole = plain_text(message.text) if message.parse_mode == "HTML" else message.text
    request.send_document(whole.encode("utf-8"), filename)
