"""Button callbacks of the /aspirasi conversation: one per action, bound to its step.

:func:`at_step` wraps each action: a press at another step than the button's is answered
as stale; otherwise the action works on a copy of the draft and names the next step.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram.ext import Application

from bot.aspirations import buttons as b
from bot.aspirations import draft as d
from bot.aspirations import service, submission
from bot.aspirations.rules import MAX_PREFERENCES
from bot.aspirations.submission import Incomplete, Stale, Submitted, WindowClosed
from bot.callback_data import CallbackDataError
from bot.conversations import RESUME_STEP
from handlers import aspirations_steps as steps
from handlers.aspirations_common import status_label, tell_no_window
from handlers.buttons import add_button
from handlers.flows import PAUSED
from handlers.request import Request
from storage.models import ConversationState

FLOW = steps.FLOW
W = TypeVar("W", bound=b.WizardButton)
Action = Callable[[Request, d.Draft, W], Awaitable[str | None]]


def at_step(action: Action[W]) -> Callable[[Request, W], Awaitable[None]]:
    """Run ``action`` on a copy of the draft when the button belongs to the current step."""

    @functools.wraps(action)
    async def pressed(request: Request, data: W) -> None:
        """Check the step, then run the action and go to the step it names."""
        state = await request.get_state()
        step = data.at_step()
        if state is None or state.flow != FLOW or state.step != step or step == PAUSED:
            await _stale(request, state)
            return
        draft = copy.deepcopy(state.data)
        request.answer()
        next_step = await action(request, draft, data)
        if next_step is not None:
            await steps.goto(request, next_step, draft)

    return pressed


async def _stale(request: Request, state: ConversationState | None) -> None:
    """An old wizard button: say what is true now (current step, kept draft, sent aspiration)."""
    if state is not None and state.flow == FLOW and state.step != PAUSED:
        request.answer(request.t("asp.stale_step"), alert=True)
        return
    if state is not None and state.flow == FLOW:
        request.answer(request.t("asp.stale_paused"), alert=True)
        return
    employee = request.employee
    assert employee is not None
    view = await service.status(request.session, request.now(), employee)
    if view is None:
        request.answer(request.t("asp.stale_none"), alert=True)
        return
    ref, status = view.aspiration.reference or "-", status_label(request, view.aspiration.status)
    request.answer(request.t("asp.stale_sent", ref=ref, status=status), alert=True)


async def continue_pressed(request: Request, draft: d.Draft, data: b.Continue) -> str:
    """Eligibility read: continue to the kind of move."""
    return d.KIND


async def back_pressed(request: Request, draft: d.Draft, data: b.Back) -> str | None:
    """Go one step back (from the first step: leave, keeping the draft)."""
    if data.step == d.ELIG:
        await request.services.flows.cancel(request)
        return None
    return d.prev_step(data.step, draft)


async def kind_pressed(request: Request, draft: d.Draft, data: b.ChooseKind) -> str:
    """Store the kind of move."""
    return d.after_kind(draft, data.kind)


def _suggestion(draft: d.Draft, key: str, index: int) -> Any:
    """The suggestion a button refers to (forged indexes are refused)."""
    items = draft.get(key) or []
    if not 0 <= index < len(items):
        raise CallbackDataError("no such suggestion")
    return items[index]


async def unit_picked(request: Request, draft: d.Draft, data: b.PickUnit) -> str:
    """A unit was picked from the suggestions: ask the position next."""
    name, unit_id = _suggestion(draft, "sugg", data.index)
    draft["pending_unit"] = {"unit": name, "unit_id": unit_id}
    return d.POS


async def typed_unit_pressed(request: Request, draft: d.Draft, data: b.UseTypedUnit) -> str:
    """Use the typed text as the destination (outside the instansi)."""
    if not draft.get("query"):
        raise CallbackDataError("nothing typed")
    draft["pending_unit"] = {"unit": str(draft["query"]), "unit_id": None}
    return d.POS


async def prefs_done_pressed(request: Request, draft: d.Draft, data: b.PrefsDone) -> str:
    """No more preferences."""
    if not d.prefs(draft):
        raise CallbackDataError("no preference yet")
    draft.pop("pending_unit", None)
    return d.prefs_done(draft)


def _add(request: Request, draft: d.Draft, position: str) -> str:
    """Add the pending unit with ``position`` as the next preference (not the same twice)."""
    pending = draft.get("pending_unit")
    if not pending:
        raise CallbackDataError("no unit chosen")
    unit, unit_id = str(pending["unit"]), pending.get("unit_id")
    if d.already_chosen(draft, unit, unit_id, position):
        request.reply_key("asp.same_choice")
        return d.POS
    return d.add_preference(draft, unit, unit_id, position)


async def position_picked(request: Request, draft: d.Draft, data: b.PickPosition) -> str:
    """A position was picked from the suggestions."""
    return _add(request, draft, str(_suggestion(draft, "pos_sugg", data.index)))


async def typed_position_pressed(request: Request, draft: d.Draft, data: b.UseTypedPosition) -> str:
    """Use the typed position title as is."""
    if not draft.get("pos_query"):
        raise CallbackDataError("nothing typed")
    return _add(request, draft, str(draft["pos_query"]))


async def any_position_pressed(request: Request, draft: d.Draft, data: b.AnyPosition) -> str:
    """Any position in that unit."""
    return _add(request, draft, "")


def _index(draft: d.Draft, index: int) -> int:
    """A choice number a button refers to (forged indexes are refused)."""
    if not 0 <= index < len(d.prefs(draft)):
        raise CallbackDataError("no such choice")
    return index


async def replace_pref_pressed(request: Request, draft: d.Draft, data: b.ReplacePref) -> str:
    """Choose one choice again; the new answer takes its place."""
    return d.replace_preference(draft, _index(draft, data.index))


async def remove_pref_pressed(request: Request, draft: d.Draft, data: b.RemovePref) -> str:
    """Drop one choice; the list is shown again."""
    return d.remove_preference(draft, _index(draft, data.index))


async def add_pref_pressed(request: Request, draft: d.Draft, data: b.AddPref) -> str:
    """Ask one more choice."""
    if len(d.prefs(draft)) >= MAX_PREFERENCES:
        raise CallbackDataError("no room for another choice")
    return d.new_preference(draft)


async def reason_pressed(request: Request, draft: d.Draft, data: b.ChooseReason) -> str:
    """Store the reason category."""
    return d.after_reason_category(draft, data.reason)


async def relocate_pressed(request: Request, draft: d.Draft, data: b.Relocate) -> str:
    """Store the willingness to relocate."""
    return d.after_relocate(draft, data.willing)


async def note_skipped(request: Request, draft: d.Draft, data: b.SkipNote) -> str:
    """No relocation note."""
    return d.after_relocate_note(draft, "")


async def edit_pressed(request: Request, draft: d.Draft, data: b.EditAnswers) -> str:
    """Choose which part to change."""
    return d.EDIT


async def section_pressed(request: Request, draft: d.Draft, data: b.EditSection) -> str:
    """Jump to one section of the answers."""
    return d.edit_section(draft, data.section)


async def discard_pressed(request: Request, draft: d.Draft, data: b.Discard) -> None:
    """Throw the draft away (a sent aspiration stays as it was)."""
    await request.clear_state()
    if draft.get("aspiration_id"):
        request.reply_key("asp.discarded_changes", ref=str(draft.get("reference") or "-"))
    else:
        request.reply_key("asp.discarded")


async def send_pressed(request: Request, draft: d.Draft, data: b.Send) -> None:
    """Submit the aspiration and tell the reference number and status."""
    employee = request.employee
    assert employee is not None
    result = await submission.submit(
        request.session, request.now(), request.settings.tz, request.telegram_id, employee, draft
    )
    match result:
        case Incomplete(missing=missing):
            sections = steps.missing_list(request, list(missing))
            request.reply_key("asp.incomplete_fields", sections=sections)
            draft["editing"] = True
            await steps.goto(request, d.EDIT, draft)
        case WindowClosed():
            await request.set_state(FLOW, PAUSED, {**draft, RESUME_STEP: d.SUMMARY})
            request.reply_key("asp.window_closed_send")
            tell_no_window(request, result.upcoming)
        case Stale(reference=ref, status=status):
            request.reply_key(
                "asp.changed_meanwhile", ref=ref, status=status_label(request, status)
            )
        case Submitted(reference=ref, status=status):
            await request.clear_state()
            request.reply_key("asp.sent", ref=ref, status=status_label(request, status))


def register_buttons(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Route every wizard button to its action (linked employees only)."""
    add = functools.partial(add_button, app, linked=True)
    add(b.Continue, at_step(continue_pressed))
    add(b.Back, at_step(back_pressed))
    add(b.ChooseKind, at_step(kind_pressed))
    add(b.PickUnit, at_step(unit_picked))
    add(b.UseTypedUnit, at_step(typed_unit_pressed))
    add(b.PrefsDone, at_step(prefs_done_pressed))
    add(b.ReplacePref, at_step(replace_pref_pressed))
    add(b.RemovePref, at_step(remove_pref_pressed))
    add(b.AddPref, at_step(add_pref_pressed))
    add(b.PickPosition, at_step(position_picked))
    add(b.UseTypedPosition, at_step(typed_position_pressed))
    add(b.AnyPosition, at_step(any_position_pressed))
    add(b.ChooseReason, at_step(reason_pressed))
    add(b.Relocate, at_step(relocate_pressed))
    add(b.SkipNote, at_step(note_skipped))
    add(b.EditAnswers, at_step(edit_pressed))
    add(b.EditSection, at_step(section_pressed))
    add(b.Discard, at_step(discard_pressed))
    add(b.Send, at_step(send_pressed))
