"""The per-update request: session, user, roles, locale, texts and deferred replies.

Replies are queued while the handler runs and sent only after the transaction has
committed, so a failed update sends nothing and the database lock is never held while
waiting for Telegram.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, RetryAfter
from telegram.ext import CallbackContext

from bot.config import Settings
from bot.messages import OutgoingMessage
from bot.paging import TELEGRAM_LIMIT, fits, split_text
from bot.texts import t
from bot.update_processor import outside_slot
from storage.db import Session
from storage.models import BotUser, ConversationState, Employee
from storage.queries import conversation

if TYPE_CHECKING:
    from handlers.context import Services
    from storage.models import ConversationState

REPLY_RETRIES = 3
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None
Deferred = Callable[[], Awaitable[Any]]


@dataclass
class Request:
    """Everything a feature handler needs about the update it is answering."""

    update: Update
    context: CallbackContext[Any, Any, Any, Any]
    session: Session
    settings: Settings
    user: BotUser
    employee: Employee | None
    roles: frozenset[str]
    locale: str
    deferred: list[Deferred] = field(default_factory=list)
    _answer: Deferred | None = field(default=None, init=False, repr=False)
    _answer_args: tuple[str | None, bool] = field(default=(None, False), init=False, repr=False)

    @property
    def telegram_id(self) -> int:
        """The sender's Telegram id."""
        return self.user.telegram_id

    @property
    def chat_id(self) -> int:
        """The chat the update came from."""
        chat = self.update.effective_chat
        assert chat is not None
        return chat.id

    @property
    def services(self) -> Services:
        """The application's typed service container."""
        from handlers.context import services_of

        return services_of(self.context.application)

    def now(self) -> datetime:
        """The current time (UTC) from the one service clock."""
        return self.services.clock.now()

    def today(self) -> date:
        """Today's date in the configured local time zone."""
        return self.now().astimezone(self.settings.tz).date()

    @property
    def inactive(self) -> bool:
        """True for a linked employee marked inactive (left the roster) without an office role."""
        return self.employee is not None and not self.employee.active and not self.roles

    def has_role(self, *roles: str) -> bool:
        """True when the user holds any of ``roles``."""
        return bool(self.roles.intersection(roles))

    def t(self, key: str, /, **params: object) -> str:
        """Translate ``key`` into the user's language."""
        return t(self.locale, key, **params)

    def later(self, action: Deferred) -> None:
        """Run ``action`` after the transaction commits (in order with replies)."""
        self.deferred.append(action)

    def send(self, message: OutgoingMessage) -> None:
        """Send a message value (text, parse mode, buttons) to the user's chat after commit."""
        self.reply(message.text, inline_markup(message), html=message.parse_mode == "HTML")

    def reply(self, text: str, markup: Markup = None, *, html: bool = True) -> None:
        """Send ``text`` to the user's chat after commit.

        A text too long for one message goes out as several, cut at line ends (never inside
        a tag); the buttons come with the last. Views that can be shown again page by page
        use ``handlers.paging`` instead.
        """
        bot, chat_id = self.context.bot, self.chat_id
        mode = ParseMode.HTML if html else None
        pages = split_text(text, mode, TELEGRAM_LIMIT)
        for n, page in enumerate(pages, start=1):
            keys = markup if n == len(pages) else None

            async def send(page: str = page, keys: Markup = keys) -> Message:
                return await bot.send_message(chat_id, page, reply_markup=keys, parse_mode=mode)

            self.later(send)

    def reply_key(self, key: str, markup: Markup = None, /, **params: object) -> None:
        """Reply with the translated text of ``key``."""
        self.reply(self.t(key, **params), markup)

    def edit_or_reply(self, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
        """Edit the message whose button was pressed, or send a new one."""
        query = self.update.callback_query
        message = query.message if query else None
        if not isinstance(message, Message) or not fits(text):
            self.reply(text, markup)
            return

        async def edit() -> None:
            try:
                await message.edit_text(text, reply_markup=markup, parse_mode=ParseMode.HTML)
            except BadRequest as exc:
                if "not modified" not in str(exc).lower():
                    raise

        self.later(edit)

    def answer(self, text: str | None = None, *, alert: bool = False) -> None:
        """Answer the pressed button (a toast, or an alert).

        Telegram accepts one answer per press: a later call only replaces the text of the
        answer already queued (a call without text keeps it).
        """
        query = self.update.callback_query
        if query is None:
            if text:
                self.reply(text)
            return
        queued = self._answer in self.deferred
        if not queued or text:
            self._answer_args = (text, alert)
        if queued:
            return

        async def answer() -> None:
            await query.answer(self._answer_args[0], show_alert=self._answer_args[1])

        self._answer = answer
        self.later(answer)

    def send_document(self, data: bytes, filename: str, caption: str | None = None) -> None:
        """Send a file to the user's chat after commit."""
        bot, chat_id = self.context.bot, self.chat_id

        async def send() -> Message:
            return await bot.send_document(
                chat_id, InputFile(data, filename=filename), caption=caption
            )

        self.later(send)

    def send_photo(self, data: bytes, filename: str, caption: str | None = None) -> None:
        """Send a picture (e.g. a chart) to the user's chat after commit."""
        bot, chat_id = self.context.bot, self.chat_id

        async def send() -> Message:
            return await bot.send_photo(
                chat_id, InputFile(data, filename=filename), caption=caption
            )

        self.later(send)

    def typing(self, action: str = ChatAction.TYPING) -> None:
        """Show 'typing…' (or another chat action) right away."""
        bot, chat_id = self.context.bot, self.chat_id

        async def act() -> None:
            await bot.send_chat_action(chat_id, action)

        self.deferred.insert(0, act)

    async def get_state(self) -> ConversationState | None:
        """The user's stored conversation state, if any."""
        return await conversation.get_state(self.session, self.telegram_id)

    async def set_state(self, flow: str, step: str, data: dict[str, Any] | None = None) -> None:
        """Move the user to ``flow``/``step`` keeping ``data`` as the draft."""
        await conversation.set_state(self.session, self.telegram_id, flow, step, data or {})

    async def clear_state(self) -> None:
        """Leave any conversation."""
        await conversation.clear_state(self.session, self.telegram_id)

    async def flush_deferred(self) -> None:
        """Run the queued replies in order (called by the handler wrapper after commit).

        A 429 is waited out with the update's concurrency slot given back (the user's own
        order is kept), then the same reply is retried.
        """
        for action in self.deferred:
            for attempt in range(REPLY_RETRIES + 1):
                try:
                    await action()
                    break
                except RetryAfter as exc:
                    if attempt == REPLY_RETRIES:
                        raise
                    async with outside_slot():
                        await asyncio.sleep(retry_seconds(exc))
        self.deferred.clear()


def escape_html(text: object) -> str:
    """Escape user text for HTML parse mode (``&``, ``<``, ``>``)."""
    return html.escape(str(text), quote=False)


def retry_seconds(exc: RetryAfter) -> float:
    """Seconds Telegram asked to wait (``retry_after`` is an int or a timedelta)."""
    value: Any = exc.retry_after
    return float(value.total_seconds() if hasattr(value, "total_seconds") else value)


def inline_markup(message: OutgoingMessage) -> InlineKeyboardMarkup | None:
    """The Telegram keyboard of a message value, or None without buttons."""
    data = message.markup_dict()
    return InlineKeyboardMarkup.de_json(data, None) if data else None


def keyboard(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    """Build an inline keyboard from rows of (label, callback_data)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )
