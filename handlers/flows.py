"""Multi-step conversations whose state lives in the database.

A feature registers step functions with :class:`FlowRouter`; the one catch-all message
handler looks up the user's stored state and calls the step for it. Because nothing
lives in process memory, a restart (or another instance behind a webhook) continues the
conversation where it was.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message
from telegram.ext import (
    Application,
    CallbackContext,
    CallbackQueryHandler,
    MessageHandler,
    filters,
)

from bot.config import Settings
from bot.texts import t
from handlers.base import handler
from handlers.request import Request
from storage.models import ConversationState, utcnow
from storage.queries import conversation
from storage.queries.users import get_user

log = logging.getLogger(__name__)

PAUSED = "paused"
StepFn = Callable[[Request, ConversationState], Awaitable[None]]


@dataclass
class FlowSpec:
    """How one flow behaves when it is cancelled or idle."""

    name: str
    keeps_draft: bool = False
    resume_command: str = ""
    steps: dict[str, StepFn] = field(default_factory=dict)


class FlowRouter:
    """Maps (flow, step) to the function that handles the user's next message."""

    def __init__(self) -> None:
        self.flows: dict[str, FlowSpec] = {}
        self.document_without_flow: Callable[[Request], Awaitable[None]] | None = None

    def flow(self, name: str, *, keeps_draft: bool = False, resume_command: str = "") -> FlowSpec:
        """Declare a flow (idempotent) and return its spec."""
        spec = self.flows.get(name)
        if spec is None:
            spec = self.flows[name] = FlowSpec(name, keeps_draft, resume_command)
        return spec

    def on(self, flow: str, step: str, fn: StepFn) -> None:
        """Handle messages of users at ``flow``/``step`` with ``fn``."""
        self.flow(flow).steps[step] = fn

    async def dispatch(self, request: Request) -> None:
        """Route a non-command message to the step the user is at."""
        state = await conversation.get_state(request.session, request.telegram_id)
        if state is None or state.step == PAUSED:
            message = request.update.effective_message
            if message is not None and message.document and self.document_without_flow:
                await self.document_without_flow(request)
                return
            request.reply_key("common.no_conversation")
            return
        spec = self.flows.get(state.flow)
        fn = spec.steps.get(state.step) if spec else None
        if fn is None:
            log.warning("no step handler for %s/%s; clearing", state.flow, state.step)
            await request.clear_state()
            request.reply_key("common.no_conversation")
            return
        await fn(request, state)

    async def cancel(self, request: Request) -> bool:
        """Leave the current flow, keeping the draft where the flow wants; False if none."""
        state = await conversation.get_state(request.session, request.telegram_id)
        if state is None or state.step == PAUSED:
            return False
        spec = self.flows.get(state.flow)
        if spec is not None and spec.keeps_draft:
            data = dict(state.data)
            data["_resume_step"] = state.step
            await request.set_state(state.flow, PAUSED, data)
            request.reply_key("common.cancelled_draft_kept", command=spec.resume_command)
        else:
            await request.clear_state()
            request.reply_key("common.cancelled")
        return True


def message_text(request: Request) -> str | None:
    """The text of the incoming message, or None for non-text messages."""
    message = request.update.effective_message
    return message.text if isinstance(message, Message) and message.text is not None else None


def expect_text(request: Request, *, max_len: int, min_len: int = 1) -> str | None:
    """Return the stripped text input, or reply what is wrong and return None."""
    text = message_text(request)
    if text is None:
        request.reply_key("common.expect_text")
        return None
    text = text.strip()
    if len(text) < min_len:
        request.reply_key("common.text_empty")
        return None
    if len(text) > max_len:
        request.reply_key("common.text_too_long", limit=max_len, length=len(text))
        return None
    return text


def resume_step(state: ConversationState, default: str) -> str:
    """The step a paused draft should continue at."""
    step = state.data.get("_resume_step") if state.step == PAUSED else state.step
    return str(step or default)


async def expire_idle_job(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Time out idle conversations: tell the user, keep drafts where the flow does."""
    services = context.application.bot_data["services"]
    router: FlowRouter = services.flows
    timeout = timedelta(minutes=services.settings.conversation_timeout_minutes)
    notices: list[tuple[int, str]] = []
    async with services.db.transaction() as session:
        for state in await conversation.idle_states(session, utcnow() - timeout, (PAUSED,)):
            spec = router.flows.get(state.flow)
            user_locale = await _locale_of(session, state.telegram_id, services.settings)
            if spec is not None and spec.keeps_draft:
                data = dict(state.data)
                data["_resume_step"] = state.step
                await conversation.set_state(session, state.telegram_id, state.flow, PAUSED, data)
                text = t(user_locale, "common.timeout_draft_kept", command=spec.resume_command)
            else:
                await conversation.clear_state(session, state.telegram_id)
                text = t(user_locale, "common.timeout")
            notices.append((state.telegram_id, text))
    for chat_id, text in notices:
        await context.bot.send_message(chat_id, text)


async def _locale_of(session: AsyncSession, telegram_id: int, settings: Settings) -> str:
    """The stored locale of a user, or the default."""
    user = await get_user(session, telegram_id)
    return (user.locale if user else None) or settings.default_locale


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the catch-all input handler (last group) and the idle-timeout job."""
    router: FlowRouter = app.bot_data["services"].flows

    @handler()
    async def flow_input_msg(request: Request) -> None:
        """Route any non-command private message to the user's current step."""
        await router.dispatch(request)

    @handler(private_only=False)
    async def unknown_button_callback(request: Request) -> None:
        """Answer a button that no feature claims (old or forged) instead of leaving it spinning."""
        request.answer(request.t("common.stale_button"), alert=True)

    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & ~filters.COMMAND, flow_input_msg), group=10
    )
    # Group 0, added after every feature's handlers: only buttons nobody claimed reach it.
    app.add_handler(CallbackQueryHandler(unknown_button_callback))
    if app.job_queue is not None:
        app.job_queue.run_repeating(expire_idle_job, interval=60, first=60, name="expire-idle")
