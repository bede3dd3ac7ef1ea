"""The /aspirasi conversation: each step's question with its buttons, and the typed answers."""

from __future__ import annotations

import copy
from collections.abc import Callable

from bot.aspirations import buttons as b
from bot.aspirations import draft as d
from bot.aspirations import submission
from bot.aspirations.labels import KIND_KEYS, MISSING_KEYS, REASON_KEYS, SECTION_KEYS
from bot.aspirations.render import answers_text, problem_lines
from bot.aspirations.rules import MAX_PREFERENCES, NOTE_MAX_LEN, QUERY_MAX_LEN, REASON_MAX_LEN
from bot.messages import Button, OutgoingMessage
from handlers.aspirations_common import escape
from handlers.flows import Accepts, FlowRouter, expect_text
from handlers.request import Request
from storage.models import ConversationState

FLOW = "asp"
SUGGESTIONS = 6
Rows = list[list[Button]]
Question = Callable[[Request, d.Draft], tuple[str, Rows]]


def _button(request: Request, key: str, data: b.WizardButton) -> Button:
    """A translated button."""
    return Button(request.t(key), data)


def _eligibility(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """Step 1: whether the employee meets the rules, and a Continue button."""
    if draft.get("problems"):
        problems = problem_lines(request.locale, draft["problems"])
        text = request.t("asp.elig_not", problems=problems)
    else:
        text = request.t("asp.elig_ok")
    return text, [[_button(request, "asp.btn_continue", b.Continue())]]


def _kind(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """Step 2: the kind of move."""
    rows = [[_button(request, KIND_KEYS[k], b.ChooseKind(k))] for k in b.KIND_VALUES]
    return request.t("asp.ask_kind"), rows


def _unit(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """Ask for the next preferred unit, or offer the suggestions of the last search."""
    n = d.slot_number(draft)
    rows: Rows = []
    suggestions = draft.get("sugg") or []
    if suggestions:
        text = request.t("asp.pick_unit", n=n, query=escape(str(draft.get("query", ""))))
        text = _guessed(request, draft.get("guess")) + text
        rows = [[Button(name, b.PickUnit(i))] for i, (name, _id) in enumerate(suggestions)]
    else:
        text = request.t("asp.ask_pref", n=n, max=MAX_PREFERENCES)
    if draft.get("query") and draft.get("kind") in ("out", "other"):
        label = request.t("asp.btn_use_text", text=str(draft["query"])[:30])
        rows.append([Button(label, b.UseTypedUnit())])
    if d.prefs(draft):
        rows.append([_button(request, "asp.btn_enough", b.PrefsDone(d.PREF))])
    return text, rows


def _guessed(request: Request, guess: object) -> str:
    """ "Maksud Anda <b>…</b>?" above search results that are a guess (a typo), else ""."""
    return request.t("asp.did_you_mean", name=escape(str(guess))) + "\n" if guess else ""


def _position(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """Ask for the (optional) position in the chosen unit."""
    unit = escape((draft.get("pending_unit") or {}).get("unit", "-"))
    n = d.slot_number(draft)
    rows: Rows = []
    suggestions = draft.get("pos_sugg") or []
    if suggestions:
        query = escape(str(draft.get("pos_query", "")))
        text = request.t("asp.pick_pos", n=n, unit=unit, query=query)
        text = _guessed(request, draft.get("pos_guess")) + text
        vacant = set(draft.get("pos_open") or [])
        if vacant:
            text += "\n" + request.t("asp.open_marked")
        rows = [
            [Button(request.t("asp.open_position", title=name) if name in vacant else name,
                    b.PickPosition(i))]
            for i, name in enumerate(suggestions)
        ]  # fmt: skip
    else:
        text = request.t("asp.ask_pos", n=n, unit=unit)
    if draft.get("pos_query"):
        label = request.t("asp.btn_use_text", text=str(draft["pos_query"])[:30])
        rows.append([Button(label, b.UseTypedPosition())])
    rows.append([_button(request, "asp.btn_any_position", b.AnyPosition())])
    if d.is_rotation(draft) and d.prefs(draft):
        rows.append([_button(request, "asp.btn_enough", b.PrefsDone(d.POS))])
    return text, rows


def _reason_category(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """Step 4: the reason category."""
    rows = [[_button(request, REASON_KEYS[r], b.ChooseReason(r))] for r in b.REASON_VALUES]
    return request.t("asp.ask_reason_cat"), rows


def _reason_text(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """The free-text reason."""
    category = request.t(REASON_KEYS.get(str(draft.get("reason_cat")), "asp.reason.other"))
    return request.t("asp.ask_reason_text", category=category, limit=REASON_MAX_LEN), []


def _relocate(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """Step 5: willing to move to another city."""
    yes = _button(request, "asp.yes", b.Relocate(True))
    no = _button(request, "asp.no", b.Relocate(False))
    return request.t("asp.ask_relocate"), [[yes, no]]


def _relocate_note(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """The optional relocation note."""
    text = request.t("asp.ask_relocate_note", limit=NOTE_MAX_LEN)
    return text, [[_button(request, "asp.btn_skip", b.SkipNote())]]


def _prefs(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """The current choices, each with Replace and Remove, then Add and Done."""
    choices = d.prefs(draft)
    rows: Rows = []
    for n, _pref in enumerate(choices, start=1):
        rows.append(
            [
                Button(request.t("asp.btn_pref_replace", n=n), b.ReplacePref(n - 1)),
                Button(request.t("asp.btn_pref_remove", n=n), b.RemovePref(n - 1)),
            ]
        )
    if len(choices) < MAX_PREFERENCES:
        rows.append([_button(request, "asp.btn_pref_add", b.AddPref())])
    if choices:
        rows.append([_button(request, "asp.btn_prefs_done", b.PrefsDone(d.PREFS))])
    listing = answers_text(request.locale, {"prefs": choices}) or request.t("asp.prefs_none")
    return request.t("asp.prefs_edit", choices=listing, max=MAX_PREFERENCES), rows


def _summary(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """Step 6: the answers (and what is missing) with Send, Edit and Discard."""
    answers = answers_text(request.locale, draft)
    missing = d.missing(draft)
    if missing:
        answers += "\n" + request.t("asp.sum_missing", sections=missing_list(request, missing))
    if draft.get("aspiration_id"):  # changing a sent aspiration: the sent one stays valid
        ref = escape(str(draft.get("reference") or "-"))
        text = request.t("asp.summary_editing", answers=answers, ref=ref)
        discard = "asp.btn_discard_changes"
    else:
        text, discard = request.t("asp.summary", answers=answers), "asp.btn_discard"
    return text, [
        [_button(request, "asp.btn_send", b.Send())],
        [_button(request, "asp.btn_edit", b.EditAnswers()), _button(request, discard, b.Discard())],
    ]


def missing_list(request: Request, sections: list[str]) -> str:
    """The missing sections as words, comma-separated."""
    return ", ".join(request.t(MISSING_KEYS[s]) for s in sections)


def _edit(request: Request, draft: d.Draft) -> tuple[str, Rows]:
    """Which part of the answers to change."""
    rows = [[_button(request, SECTION_KEYS[s], b.EditSection(s))] for s in b.SECTION_VALUES]
    return request.t("asp.ask_edit_section"), rows


QUESTIONS: dict[str, Question] = {
    d.ELIG: _eligibility,
    d.KIND: _kind,
    d.PREF: _unit,
    d.POS: _position,
    d.REASON_CAT: _reason_category,
    d.REASON_TEXT: _reason_text,
    d.RELOCATE: _relocate,
    d.RELOCATE_NOTE: _relocate_note,
    d.SUMMARY: _summary,
    d.EDIT: _edit,
    d.PREFS: _prefs,
}


def show_step(request: Request, step: str, draft: d.Draft) -> None:
    """Ask the question of ``step`` with its buttons and a Back button."""
    text, rows = QUESTIONS[step](request, draft)
    rows.append([_button(request, "common.btn_back", b.Back(step))])
    request.send(OutgoingMessage(text, tuple(tuple(row) for row in rows)))


async def goto(request: Request, step: str, draft: d.Draft) -> None:
    """Store the draft at ``step`` and ask its question."""
    if step == d.POS and d.is_rotation(draft) and not draft.get("pending_unit"):
        employee = request.employee
        assert employee is not None
        name = await submission.unit_name(request.session, employee.unit_id)
        draft["pending_unit"] = {"unit": name or "-", "unit_id": employee.unit_id}
    if step != d.PREF:
        for key in ("sugg", "query", "guess"):
            draft.pop(key, None)
    if step != d.POS:
        for key in ("pos_sugg", "pos_query", "pos_open", "pos_guess"):
            draft.pop(key, None)
    await request.set_state(FLOW, step, draft)
    show_step(request, step, draft)


async def unit_step(request: Request, state: ConversationState) -> None:
    """Search the units for the typed letters and offer the best matches as buttons."""
    query = expect_text(request, max_len=QUERY_MAX_LEN)
    if query is None:
        return
    draft = copy.deepcopy(state.data)
    draft["query"] = query
    employee = request.employee
    own = employee.unit_id if employee is not None and draft.get("kind") == "other_unit" else None
    found = await submission.unit_suggestions(request.session, query, SUGGESTIONS, own_unit_id=own)
    draft["sugg"], draft["guess"] = found.suggestions, found.did_you_mean
    if found.own_unit:
        request.reply_key("asp.own_unit")
    elif not draft["sugg"]:
        request.reply_key("asp.no_match", query=escape(query))
    await request.set_state(FLOW, d.PREF, draft)
    show_step(request, d.PREF, draft)


async def position_step(request: Request, state: ConversationState) -> None:
    """Search position titles for the typed letters (the typed text itself is also offered)."""
    query = expect_text(request, max_len=QUERY_MAX_LEN)
    if query is None:
        return
    draft = copy.deepcopy(state.data)
    unit_id = (draft.get("pending_unit") or {}).get("unit_id")
    draft["pos_query"] = query
    found = await submission.position_suggestions(request.session, unit_id, query, SUGGESTIONS)
    draft["pos_sugg"], draft["pos_open"] = found.titles, found.open_titles
    draft["pos_guess"] = found.did_you_mean
    await request.set_state(FLOW, d.POS, draft)
    show_step(request, d.POS, draft)


async def reason_step(request: Request, state: ConversationState) -> None:
    """Store the free-text reason (length limited)."""
    text = expect_text(request, max_len=REASON_MAX_LEN)
    if text is None:
        return
    draft = copy.deepcopy(state.data)
    await goto(request, d.after_reason_text(draft, text), draft)


async def relocate_note_step(request: Request, state: ConversationState) -> None:
    """Store the optional note about relocating."""
    text = expect_text(request, max_len=NOTE_MAX_LEN)
    if text is None:
        return
    draft = copy.deepcopy(state.data)
    await goto(request, d.after_relocate_note(draft, text), draft)


async def ask_again(request: Request, state: ConversationState) -> None:
    """At a step answered with buttons (after the router's hint): show the question again."""
    show_step(request, state.step, copy.deepcopy(state.data))


def register_steps(flows: FlowRouter) -> None:
    """Declare every step of the conversation with what it accepts."""
    flow = flows.flow(FLOW, keeps_draft=True, resume_command="/aspirasi")
    flow.on(d.PREF, unit_step, accepts=Accepts.TEXT)
    flow.on(d.POS, position_step, accepts=Accepts.TEXT)
    flow.on(d.REASON_TEXT, reason_step, accepts=Accepts.TEXT)
    flow.on(d.RELOCATE_NOTE, relocate_note_step, accepts=Accepts.TEXT)
    for step in (d.ELIG, d.KIND, d.REASON_CAT, d.RELOCATE, d.SUMMARY, d.EDIT, d.PREFS):
        flow.on(step, ask_again, accepts=Accepts.BUTTONS, reshow=True)
