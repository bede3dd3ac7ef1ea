"""Text keys of the aspiration codes, spelled out (no key is built by concatenation).

Every code the feature stores or shows (status, kind, reason, eligibility problem, window
state, history action, …) maps to a literal locale key here, so a search for a key finds
its use and a missing translation is a missing dict entry, not a silent raw key. The small
``*_label`` functions turn a code into words in a locale (an unknown code shows as itself).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from types import MappingProxyType

from bot.texts import t

STATUS_KEYS = MappingProxyType(
    {
        "draft": "asp.status.draft",
        "submitted": "asp.status.submitted",
        "verified": "asp.status.verified",
        "returned": "asp.status.returned",
        "accepted": "asp.status.accepted",
        "rejected": "asp.status.rejected",
        "withdrawn": "asp.status.withdrawn",
        "planned": "asp.status.planned",
        "decreed": "asp.status.decreed",
        "not_taken": "asp.status.not_taken",
    }
)
KIND_KEYS = MappingProxyType(
    {
        "rotation": "asp.kind.rotation",
        "other_unit": "asp.kind.other_unit",
        "out": "asp.kind.out",
        "other": "asp.kind.other",
    }
)
REASON_KEYS = MappingProxyType(
    {
        "family": "asp.reason.family",
        "health": "asp.reason.health",
        "career": "asp.reason.career",
        "competence": "asp.reason.competence",
        "workload": "asp.reason.workload",
        "other": "asp.reason.other",
    }
)
PROBLEM_KEYS = MappingProxyType(
    {
        "tmt_unknown": "asp.problem.tmt_unknown",
        "too_short": "asp.problem.too_short",
        "sanction": "asp.problem.sanction",
        "study_leave": "asp.problem.study_leave",
        "freeze": "asp.problem.freeze",
    }
)
PROBLEM_SHORT_KEYS = MappingProxyType(
    {
        "tmt_unknown": "asp.problem_short.tmt_unknown",
        "too_short": "asp.problem_short.too_short",
        "sanction": "asp.problem_short.sanction",
        "study_leave": "asp.problem_short.study_leave",
        "freeze": "asp.problem_short.freeze",
    }
)
# What an employee reads when their aspiration follows a move (bot.aspirations.planning).
PLANNING_NOTICE_KEYS = MappingProxyType(
    {
        "include": "aspp.notice_include",
        "decree": "aspp.notice_decree",
        "not_take": "aspp.notice_not_take",
    }
)
WINDOW_STATE_KEYS = MappingProxyType(
    {
        "open": "asp.window_state.open",
        "upcoming": "asp.window_state.upcoming",
        "ended": "asp.window_state.ended",
        "closed": "asp.window_state.closed",
    }
)
MISSING_KEYS = MappingProxyType(
    {
        "kind": "asp.missing.kind",
        "prefs": "asp.missing.prefs",
        "reason": "asp.missing.reason",
        "relocate": "asp.missing.relocate",
    }
)
SECTION_KEYS = MappingProxyType(
    {
        "kind": "asp.section.kind",
        "prefs": "asp.section.prefs",
        "reason": "asp.section.reason",
        "relocate": "asp.section.relocate",
    }
)
STEP_KEYS = MappingProxyType(
    {
        "elig": "asp.step.elig",
        "kind": "asp.step.kind",
        "pref": "asp.step.pref",
        "pos": "asp.step.pos",
        "reason_cat": "asp.step.reason_cat",
        "reason_text": "asp.step.reason_text",
        "relocate": "asp.step.relocate",
        "relocate_note": "asp.step.relocate_note",
        "summary": "asp.step.summary",
        "edit": "asp.step.edit",
        "prefs": "asp.step.prefs",
    }
)
ACTION_KEYS = MappingProxyType(
    {
        "submit": "asp.action.submit",
        "resubmit": "asp.action.resubmit",
        "change": "asp.action.change",
        "withdraw": "asp.action.withdraw",
        "verify": "asp.action.verify",
        "return": "asp.action.return",
        "accept": "asp.action.accept",
        "reject": "asp.action.reject",
        "undo": "asp.action.undo",
        "include": "asp.action.include",
        "decree": "asp.action.decree",
        "not_take": "asp.action.not_take",
    }
)
NOTIFY_NEXT_KEYS = MappingProxyType(
    {
        "verify": "asp.notify_next.verify",
        "return": "asp.notify_next.return",
        "accept": "asp.notify_next.accept",
        "reject": "asp.notify_next.reject",
        "withdraw": "asp.notify_next.withdraw",
    }
)
DECISION_BUTTON_KEYS = MappingProxyType(
    {
        "verify": "aspr.btn_verify",
        "return": "aspr.btn_return",
        "accept": "aspr.btn_accept",
        "reject": "aspr.btn_reject",
    }
)
ASK_NOTE_KEYS = MappingProxyType(
    {
        "return": "aspr.ask_note_return",
        "reject": "aspr.ask_note_reject",
    }
)
WINDOW_ERROR_KEYS = MappingProxyType(
    {
        "end_before_start": "aper.err_end_before_start",
        "end_in_past": "aper.err_end_in_past",
    }
)


def esc(text: object) -> str:
    """Escape user text for HTML parse mode (``&``, ``<``, ``>``)."""
    return html.escape(str(text), quote=False)


def status_label(locale: str, status: str | None) -> str:
    """The Indonesian (or English) word for a status."""
    key = STATUS_KEYS.get(status or "")
    return t(locale, key) if key else esc(status or "-")


def kind_label(locale: str, kind: str) -> str:
    """The words for a kind of move."""
    return t(locale, KIND_KEYS[kind]) if kind in KIND_KEYS else esc(kind)


def reason_label(locale: str, reason: str) -> str:
    """The words for a reason category."""
    return t(locale, REASON_KEYS[reason]) if reason in REASON_KEYS else esc(reason)


def problems_short(locale: str, codes: Iterable[str], separator: str = ", ") -> str:
    """Eligibility problem codes as short words, joined by ``separator``."""
    return separator.join(
        t(locale, PROBLEM_SHORT_KEYS[c]) for c in codes if c in PROBLEM_SHORT_KEYS
    )
