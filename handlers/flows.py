"""Multi-step conversations whose state lives in the database.

A feature registers step functions with :class:`FlowRouter`; the one catch-all message
handler looks up the user's stored state and calls the step for it. Because nothing
lives in process memory, a restart (or another instance behind a webhook) continues the
conversation where it was.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import timedelta
from enum import Flag, auto
from typing import Any

from telegram import Message
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    MessageHandler,
    filters,
)

from bot import conversations
from bot.callback_data import CallbackData
from bot.conversations import PAUSED, RESUME_STEP
from bot.messages import Button, OutgoingMessage
from bot.texts import t
from handlers.base import handler
from handlers.buttons import add_button
from handlers.context import BotContext, services_of
from handlers.flow_words import WordCommands
from handlers.request import Request
from storage.models import ConversationState
from storage.queries import audit, conversation

log = logging.getLogger(__name__)

EXPIRE_EVERY_SECONDS = 60  # idle conversations are looked for once a minute (one instance)
SKIP_MARK = "-"  # typed where a step offers to leave a value empty
StepFn = Callable[[Request, ConversationState], Awaitable[None]]


@dataclass(frozen=True)
class CancelFlow(CallbackData, prefix="flow-cancel"):
    """The Batal button under a step's hint: leave ``flow`` if the user is still in it."""

    flow: str


class Accepts(Flag):
    """What kind of message a conversation step takes."""

    TEXT = auto()
    CONTACT = auto()
    DOCUMENT = auto()
    PHOTO = auto()
    BUTTONS = auto()  # the step waits for a button press; typed messages re-show the hint
    ANY = TEXT | CONTACT | DOCUMENT | PHOTO


_EXPECT_KEY = {  # the most specific hint first: a contact step that also takes text
    Accepts.CONTACT: "common.expect_contact",
    Accepts.TEXT: "common.expect_text",
    Accepts.DOCUMENT: "common.expect_document",
    Accepts.BUTTONS: "common.expect_button",
}


@dataclass(frozen=True)
class Step:
    """One step of a conversation: its function, what it accepts and who may answer it."""

    fn: StepFn
    accepts: Accepts
    roles: frozenset[str] | None  # None: the conversation's roles
    reshow: bool = False  # after the hint for an unaccepted message, fn shows the step again
    hint: str | None = None  # text key for a message it does not accept (default by kind)


@dataclass
class FlowSpec:
    """One conversation: its steps, roles, and how it behaves when cancelled or idle."""

    name: str
    keeps_draft: bool = False
    resume_command: str = ""
    roles: frozenset[str] = frozenset()
    steps: dict[str, Step] = field(default_factory=dict)

    def on(
        self,
        step: str,
        fn: StepFn,
        *,
        accepts: Accepts,
        roles: Collection[str] | None = None,
        reshow: bool = False,
        hint: str | None = None,
    ) -> None:
        """Handle messages of users at ``step`` with ``fn``.

        With ``reshow`` a message the step does not accept gets the hint and then ``fn``,
        which shows the step's question again (e.g. a BUTTONS step re-sends its keyboard);
        ``hint`` replaces the default hint (chosen by what the step accepts).
        """
        step_roles = frozenset(roles) if roles is not None else None
        self.steps[step] = Step(fn, accepts, step_roles, reshow, hint)

    def roles_of(self, step: Step) -> frozenset[str]:
        """The roles a user needs to answer ``step`` (empty: anyone who reached it)."""
        return step.roles if step.roles is not None else self.roles


def accepted(message: Message | None, accepts: Accepts) -> bool:
    """True when ``message`` is of a kind the step takes."""
    if message is None:
        return False
    return bool(
        (Accepts.TEXT in accepts and message.text is not None)
        or (Accepts.CONTACT in accepts and message.contact is not None)
        or (Accepts.DOCUMENT in accepts and message.document is not None)
        or (Accepts.PHOTO in accepts and bool(message.photo))
        or (Accepts.ANY in accepts)
    )


class FlowRouter:
    """The project's conversation handler: maps (flow, step) to a declared step.

    Unlike PTB's ``ConversationHandler`` the state lives in the database (in the update's
    transaction), so a restart or another instance continues where the user was. Each
    step declares what it accepts and which roles it needs; the router checks both when
    the message arrives, before the step runs.
    """

    def __init__(self) -> None:
        self.flows: dict[str, FlowSpec] = {}
        self.document_without_flow: Callable[[Request], Awaitable[None]] | None = None
        self.words = WordCommands()

    def flow(
        self,
        name: str,
        *,
        keeps_draft: bool = False,
        resume_command: str = "",
        roles: Collection[str] = (),
    ) -> FlowSpec:
        """Declare a conversation (idempotent) and return its spec."""
        spec = self.flows.get(name)
        if spec is None:
            spec = self.flows[name] = FlowSpec(name, keeps_draft, resume_command, frozenset(roles))
        return spec

    def on(
        self,
        flow: str,
        step: str,
        fn: StepFn,
        *,
        accepts: Accepts,
        roles: Collection[str] | None = None,
        hint: str | None = None,
    ) -> None:
        """Handle messages of users at ``flow``/``step`` with ``fn``."""
        self.flow(flow).on(step, fn, accepts=accepts, roles=roles, hint=hint)

    async def dispatch(self, request: Request) -> None:
        """Route a non-command message to the step the user is at, after the checks."""
        state = await conversation.get_state(request.session, request.telegram_id)
        message = request.update.effective_message
        if await self._typed_word(request, state):
            return
        if state is None or state.step == PAUSED:
            if message is not None and message.document and self.document_without_flow:
                await self.document_without_flow(request)
                return
            request.reply_key("common.no_conversation")
            return
        spec = self.flows.get(state.flow)
        step = spec.steps.get(state.step) if spec else None
        if spec is None or step is None:
            log.warning("no step handler for %s/%s; clearing", state.flow, state.step)
            await request.clear_state()
            request.reply_key("common.no_conversation")
            return
        roles = spec.roles_of(step)
        if roles and not request.has_role(*roles):
            await audit.record(
                request.session,
                audit.actor_of(request.telegram_id),
                "access.denied",
                "step",
                f"{state.flow}/{state.step}",
            )
            await request.clear_state()
            request.reply_key("common.step_not_allowed")
            return
        if not accepted(message if isinstance(message, Message) else None, step.accepts):
            cancel = Button(request.t("common.btn_cancel"), CancelFlow(spec.name))
            hint = request.t(step.hint or _expect_key(step.accepts))
            request.send(OutgoingMessage(hint, ((cancel,),)))
            if step.reshow:
                await step.fn(request, state)
            return
        await step.fn(request, state)

    async def _typed_word(self, request: Request, state: ConversationState | None) -> bool:
        """Run the command a typed word stands for ("menu", "bantuan", "batal"); True if so."""
        waits_for_text = False
        if state is not None and state.step != PAUSED:
            spec = self.flows.get(state.flow)
            step = spec.steps.get(state.step) if spec else None
            waits_for_text = step is not None and Accepts.TEXT in step.accepts
        fn = self.words.command_for(message_text(request), waits_for_text)
        if fn is None:
            return False
        await fn(request)
        return True

    async def cancel(self, request: Request) -> bool:
        """Leave the current flow, keeping the draft where the flow wants; False if none."""
        state = await conversation.get_state(request.session, request.telegram_id)
        if state is None or state.step == PAUSED:
            return False
        spec = self.flows.get(state.flow)
        if spec is not None and spec.keeps_draft:
            await conversations.pause(request.session, state)
            request.reply_key("common.cancelled_draft_kept", command=spec.resume_command)
        else:
            await request.clear_state()
            request.reply_key("common.cancelled")
        return True


async def buttons_only(_request: Request, _state: ConversationState) -> None:
    """The function of a ``BUTTONS`` step: never called, typed input gets the step's hint."""


def _expect_key(accepts: Accepts) -> str:
    """The text key telling the user what the step expects."""
    for kind, key in _EXPECT_KEY.items():
        if kind in accepts:
            return key
    return "common.expect_text"


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
    # "👍", "🙏🙏", "..." answer no question; a lone "-" is the documented "none/skip" answer
    if text != SKIP_MARK and not any(ch.isalnum() for ch in text):
        request.reply_key("common.text_no_words")
        return None
    return text


def resume_step(state: ConversationState, default: str) -> str:
    """The step a paused draft should continue at."""
    step = state.data.get(RESUME_STEP) if state.step == PAUSED else state.step
    return str(step or default)


async def expire_idle_job(context: BotContext) -> None:
    """Time out idle conversations: tell the user, keep drafts where the flow does."""
    services = context.services
    every = timedelta(seconds=EXPIRE_EVERY_SECONDS)
    timeout = timedelta(minutes=services.settings.conversation_timeout_minutes)
    kept = {s.name: s.resume_command for s in services.flows.flows.values() if s.keeps_draft}
    expired = await conversations.expire_idle_tick(
        services.db, services.outbox.worker_id, every, timeout, kept
    )
    for item in expired:
        locale = item.locale or services.settings.default_locale
        if item.resume_command is not None:
            text = t(locale, "common.timeout_draft_kept", command=item.resume_command)
        else:
            text = t(locale, "common.timeout")
        await context.bot.send_message(item.telegram_id, text)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the catch-all input handler (last group) and the idle-timeout job."""
    router = services_of(app).flows

    @handler()
    async def flow_input_msg(request: Request) -> None:
        """Route any non-command private message to the user's current step."""
        await router.dispatch(request)

    async def cancel_flow_pressed(request: Request, data: CancelFlow) -> None:
        """The Batal button under a hint: leave that conversation, or say it already ended."""
        request.answer()
        state = await request.get_state()
        if state is None or state.flow != data.flow or not await router.cancel(request):
            request.reply_key("common.nothing_to_cancel")

    @handler(private_only=False)
    async def unknown_button_callback(request: Request) -> None:
        """Answer a button that no feature claims (old or forged) instead of leaving it spinning."""
        request.answer(request.t("common.stale_button"), alert=True)

    # Edited messages never answer the current step: only new messages reach the router.
    app.add_handler(
        MessageHandler(
            filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & ~filters.COMMAND,
            flow_input_msg,
        ),
        group=10,
    )
    add_button(app, CancelFlow, cancel_flow_pressed)
    # Group 0, added after every feature's handlers: only buttons nobody claimed reach it.
    app.add_handler(CallbackQueryHandler(unknown_button_callback))
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            expire_idle_job, interval=EXPIRE_EVERY_SECONDS, first=EXPIRE_EVERY_SECONDS,
            name="expire-idle",
        )  # fmt: skip
