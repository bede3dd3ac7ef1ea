"""Registration: /start, consent (UU PDP), contact sharing or invite code, then the menu."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove
from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.registration.invites import InviteError, redeem_invite
from bot.roster.validation import normalize_phone
from handlers.base import handler
from handlers.commands import add_command, sync_user_menu
from handlers.menu import show_main_menu
from handlers.request import Request, keyboard
from storage.models import ConversationState, Employee, utcnow
from storage.queries import audit
from storage.queries.conversation import get_state
from storage.queries.employees import find_unlinked_employees_by_phone

FLOW = "registration"
INVITE_ERROR_KEYS = {
    "unknown": "reg.invite_unknown",
    "expired": "reg.invite_expired",
    "used": "reg.invite_used",
    "already_linked": "reg.invite_already_linked",
}


async def start_cmd(request: Request) -> None:
    """Greet the user and walk them through consent and linking."""
    code = request.context.args[0] if request.context.args else None
    if request.employee is not None:
        if code:
            request.reply_key("reg.already_linked")
        sync_user_menu(request)
        show_main_menu(request)
        return
    if _locked(request):
        return
    data = {"invite_code": code} if code else {}
    if request.user.consent_at is None:
        await request.set_state(FLOW, "consent", data)
        request.reply_key("reg.welcome")
        request.reply(
            request.t("reg.consent"),
            keyboard(
                [
                    [(request.t("reg.consent_yes"), cb.build("reg", "consent", "yes"))],
                    [(request.t("reg.consent_no"), cb.build("reg", "consent", "no"))],
                ]
            ),
        )
        return
    await _continue_after_consent(request, data)


async def consent_callback(request: Request) -> None:
    """Record the answer to the data-processing consent question."""
    choice = request.button()
    request.answer()
    if request.employee is not None:
        show_main_menu(request)
        return
    if choice.arg(0) != "yes":
        await request.clear_state()
        request.edit_or_reply(request.t("reg.consent_declined"))
        return
    request.user.consent_at = utcnow()
    await audit.record(
        request.session, audit.actor_of(request.telegram_id), "consent.given", "user"
    )
    request.edit_or_reply(request.t("reg.consent_thanks"))
    state = await get_state(request.session, request.telegram_id)
    data = dict(state.data) if state is not None and state.flow == FLOW else {}
    await _continue_after_consent(request, data)


async def _continue_after_consent(request: Request, data: dict[str, Any]) -> None:
    """Redeem an invite code when one came with /start, otherwise ask for the contact."""
    code = data.get("invite_code")
    if code:
        await _redeem(request, str(code))
        return
    await request.set_state(FLOW, "contact", {})
    button = KeyboardButton(request.t("reg.share_contact_button"), request_contact=True)
    request.reply(
        request.t("reg.ask_contact"),
        ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True),
    )


async def _redeem(request: Request, code: str) -> None:
    """Link the user through a one-time invite code."""
    try:
        employee = await redeem_invite(request.session, code, request.telegram_id, utcnow())
    except InviteError as exc:
        await _failed_attempt(request, INVITE_ERROR_KEYS[exc.reason])
        await request.set_state(FLOW, "contact", {})
        return
    await _link(request, employee, "invite")


async def contact_step(request: Request, state: ConversationState) -> None:
    """Check a shared contact and link the roster row with the same phone."""
    message = request.update.effective_message
    contact = message.contact if message is not None else None
    if contact is None:
        request.reply_key("reg.press_contact_button")
        return
    if contact.user_id != request.telegram_id:
        await _failed_attempt(request, "reg.not_own_contact")
        return
    phone = normalize_phone(contact.phone_number)
    matches = await find_unlinked_employees_by_phone(request.session, phone) if phone else []
    if len(matches) != 1:
        await _failed_attempt(
            request, "reg.unknown_phone" if not matches else "reg.ambiguous_phone"
        )
        return
    await _link(request, matches[0], "contact")


async def _link(request: Request, employee: Employee, method: str) -> None:
    """Link the Telegram account to ``employee`` and show the main menu."""
    request.user.employee_id = employee.id
    request.user.linked_at = utcnow()
    request.user.failed_link_attempts = 0
    request.employee = employee
    await request.session.flush()
    await request.clear_state()
    await audit.record(
        request.session,
        audit.actor_of(request.telegram_id),
        "account.linked",
        "employee",
        employee.id,
        method=method,
    )
    request.reply(request.t("reg.linked", name=employee.name), ReplyKeyboardRemove())
    show_main_menu(request)


async def _failed_attempt(request: Request, reason_key: str) -> None:
    """Count a failed linking attempt, lock after too many, and say what to do next."""
    user, settings = request.user, request.settings
    user.failed_link_attempts += 1
    await audit.record(
        request.session,
        audit.actor_of(request.telegram_id),
        "account.link_failed",
        "user",
        reason=reason_key,
    )
    if user.failed_link_attempts >= settings.max_failed_link_attempts:
        user.locked_until = utcnow() + timedelta(minutes=settings.link_lockout_minutes)
        user.failed_link_attempts = 0
        await request.clear_state()
        request.reply(request.t(reason_key), ReplyKeyboardRemove())
        request.reply_key("reg.locked", minutes=settings.link_lockout_minutes)
        return
    request.reply_key(reason_key)


def _locked(request: Request) -> bool:
    """Refuse while the user is locked out after too many failed attempts."""
    until = request.user.locked_until
    if until is not None and until > utcnow():
        minutes = max(1, int((until - utcnow()).total_seconds() // 60) + 1)
        request.reply_key("reg.locked", minutes=minutes)
        return True
    return False


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /start, the consent buttons and the contact step."""
    add_command(app, "start", start_cmd, description_key="cmd.start", linked=False)
    app.add_handler(CallbackQueryHandler(handler()(consent_callback), pattern=cb.pattern("reg")))
    flows = app.bot_data["services"].flows
    flows.on(FLOW, "contact", _guard_locked(contact_step))
    flows.on(FLOW, "consent", consent_pending_step)


async def consent_pending_step(request: Request, state: ConversationState) -> None:
    """Remind the user to answer the consent question with its buttons."""
    request.reply_key("reg.press_consent")


def _guard_locked(fn: Any) -> Any:
    """Wrap a registration step so that locked-out users are refused first."""

    async def step(request: Request, state: ConversationState) -> None:
        if not _locked(request):
            await fn(request, state)

    return step
