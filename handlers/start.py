"""Registration: /start, consent (UU PDP), contact sharing or invite code, then the menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove
from telegram.ext import Application

from bot.callback_data import CallbackData
from bot.messages import Button, OutgoingMessage, rows
from bot.registration import service as registration
from bot.registration.invites import pending_invite
from bot.registration.service import (
    CONSENT_STEP,
    CONTACT_STEP,
    FLOW,
    INVITE_HASH,
    Linked,
    Refusal,
    Refused,
)
from handlers.buttons import add_button
from handlers.commands import add_command, sync_user_menu
from handlers.context import services_of
from handlers.flows import Accepts
from handlers.menu import show_main_menu
from handlers.request import Request
from storage.models import ConversationState

REFUSAL_KEYS: dict[Refusal, str] = {
    "not_own_contact": "reg.not_own_contact",
    "foreign_phone": "reg.foreign_phone",
    "unknown_phone": "reg.unknown_phone",
    "ambiguous_phone": "reg.ambiguous_phone",
    "invite_unknown": "reg.invite_unknown",
    "invite_expired": "reg.invite_expired",
    "invite_used": "reg.invite_used",
    "invite_already_linked": "reg.invite_already_linked",
}


@dataclass(frozen=True)
class ConsentAnswer(CallbackData, prefix="registration-consent"):
    """The answer to the data-processing consent question."""

    answer: Literal["yes", "no"]


async def start_cmd(request: Request) -> None:
    """Greet the user and walk them through consent and linking."""
    code = request.context.args[0] if request.context.args else None
    if request.employee is not None:
        if code:
            request.reply_key("reg.already_linked")
        sync_user_menu(request)
        show_main_menu(request)
        return
    if _refuse_locked(request):
        return
    data = {INVITE_HASH: pending_invite(code)} if code else {}  # never the plain code
    if request.user.consent_at is None:
        await request.set_state(FLOW, CONSENT_STEP, data)
        request.reply_key("reg.welcome")
        request.send(_consent_question(request))
        return
    await _continue_after_consent(request, data)


def _consent_question(request: Request) -> OutgoingMessage:
    """The consent question with its two answers."""
    return OutgoingMessage(
        request.t("reg.consent"),
        rows(
            [Button(request.t("reg.consent_yes"), ConsentAnswer("yes"))],
            [Button(request.t("reg.consent_no"), ConsentAnswer("no"))],
        ),
    )


async def consent_pressed(request: Request, data: ConsentAnswer) -> None:
    """Record the answer to the data-processing consent question."""
    request.answer()
    if request.employee is not None:
        show_main_menu(request)
        return
    if data.answer != "yes":
        await request.clear_state()
        request.edit_or_reply(request.t("reg.consent_declined"))
        return
    await registration.record_consent(request.session, request.now(), request.user)
    request.edit_or_reply(request.t("reg.consent_thanks"))
    state = await request.get_state()
    draft = dict(state.data) if state is not None and state.flow == FLOW else {}
    await _continue_after_consent(request, draft)


async def consent_again_step(request: Request, state: ConversationState) -> None:
    """Show the consent question again (the step waits for its buttons)."""
    request.send(_consent_question(request))


async def _continue_after_consent(request: Request, data: dict[str, Any]) -> None:
    """Redeem an invite code when one came with /start, otherwise ask for the contact."""
    if INVITE_HASH in data:
        result = await registration.link_by_invite_hash(
            request.session, request.now(), request.settings, request.user, str(data[INVITE_HASH])
        )
        await _show_link_result(request, result)
        if isinstance(result, Refused):
            await request.set_state(FLOW, CONTACT_STEP, {})
        return
    await request.set_state(FLOW, CONTACT_STEP, {})
    button = KeyboardButton(request.t("reg.share_contact_button"), request_contact=True)
    request.reply(
        request.t("reg.ask_contact"),
        ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True),
    )


async def contact_step(request: Request, state: ConversationState) -> None:
    """Check a shared contact and link the roster row with the same phone."""
    if _refuse_locked(request):
        return
    message = request.update.effective_message
    contact = message.contact if message is not None else None
    if contact is None:
        request.reply_key("reg.press_contact_button")
        return
    result = await registration.link_by_contact(
        request.session,
        request.now(),
        request.settings,
        request.user,
        contact.user_id,
        contact.phone_number,
    )
    await _show_link_result(request, result)


async def _show_link_result(request: Request, result: Linked | Refused) -> None:
    """Welcome a linked user with the main menu, or say why linking failed."""
    if isinstance(result, Linked):
        request.employee = result.employee
        await request.clear_state()
        request.reply(request.t("reg.linked", name=result.employee.name), ReplyKeyboardRemove())
        show_main_menu(request)
        return
    key = REFUSAL_KEYS[result.reason]
    if result.locked_minutes is None:
        request.reply_key(key)
        return
    await request.clear_state()
    request.reply(request.t(key), ReplyKeyboardRemove())
    request.reply_key("reg.locked", minutes=result.locked_minutes)


def _refuse_locked(request: Request) -> bool:
    """Refuse while the user is locked out after too many failed attempts."""
    minutes = registration.lock_minutes_left(request.user, request.now())
    if minutes is None:
        return False
    request.reply_key("reg.locked", minutes=minutes)
    return True


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /start, the consent buttons and the registration steps."""
    add_command(app, "start", start_cmd, linked=False, description_key="cmd.start")
    add_button(app, ConsentAnswer, consent_pressed)
    flow = services_of(app).flows.flow(FLOW)
    flow.on(CONSENT_STEP, consent_again_step, accepts=Accepts.BUTTONS, reshow=True)
    flow.on(CONTACT_STEP, contact_step, accepts=Accepts.CONTACT | Accepts.TEXT)
