"""The one wrapper every feature callback goes through.

It opens the update's transaction (``Database.transaction``), loads the user, roles and
locale, enforces private chats, registration and roles *at the moment the update runs*
(buttons included, since callback data can be forged), then sends the queued replies
after commit.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Collection, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, CallbackContext

from bot.callback_data import CallbackDataError
from bot.conversations import user_locale
from bot.texts import t
from handlers.context import services_of
from handlers.request import Request
from storage.db import Session
from storage.queries import audit, users

log = logging.getLogger(__name__)

Callback = Callable[[Update, CallbackContext[Any, Any, Any, Any]], Coroutine[Any, Any, None]]
Feature = Callable[[Request], Awaitable[None]]


@dataclass(frozen=True)
class Guard:
    """Who may run a feature function: roles, registration, chat kind."""

    roles: frozenset[str] = frozenset()
    linked: bool = False
    private_only: bool = True


def handler(
    *,
    roles: Collection[str] = (),
    linked: bool = False,
    private_only: bool = True,
) -> Callable[[Feature], Callback]:
    """Wrap a feature function ``fn(request)`` into a PTB callback with all checks."""
    guard = Guard(frozenset(roles), linked, private_only)

    def decorate(fn: Feature) -> Callback:
        @functools.wraps(fn)
        async def callback(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
            if not await _admitted(update, context, guard):
                return
            tg_user = update.effective_user
            assert tg_user is not None
            services = services_of(context.application)
            async with services.db.transaction(serialize_key=tg_user.id) as session:
                request = await _load_request(update, context, session)
                await _run_checked(request, fn, guard)
            await request.flush_deferred()

        return callback

    return decorate


async def _admitted(
    update: Update, context: CallbackContext[Any, Any, Any, Any], guard: Guard
) -> bool:
    """Checks before any database work: a sender, a private chat, and the sender's own chat."""
    tg_user, chat = update.effective_user, update.effective_chat
    if tg_user is None or chat is None:
        return False
    locale = services_of(context.application).settings.default_locale
    if guard.private_only and chat.type != ChatType.PRIVATE:
        await _point_to_private_chat(update, context, locale)
        return False
    if chat.type == ChatType.PRIVATE and chat.id != tg_user.id:
        log.warning("refused a private-chat update whose chat differs from its sender")
        if update.callback_query is not None:
            await update.callback_query.answer(t(locale, "common.not_allowed"), show_alert=True)
        return False
    return True


async def _load_request(
    update: Update, context: CallbackContext[Any, Any, Any, Any], session: Session
) -> Request:
    """The user, linked employee, roles and locale of the update, loaded now."""
    tg_user = update.effective_user
    assert tg_user is not None
    settings = services_of(context.application).settings
    user, employee, user_roles = await users.load_identity(session, tg_user.id)
    return Request(
        update=update,
        context=context,
        session=session,
        settings=settings,
        user=user,
        employee=employee,
        roles=user_roles,
        locale=user.locale or settings.default_locale,
    )


async def _run_checked(request: Request, fn: Feature, guard: Guard) -> None:
    """Run ``fn`` when the user is active, holds a role and is registered as required."""
    if request.inactive:
        request.answer()
        request.reply_key("common.inactive")
    elif guard.roles and not request.has_role(*guard.roles):
        actor = audit.actor_of(request.telegram_id)
        await audit.record(request.session, actor, "access.denied", "handler", fn.__name__)
        request.answer(request.t("common.not_allowed"), alert=True)
    elif guard.linked and request.employee is None and not guard.roles:
        request.answer()
        request.reply_key("common.register_first")
    else:
        try:
            await fn(request)
        except CallbackDataError:
            request.deferred.clear()
            request.answer(request.t("common.stale_button"), alert=True)


async def _point_to_private_chat(
    update: Update, context: CallbackContext[Any, Any, Any, Any], locale: str
) -> None:
    """In groups the bot only points people to a private chat."""
    message = update.effective_message
    if update.callback_query is not None:
        await update.callback_query.answer(t(locale, "common.private_only"), show_alert=True)
    elif message is not None:
        await message.reply_text(
            t(locale, "common.private_only_link", username=context.bot.username)
        )


async def error_callback(update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Log the error (no message text or personal data) and tell the user what to do."""
    log.error("update failed: %s", type(context.error).__name__, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        services = services_of(context.application)
        locale: str = services.settings.default_locale
        if update.effective_user is not None:
            async with services.db.transaction() as session:
                locale = await user_locale(session, update.effective_user.id) or locale
        await context.bot.send_message(update.effective_chat.id, t(locale, "common.error"))


def too_many_messages_notice(
    app: Application[Any, Any, Any, Any, Any, Any],
) -> Callable[[Update], Awaitable[None]]:
    """The processor's answer to a user whose update queue is full (once per burst)."""

    async def notify(update: Update) -> None:
        """Tell the sender to wait a moment; in their Telegram language when it is English."""
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None or chat.type != ChatType.PRIVATE:
            return
        code = (user.language_code or "").lower()
        locale = "en" if code.startswith("en") else services_of(app).settings.default_locale
        try:
            await app.bot.send_message(chat.id, t(locale, "common.too_many_messages"))
        except TelegramError as exc:
            log.warning("could not send the too-many-messages notice: %s", type(exc).__name__)

    return notify
