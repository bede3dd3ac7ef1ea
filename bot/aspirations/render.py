"""Aspiration texts shared by the handlers and the services: labels, answers, cards, notices.

Plain functions of a locale and plain values (or stored rows); they never touch Telegram.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.aspirations.labels import (
    NOTIFY_NEXT_KEYS,
    PROBLEM_KEYS,
    WINDOW_STATE_KEYS,
    esc,
    kind_label,
    problems_short,
    reason_label,
    status_label,
)
from bot.aspirations.windows import WindowTimes, format_local, state_of
from bot.messages import OutgoingMessage
from bot.texts import t
from storage.models import Aspiration, AspirationWindow
from storage.queries.aspirations import snapshot


def problem_lines(locale: str, problems: Sequence[Sequence[Any]]) -> str:
    """The reasons an employee is not eligible (``[code, params]`` pairs), one per line."""
    return "\n".join(
        "• " + t(locale, PROBLEM_KEYS[code], **params)
        for code, params in problems
        if code in PROBLEM_KEYS
    )


def window_times(window: AspirationWindow) -> WindowTimes:
    """The domain view of a window's times."""
    return WindowTimes(window.starts_at, window.ends_at, window.closed_at)


def window_line(locale: str, window: AspirationWindow, now: datetime, tz: ZoneInfo) -> str:
    """One line describing a window and its state."""
    return t(
        locale,
        "asp.window_line",
        name=esc(window.name),
        start=format_local(window.starts_at, tz, locale),
        end=format_local(window.ends_at, tz, locale, end=True),
        state=t(locale, WINDOW_STATE_KEYS[state_of(window_times(window), now)]),
    )


def answers_text(locale: str, draft: dict[str, Any]) -> str:
    """The employee's answers (draft or stored aspiration) as readable lines."""
    lines = []
    if draft.get("kind"):
        lines.append(t(locale, "asp.sum_kind", kind=kind_label(locale, str(draft["kind"]))))
    for n, pref in enumerate(draft.get("prefs") or [], start=1):
        position = pref.get("position") or t(locale, "asp.any_position")
        unit = esc(str(pref.get("unit") or "-"))
        lines.append(t(locale, "asp.sum_pref", n=n, unit=unit, position=esc(str(position))))
    if draft.get("reason_cat"):
        cat = reason_label(locale, str(draft["reason_cat"]))
        text = esc(str(draft.get("reason_text") or ""))
        lines.append(t(locale, "asp.sum_reason", cat=cat, text=text))
    if isinstance(draft.get("relocate"), bool):
        yes_no = t(locale, "asp.yes" if draft["relocate"] else "asp.no")
        lines.append(t(locale, "asp.sum_relocate", answer=yes_no))
        if draft.get("relocate_note"):
            lines.append(t(locale, "asp.sum_relocate_note", note=esc(draft["relocate_note"])))
    return "\n".join(lines)


def card(locale: str, aspiration: Aspiration, window_name: str | None) -> str:
    """An aspiration's header, answers, eligibility flag and HR note."""
    parts = [
        t(
            locale,
            "asp.card_head",
            ref=aspiration.reference or "-",
            status=status_label(locale, aspiration.status),
            window=esc(window_name) if window_name else "-",
        ),
        answers_text(locale, snapshot(aspiration)),
    ]
    if not aspiration.eligible:
        problems = problems_short(locale, aspiration.eligibility_problems or [])
        parts.append(t(locale, "asp.card_not_eligible", problems=problems))
    if aspiration.hr_note:
        parts.append(t(locale, "asp.card_hr_note", note=esc(aspiration.hr_note)))
    return "\n".join(parts)


def notice(locale: str, reference: str, status: str, action: str, note: str) -> OutgoingMessage:
    """The message telling an employee that their aspiration's status changed."""
    text = t(locale, "asp.notify", ref=reference, status=status_label(locale, status))
    if note:
        text += "\n" + t(locale, "asp.notify_note", note=esc(note))
    if action in NOTIFY_NEXT_KEYS:
        text += "\n" + t(locale, NOTIFY_NEXT_KEYS[action])
    return OutgoingMessage(text)
