"""Follow-up with anonymity: "may BKPSDM contact you?" after an anonymous survey.

The question is sent after the survey answers were stored as waiting answers
(``handlers.surveys``); the employee's answer is its own update and transaction, and only a
"yes" stores anything: a named case in ``bot.followup.service``, with no link to the
answers. HR works the cases in /tindak_lanjut (``handlers.followup_cases``).
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.followup import service as cases
from bot.followup.buttons import AllowContact, DeclineContact
from bot.messages import Button, OutgoingMessage
from handlers import followup_cases
from handlers.buttons import add_button
from handlers.plans_common import wake_outbox
from handlers.request import Request

CONTACT_KEYS = {
    "opened": "followup.contact_opened",
    "already": "followup.contact_already",
    "refused": "followup.contact_refused",
}


def ask_contact(request: Request, participation_id: int) -> None:
    """After an anonymous survey: the separate, optional "may BKPSDM contact you?"."""
    buttons = (
        (Button(request.t("followup.btn_yes"), AllowContact(participation_id)),),
        (Button(request.t("followup.btn_no"), DeclineContact(participation_id)),),
    )
    request.send(OutgoingMessage(request.t("followup.ask_contact"), buttons))


async def allow_pressed(request: Request, data: AllowContact) -> None:
    """Yes: open a named case (once per round), apart from the answers."""
    request.answer()
    employee_id = request.employee.id if request.employee is not None else None
    settings = request.settings
    found = await cases.request_contact(
        request.session, request.now(), request.today(), request.telegram_id, employee_id,
        data.participation_id, due_days=settings.followup_due_days,
        default_locale=settings.default_locale,
    )  # fmt: skip
    if found.outcome == "opened":
        wake_outbox(request)
    request.edit_or_reply(request.t(CONTACT_KEYS[found.outcome]))


async def decline_pressed(request: Request, _data: DeclineContact) -> None:
    """No: nothing is stored."""
    request.answer()
    request.edit_or_reply(request.t("followup.contact_declined"))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the employee's contact buttons and HR's /tindak_lanjut."""
    add_button(app, AllowContact, allow_pressed, linked=True)
    add_button(app, DeclineContact, decline_pressed, linked=True)
    followup_cases.register(app)
