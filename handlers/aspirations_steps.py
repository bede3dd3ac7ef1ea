"""The /aspirasi conversation: showing each step and handling typed answers."""

from __future__ import annotations

import copy
from typing import Any

from bot import callback_data as cb
from bot.aspirations import draft as d
from bot.aspirations.rules import (
    KINDS,
    MAX_PREFERENCES,
    NOTE_MAX_LEN,
    QUERY_MAX_LEN,
    REASON_MAX_LEN,
    REASONS,
)
from bot.unit_search import NameIndex
from handlers.aspirations_common import answers_text, escape
from handlers.flows import expect_text
from handlers.request import Request, keyboard
from storage.models import ConversationState, Unit
from storage.queries import aspirations as q

FLOW = "asp"
SUGGESTIONS = 6
Rows = list[list[tuple[str, str]]]


def btn(request: Request, key: str, action: str, step: str, *args: object) -> tuple[str, str]:
    """A button bound to ``step`` (pressing it at another step is refused as stale)."""
    return request.t(key), cb.build("asp", action, step, *args)


def back_row(request: Request, step: str) -> list[tuple[str, str]]:
    """The Back button every step has."""
    return [btn(request, "common.btn_back", "back", step)]


def _problem_lines(request: Request, draft: d.Draft) -> str:
    """The reasons the employee is not eligible, one per line."""
    return "\n".join(
        "• " + request.t("asp.problem", problem=code, **params)
        for code, params in draft.get("problems", [])
    )


def show_step(request: Request, step: str, draft: d.Draft) -> None:
    """Ask the question of ``step`` with its buttons."""
    rows: Rows = []
    if step == d.ELIG:
        if draft.get("problems"):
            text = request.t("asp.elig_not", problems=_problem_lines(request, draft))
        else:
            text = request.t("asp.elig_ok")
        rows = [[btn(request, "asp.btn_continue", "go", step)]]
    elif step == d.KIND:
        text = request.t("asp.ask_kind")
        rows = [[(request.t("asp.kind", kind=k), cb.build("asp", "kind", step, k))] for k in KINDS]
    elif step == d.PREF:
        text, rows = _pref_question(request, draft)
    elif step == d.POS:
        text, rows = _pos_question(request, draft)
    elif step == d.REASON_CAT:
        text = request.t("asp.ask_reason_cat")
        rows = [
            [(request.t("asp.reason", reason=r), cb.build("asp", "rcat", step, r))] for r in REASONS
        ]
    elif step == d.REASON_TEXT:
        cat = request.t("asp.reason", reason=draft.get("reason_cat", "other"))
        text = request.t("asp.ask_reason_text", category=cat, limit=REASON_MAX_LEN)
    elif step == d.RELOCATE:
        text = request.t("asp.ask_relocate")
        rows = [
            [
                btn(request, "asp.yes", "reloc", step, "y"),
                btn(request, "asp.no", "reloc", step, "n"),
            ]
        ]
    elif step == d.RELOCATE_NOTE:
        text = request.t("asp.ask_relocate_note", limit=NOTE_MAX_LEN)
        rows = [[btn(request, "asp.btn_skip", "noteskip", step)]]
    elif step == d.SUMMARY:
        text = request.t("asp.summary", answers=answers_text(request.locale, draft))
        rows = [
            [btn(request, "asp.btn_send", "send", step)],
            [
                btn(request, "asp.btn_edit", "edit", step),
                btn(request, "asp.btn_discard", "discard", step),
            ],
        ]
    else:  # d.EDIT
        text = request.t("asp.ask_edit_section")
        rows = [
            [(request.t("asp.section", section=s), cb.build("asp", "sec", step, s))]
            for s in d.SECTIONS
        ]
    rows.append(back_row(request, step))
    request.reply(text, keyboard(rows))


def _pref_question(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """Ask for the next preferred unit, or offer the suggestions of the last search."""
    n = len(d.prefs(draft)) + 1
    rows: Rows = []
    suggestions = draft.get("sugg") or []
    if suggestions:
        text = request.t("asp.pick_unit", n=n, query=escape(str(draft.get("query", ""))))
        rows = [
            [(name, cb.build("asp", "pick", d.PREF, i))]
            for i, (name, _id) in enumerate(suggestions)
        ]
    else:
        text = request.t("asp.ask_pref", n=n, max=MAX_PREFERENCES)
    if draft.get("query") and draft.get("kind") in ("out", "other"):
        rows.append(
            [
                (
                    request.t("asp.btn_use_text", text=str(draft["query"])[:30]),
                    cb.build("asp", "raw", d.PREF),
                )
            ]
        )
    if d.prefs(draft):
        rows.append([btn(request, "asp.btn_enough", "done", d.PREF)])
    return text, rows


def _pos_question(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """Ask for the (optional) position in the chosen unit."""
    unit = (draft.get("pending_unit") or {}).get("unit", "-")
    n = len(d.prefs(draft)) + 1
    rows: Rows = []
    suggestions = draft.get("pos_sugg") or []
    if suggestions:
        text = request.t(
            "asp.pick_pos", n=n, unit=escape(unit), query=escape(str(draft.get("pos_query", "")))
        )
        rows = [
            [(name, cb.build("asp", "pospick", d.POS, i))] for i, name in enumerate(suggestions)
        ]
    else:
        text = request.t("asp.ask_pos", n=n, unit=escape(unit))
    if draft.get("pos_query"):
        rows.append(
            [
                (
                    request.t("asp.btn_use_text", text=str(draft["pos_query"])[:30]),
                    cb.build("asp", "posraw", d.POS),
                )
            ]
        )
    rows.append([btn(request, "asp.btn_any_position", "posskip", d.POS)])
    if d.is_rotation(draft) and d.prefs(draft):
        rows.append([btn(request, "asp.btn_enough", "done", d.POS)])
    return text, rows


async def goto(request: Request, step: str, draft: d.Draft) -> None:
    """Store the draft at ``step`` and ask its question."""
    if step == d.POS and d.is_rotation(draft) and not draft.get("pending_unit"):
        employee = request.employee
        assert employee is not None
        unit = await request.session.get(Unit, employee.unit_id) if employee.unit_id else None
        draft["pending_unit"] = {"unit": unit.name if unit else "-", "unit_id": employee.unit_id}
    if step != d.PREF:
        draft.pop("sugg", None)
        draft.pop("query", None)
    if step != d.POS:
        draft.pop("pos_sugg", None)
        draft.pop("pos_query", None)
    await request.set_state(FLOW, step, draft)
    show_step(request, step, draft)


async def pref_text(request: Request, state: ConversationState) -> None:
    """Search the units for the typed letters and offer the best matches as buttons."""
    query = expect_text(request, max_len=QUERY_MAX_LEN)
    if query is None:
        return
    draft = copy.deepcopy(state.data)
    units = await q.unit_choices(request.session)
    matches = NameIndex([name for _id, name in units]).search(query, limit=SUGGESTIONS)
    draft["query"] = query
    draft["sugg"] = [[units[m.index][1], units[m.index][0]] for m in matches]
    if not matches:
        request.reply_key("asp.no_match", query=escape(query))
    await request.set_state(FLOW, d.PREF, draft)
    show_step(request, d.PREF, draft)


async def pos_text(request: Request, state: ConversationState) -> None:
    """Search position titles for the typed letters (the typed text itself is also offered)."""
    query = expect_text(request, max_len=QUERY_MAX_LEN)
    if query is None:
        return
    draft = copy.deepcopy(state.data)
    unit_id = (draft.get("pending_unit") or {}).get("unit_id")
    titles = await q.position_titles(request.session, unit_id) if unit_id else []
    titles += [p for p in await q.position_titles(request.session) if p not in titles]
    matches = NameIndex(titles).search(query, limit=SUGGESTIONS)
    draft["pos_query"] = query
    draft["pos_sugg"] = [m.name for m in matches]
    await request.set_state(FLOW, d.POS, draft)
    show_step(request, d.POS, draft)


async def reason_text(request: Request, state: ConversationState) -> None:
    """Store the free-text reason (length limited)."""
    text = expect_text(request, max_len=REASON_MAX_LEN)
    if text is None:
        return
    draft = copy.deepcopy(state.data)
    await goto(request, d.after_reason_text(draft, text), draft)


async def relocate_note_text(request: Request, state: ConversationState) -> None:
    """Store the optional note about relocating."""
    text = expect_text(request, max_len=NOTE_MAX_LEN)
    if text is None:
        return
    draft = copy.deepcopy(state.data)
    await goto(request, d.after_relocate_note(draft, text), draft)


async def buttons_only(request: Request, state: ConversationState) -> None:
    """At a step answered with buttons: say so and ask again."""
    request.reply_key("asp.use_buttons")
    show_step(request, state.step, copy.deepcopy(state.data))


def register_steps(flows: Any) -> None:
    """Register every step of the flow with the conversation router."""
    flows.flow(FLOW, keeps_draft=True, resume_command="/aspirasi")
    flows.on(FLOW, d.PREF, pref_text)
    flows.on(FLOW, d.POS, pos_text)
    flows.on(FLOW, d.REASON_TEXT, reason_text)
    flows.on(FLOW, d.RELOCATE_NOTE, relocate_note_text)
    for step in (d.ELIG, d.KIND, d.REASON_CAT, d.RELOCATE, d.SUMMARY, d.EDIT):
        flows.on(FLOW, step, buttons_only)
