"""Button actions of the employee aspiration conversation: one per step callback."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot import callback_data as cb
from bot.aspirations import draft as d
from bot.aspirations.rules import (
    employee_may_edit,
    reference_number,
    transition,
)
from handlers import aspirations_steps as steps
from handlers.aspirations_common import (
    now_of,
    refuse_no_window,
    status_label,
    window_open,
)
from handlers.flows import PAUSED
from handlers.request import Request
from storage.models import Aspiration, AspirationWindow
from storage.queries import aspirations as q
from storage.queries import audit

FLOW = steps.FLOW
Action = Callable[[Request, d.Draft, cb.LegacyCallbackData], Awaitable[str | None]]


async def _go(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """Eligibility read: continue to the kind of move."""
    return d.KIND


async def _back(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str | None:
    """Go one step back (from the first step: leave, keeping the draft)."""
    if data.arg(0) == d.ELIG:
        await request.services.flows.cancel(request)
        return None
    return d.prev_step(data.arg(0), draft)


async def _kind(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """Store the kind of move."""
    try:
        return d.after_kind(draft, data.arg(1))
    except ValueError as exc:
        raise cb.CallbackDataError("unknown kind") from exc


def _suggestion(draft: d.Draft, key: str, data: cb.LegacyCallbackData) -> Any:
    """The suggestion a button refers to (forged indexes are refused)."""
    items = draft.get(key) or []
    index = data.int_arg(1)
    if not 0 <= index < len(items):
        raise cb.CallbackDataError("no such suggestion")
    return items[index]


async def _pick(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """A unit was picked from the suggestions: ask the position next."""
    name, unit_id = _suggestion(draft, "sugg", data)
    draft["pending_unit"] = {"unit": name, "unit_id": unit_id}
    return d.POS


async def _raw(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """Use the typed text as the destination (outside the instansi)."""
    if not draft.get("query"):
        raise cb.CallbackDataError("nothing typed")
    draft["pending_unit"] = {"unit": str(draft["query"]), "unit_id": None}
    return d.POS


async def _done(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """No more preferences."""
    if not d.prefs(draft):
        raise cb.CallbackDataError("no preference yet")
    draft.pop("pending_unit", None)
    return d.prefs_done(draft)


def _add(draft: d.Draft, position: str) -> str:
    """Add the pending unit with ``position`` as the next preference."""
    pending = draft.get("pending_unit")
    if not pending:
        raise cb.CallbackDataError("no unit chosen")
    return d.add_preference(draft, str(pending["unit"]), pending.get("unit_id"), position)


async def _pospick(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """A position was picked from the suggestions."""
    return _add(draft, str(_suggestion(draft, "pos_sugg", data)))


async def _posraw(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """Use the typed position title as is."""
    if not draft.get("pos_query"):
        raise cb.CallbackDataError("nothing typed")
    return _add(draft, str(draft["pos_query"]))


async def _posskip(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """Any position in that unit."""
    return _add(draft, "")


async def _rcat(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """Store the reason category."""
    try:
        return d.after_reason_category(draft, data.arg(1))
    except ValueError as exc:
        raise cb.CallbackDataError("unknown reason") from exc


async def _reloc(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """Store the willingness to relocate."""
    if data.arg(1) not in ("y", "n"):
        raise cb.CallbackDataError("bad answer")
    return d.after_relocate(draft, data.arg(1) == "y")


async def _noteskip(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """No relocation note."""
    return d.after_relocate_note(draft, "")


async def _edit(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """Choose which part to change."""
    return d.EDIT


async def _section(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> str:
    """Jump to one section of the answers."""
    try:
        return d.edit_section(draft, data.arg(1))
    except ValueError as exc:
        raise cb.CallbackDataError("unknown section") from exc


async def _discard(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> None:
    """Throw the draft away (a sent aspiration stays as it was)."""
    await request.clear_state()
    request.reply_key("asp.discarded")


async def _send(request: Request, draft: d.Draft, data: cb.LegacyCallbackData) -> None:
    """Submit the aspiration: status Diajukan, a reference number, history and audit."""
    employee = request.employee
    assert employee is not None
    if not d.is_complete(draft):
        request.reply_key("asp.incomplete")
        return
    now = now_of(request)
    window = await request.session.get(AspirationWindow, int(draft.get("window_id") or 0))
    existing = await q.aspiration_for(request.session, window.id, employee.id) if window else None
    status = existing.status if existing else None
    if window is None or not employee_may_edit(status, window_open(window, now)):
        await request.set_state(FLOW, PAUSED, {**draft, "_resume_step": d.SUMMARY})
        request.reply_key("asp.window_closed_send")
        await refuse_no_window(request, now)
        return
    new_status = transition("submit", status)
    aspiration = existing or Aspiration(window_id=window.id, employee_id=employee.id)
    aspiration.kind = str(draft["kind"])
    aspiration.preferences = [dict(p) for p in d.prefs(draft)]
    aspiration.reason_category = str(draft["reason_cat"])
    aspiration.reason_text = str(draft["reason_text"])
    aspiration.willing_to_relocate = bool(draft["relocate"])
    aspiration.relocate_note = str(draft.get("relocate_note") or "")
    aspiration.eligibility_problems = [code for code, _params in draft.get("problems", [])]
    aspiration.eligible = not aspiration.eligibility_problems
    aspiration.status = new_status
    aspiration.submitted_at = now
    if existing is None:
        request.session.add(aspiration)
        await request.session.flush()
        year = now.astimezone(request.settings.tz).year
        aspiration.reference = reference_number(year, aspiration.id)
    action = "submit" if status is None else ("resubmit" if status != new_status else "change")
    actor = audit.actor_of(request.telegram_id)
    await q.add_history(
        request.session,
        aspiration,
        actor=actor,
        actor_telegram_id=request.telegram_id,
        action=action,
        from_status=status,
    )
    await audit.record(
        request.session,
        actor,
        f"aspiration.{action}",
        "aspiration",
        aspiration.id,
        from_status=status,
        to_status=new_status,
    )
    await request.clear_state()
    request.reply_key(
        "asp.sent", ref=aspiration.reference or "-", status=status_label(request.locale, new_status)
    )


ACTIONS: dict[str, Action] = {
    "go": _go,
    "back": _back,
    "kind": _kind,
    "pick": _pick,
    "raw": _raw,
    "done": _done,
    "pospick": _pospick,
    "posraw": _posraw,
    "posskip": _posskip,
    "rcat": _rcat,
    "reloc": _reloc,
    "noteskip": _noteskip,
    "edit": _edit,
    "sec": _section,
    "discard": _discard,
    "send": _send,
}
