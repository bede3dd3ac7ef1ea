"""Messages of the plan workflows to people other than the one acting.

Approvers, HR and employees are told through the outbox (``queue_message``): a row in
the caller's transaction with a dedup key, sent paced after commit, never twice. Each
text is rendered in the recipient's own language; ``now`` (the service clock) is when the
row becomes due, so the worker on the same clock sends it. A notice about one move can
carry buttons (``Keyboard``, labels in the recipient's language), e.g. HR's notice of an
objection or a question opens the move card in one tap (``open_move``).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import queue_message
from bot.messages import Button, OutgoingMessage
from bot.plans.buttons import AnswerQuestion, OpenMove
from bot.texts import t
from storage.queries.users import get_user, user_of_active_employee, users_with_role

# The buttons of a notice, given the recipient's locale.
Keyboard = Callable[[str], tuple[tuple[Button, ...], ...]]


def open_move(move_id: int) -> Keyboard:
    """One button that opens the move's card (HR only, checked when pressed)."""

    def keyboard(locale: str) -> tuple[tuple[Button, ...], ...]:
        """The button in ``locale``."""
        return ((Button(t(locale, "plans.btn_open_move", id=move_id), OpenMove(move_id)),),)

    return keyboard


def answer_or_open(question_id: int, move_id: int) -> Keyboard:
    """Answer the question, or open the move's card (HR only, checked when pressed)."""

    def keyboard(locale: str) -> tuple[tuple[Button, ...], ...]:
        """The two buttons in ``locale``."""
        answer = Button(t(locale, "plans.tanya_btn", id=question_id), AnswerQuestion(question_id))
        return ((answer,), *open_move(move_id)(locale))

    return keyboard


def esc(text: object) -> str:
    """Escape user text for HTML parse mode (``&``, ``<``, ``>``)."""
    return html.escape(str(text), quote=False)


async def employee_chat(
    session: AsyncSession, employee_id: int, default_locale: str
) -> tuple[int, str] | None:
    """(chat id, locale) of an active employee's linked Telegram account, or None."""
    user = await user_of_active_employee(session, employee_id)
    if user is None:
        return None
    return user.telegram_id, user.locale or default_locale


async def notify_role(
    session: AsyncSession,
    now: datetime,
    default_locale: str,
    role: str,
    dedup_key: str,
    text_key: str,
    *,
    exclude: int | None = None,
    keyboard: Keyboard | None = None,
    **params: object,
) -> int:
    """Queue a translated notice (with ``keyboard``'s buttons) to every holder of ``role`` but
    ``exclude`` (the officer who acted); return how many were queued."""
    queued = 0
    for chat_id in await users_with_role(session, role):
        if chat_id == exclude:
            continue
        user = await get_user(session, chat_id)
        locale = (user.locale if user else None) or default_locale
        buttons = keyboard(locale) if keyboard else ()
        message = OutgoingMessage(t(locale, text_key, **params), buttons)
        queued += await queue_message(session, chat_id, message, dedup_key, not_before=now)
    return queued


async def tell_employee(
    session: AsyncSession,
    now: datetime,
    default_locale: str,
    employee_id: int,
    dedup_key: str,
    text_key: str,
    **params: object,
) -> bool:
    """Queue a translated notice to an employee; False without a linked account or inactive."""
    target = await employee_chat(session, employee_id, default_locale)
    if target is None:
        return False
    chat_id, locale = target
    message = OutgoingMessage(t(locale, text_key, **params))
    await queue_message(session, chat_id, message, dedup_key, not_before=now)
    return True
