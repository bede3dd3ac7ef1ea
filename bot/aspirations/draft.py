"""The /aspirasi conversation as pure navigation over a JSON draft.

The draft is the ``data`` of the user's conversation state: ``kind``, ``prefs`` (a list of
``{"unit", "unit_id", "position"}``), ``reason_cat``, ``reason_text``, ``relocate``,
``relocate_note``, plus bookkeeping (``editing``, ``pending_unit``, ``pref_slot``,
suggestions). Changing the choices of a filled-in draft goes through the ``PREFS`` step:
each choice is replaced or removed in place, and Back never throws one away.
"""

from __future__ import annotations

from typing import Any

from bot.aspirations.rules import KINDS, MAX_PREFERENCES, REASONS

ELIG, KIND, PREF, POS, REASON_CAT, REASON_TEXT = (
    "elig",
    "kind",
    "pref",
    "pos",
    "reason_cat",
    "reason_text",
)
RELOCATE, RELOCATE_NOTE, SUMMARY, EDIT = "relocate", "relocate_note", "summary", "edit"
PREFS = "prefs"  # the current choices, each to replace or remove, and "add"
STEPS = (
    ELIG, KIND, PREF, POS, REASON_CAT, REASON_TEXT, RELOCATE, RELOCATE_NOTE, SUMMARY, EDIT, PREFS,
)  # fmt: skip
TEXT_STEPS = frozenset({PREF, POS, REASON_TEXT, RELOCATE_NOTE})
SECTIONS = ("kind", "prefs", "reason", "relocate")
SECTION_STEPS = {"kind": KIND, "prefs": PREFS, "reason": REASON_CAT, "relocate": RELOCATE}
SLOT = "pref_slot"  # the index of the choice being replaced
Draft = dict[str, Any]


def is_rotation(draft: Draft) -> bool:
    """Rotation stays inside the employee's own unit: only positions are asked."""
    return draft.get("kind") == "rotation"


def prefs(draft: Draft) -> list[dict[str, Any]]:
    """The ranked preferences chosen so far."""
    value = draft.get("prefs")
    return value if isinstance(value, list) else []


def pref_entry(draft: Draft) -> str:
    """The step that asks for the next preference."""
    return POS if is_rotation(draft) else PREF


def _pop_pref(draft: Draft) -> None:
    """Drop the last chosen preference (going back re-asks it)."""
    items = prefs(draft)
    if items:
        items.pop()
    draft["prefs"] = items
    draft.pop("pending_unit", None)


def slot_number(draft: Draft) -> int:
    """The number (from 1) of the choice being asked: the replaced one, or the next."""
    slot = draft.get(SLOT)
    return int(slot) + 1 if isinstance(slot, int) else len(prefs(draft)) + 1


def _prev_when_editing(step: str, draft: Draft) -> str | None:
    """Back while changing a filled-in draft: to the section's start, never dropping answers."""
    if step in SECTION_STEPS.values() and step != PREFS:
        return EDIT
    if step == PREFS:
        draft.pop(SLOT, None)
        return EDIT
    if step == PREF or (step == POS and is_rotation(draft)):
        draft.pop("pending_unit", None)
        draft.pop(SLOT, None)
        return PREFS
    return None


def prev_step(step: str, draft: Draft) -> str:
    """Where the Back button of ``step`` leads; mutates ``draft`` to forget the undone answer."""
    if draft.get("editing"):
        editing = _prev_when_editing(step, draft)
        if editing is not None:
            return editing
    if step == KIND:
        return ELIG
    if step == PREF:
        if prefs(draft):
            _pop_pref(draft)
            return PREF
        return KIND
    if step == POS:
        draft.pop("pending_unit", None)
        if not is_rotation(draft):
            return PREF
        if prefs(draft):
            _pop_pref(draft)
            return POS
        return KIND
    if step == REASON_CAT:
        _pop_pref(draft)
        return pref_entry(draft)
    if step == REASON_TEXT:
        return REASON_CAT
    if step == RELOCATE:
        return REASON_TEXT
    if step in (RELOCATE_NOTE, SUMMARY):
        return RELOCATE
    if step == EDIT:
        return SUMMARY
    return ELIG


def after_kind(draft: Draft, kind: str) -> str:
    """Store the kind; a switch to or from rotation clears the choices and asks them again."""
    if kind not in KINDS:
        raise ValueError(kind)
    was_rotation = is_rotation(draft)
    draft["kind"] = kind
    if was_rotation != is_rotation(draft) or not prefs(draft):
        draft["prefs"] = []
        draft.pop("pending_unit", None)
        draft.pop(SLOT, None)
        return pref_entry(draft)
    if draft.get("editing"):
        return SUMMARY
    return pref_entry(draft)


def already_chosen(draft: Draft, unit: str, unit_id: int | None, position: str) -> bool:
    """True when the same unit and position is already one of the choices."""
    for pref in prefs(draft):
        same_unit = pref.get("unit_id") == unit_id if unit_id else pref.get("unit") == unit
        if same_unit and str(pref.get("position") or "").casefold() == position.casefold():
            return True
    return False


def add_preference(draft: Draft, unit: str, unit_id: int | None, position: str) -> str:
    """Store one choice (in the replaced slot, or as the next one) and return the next step."""
    items = prefs(draft)
    choice = {"unit": unit, "unit_id": unit_id, "position": position}
    slot = draft.pop(SLOT, None)
    if isinstance(slot, int) and 0 <= slot < len(items):
        items[slot] = choice
    else:
        items.append(choice)
    draft["prefs"] = items[:MAX_PREFERENCES]
    draft.pop("pending_unit", None)
    if draft.get("editing"):
        return PREFS
    if len(draft["prefs"]) < MAX_PREFERENCES:
        return pref_entry(draft)
    return prefs_done(draft)


def replace_preference(draft: Draft, index: int) -> str:
    """Ask choice ``index`` again; the new answer takes its place."""
    if not 0 <= index < len(prefs(draft)):
        raise ValueError(index)
    draft[SLOT] = index
    draft.pop("pending_unit", None)
    return pref_entry(draft)


def remove_preference(draft: Draft, index: int) -> str:
    """Drop choice ``index`` (the later ones move up)."""
    items = prefs(draft)
    if not 0 <= index < len(items):
        raise ValueError(index)
    items.pop(index)
    draft["prefs"] = items
    return PREFS


def new_preference(draft: Draft) -> str:
    """Ask one more choice (while fewer than the maximum)."""
    if len(prefs(draft)) >= MAX_PREFERENCES:
        raise ValueError("no room for another choice")
    draft.pop(SLOT, None)
    draft.pop("pending_unit", None)
    return pref_entry(draft)


def prefs_done(draft: Draft) -> str:
    """The step after the last preference."""
    draft.pop(SLOT, None)
    if draft.get("editing") and draft.get("reason_text"):
        return SUMMARY
    return REASON_CAT


def after_reason_category(draft: Draft, category: str) -> str:
    """Store the reason category."""
    if category not in REASONS:
        raise ValueError(category)
    draft["reason_cat"] = category
    return REASON_TEXT


def after_reason_text(draft: Draft, text: str) -> str:
    """Store the free-text reason."""
    draft["reason_text"] = text
    if draft.get("editing") and draft.get("relocate") is not None:
        return SUMMARY
    return RELOCATE


def after_relocate(draft: Draft, willing: bool) -> str:
    """Store the willingness to move to another city."""
    draft["relocate"] = willing
    return RELOCATE_NOTE


def after_relocate_note(draft: Draft, note: str) -> str:
    """Store the optional note; the summary comes next."""
    draft["relocate_note"] = note
    return SUMMARY


def edit_section(draft: Draft, section: str) -> str:
    """Jump from the summary to one section; later answers return to the summary."""
    if section not in SECTIONS:
        raise ValueError(section)
    draft["editing"] = True
    draft.pop("pending_unit", None)
    draft.pop(SLOT, None)
    if section == "prefs" and not prefs(draft):
        return pref_entry(draft)
    return SECTION_STEPS[section]


def missing(draft: Draft) -> list[str]:
    """The sections (``SECTIONS`` codes) whose required answer is still missing."""
    checks = {
        "kind": draft.get("kind") in KINDS,
        "prefs": bool(prefs(draft)),
        "reason": draft.get("reason_cat") in REASONS and bool(draft.get("reason_text")),
        "relocate": isinstance(draft.get("relocate"), bool),
    }
    return [section for section in SECTIONS if not checks[section]]


def is_complete(draft: Draft) -> bool:
    """True when every required answer is present (ready to send)."""
    return not missing(draft)


def draft_from_record(record: dict[str, Any]) -> Draft:
    """A draft pre-filled from a stored aspiration (to change it)."""
    return {
        "kind": record.get("kind"),
        "prefs": [dict(p) for p in record.get("prefs", [])],
        "reason_cat": record.get("reason_cat"),
        "reason_text": record.get("reason_text", ""),
        "relocate": record.get("relocate"),
        "relocate_note": record.get("relocate_note", ""),
        "editing": True,
    }
