"""Choosing the employee of a move from what HR typed: a paged list, never a guess.

Only an exact NIP picks the employee at once (``bot.plans.service_moves.find_employees``);
anything else lists the matches with name, masked NIP, unit and position, as buttons,
paged. The list is kept in the conversation draft, so a page turn or a press after a
restart shows the same people, and a press of an older list is refused.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from telegram.ext import Application

from bot.messages import Button, OutgoingMessage
from bot.plans import buttons as b
from bot.plans.service_moves import PersonChoice
from handlers.buttons import add_button
from handlers.flows import CancelFlow
from handlers.plans_common import EMPLOYEE, FLOW, HR, esc
from handlers.request import Request, inline_markup

PAGE = 5
CHOICES = "choices"


def cancel_button(request: Request) -> Button:
    """The Batal button of the plan conversation."""
    return Button(request.t("common.btn_cancel"), CancelFlow(FLOW))


def not_found(request: Request, query: str) -> None:
    """Nobody matches: say so and wait for another NIP or name (or Batal)."""
    text = request.t("plans.emp_not_found", query=esc(query[:60]))
    request.send(OutgoingMessage(text, ((cancel_button(request),),)))


async def offer(
    request: Request, draft: dict[str, Any], query: str, choices: tuple[PersonChoice, ...]
) -> None:
    """Keep the matches in the draft and show their first page."""
    draft = {**draft, CHOICES: [asdict(c) for c in choices], "emp_query": query[:60]}
    await request.set_state(FLOW, EMPLOYEE, draft)
    request.send(_page(request, draft, 0))


def offered(draft: dict[str, Any], employee_id: int) -> bool:
    """True when ``employee_id`` is one of the people offered in this draft."""
    return any(int(c["id"]) == employee_id for c in draft.get(CHOICES) or [])


def _page(request: Request, draft: dict[str, Any], page: int) -> OutgoingMessage:
    """One page of the offered people: a line and a button each, page turners, Batal."""
    choices = list(draft.get(CHOICES) or [])
    pages = max(1, -(-len(choices) // PAGE))
    page = min(max(page, 0), pages - 1)
    first = page * PAGE
    shown = choices[first : first + PAGE]
    lines = [
        request.t(
            "plans.emp_pick", count=len(choices), query=esc(draft.get("emp_query", "")),
            page=page + 1, pages=pages,
        )
    ]  # fmt: skip
    buttons: list[tuple[Button, ...]] = []
    for n, c in enumerate(shown, start=first + 1):
        lines.append(
            request.t(
                "plans.emp_choice", n=n, name=esc(c["name"]), nip=c["nip"], unit=esc(c["unit"]),
                position=esc(c["position"]),
            )
        )  # fmt: skip
        buttons.append((Button(f"{n}. {c['name']}"[:60], b.PickEmployee(int(c["id"]))),))
    nav = []
    if page > 0:
        nav.append(Button(request.t("common.btn_prev"), b.PickEmployeePage(page - 1)))
    if page + 1 < pages:
        nav.append(Button(request.t("common.btn_next"), b.PickEmployeePage(page + 1)))
    buttons += [tuple(nav), (cancel_button(request),)] if nav else [(cancel_button(request),)]
    return OutgoingMessage("\n".join(lines), tuple(buttons))


async def page_pressed(request: Request, data: b.PickEmployeePage) -> None:
    """Turn a page of the offered people (only while HR is still choosing)."""
    request.answer()
    state = await request.get_state()
    if state is None or (state.flow, state.step) != (FLOW, EMPLOYEE) or CHOICES not in state.data:
        request.reply_key("plans.emp_list_stale")
        return
    message = _page(request, dict(state.data), data.page)
    request.edit_or_reply(message.text, inline_markup(message))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the page turner of the people list (HR only)."""
    add_button(app, b.PickEmployeePage, page_pressed, roles=HR)
