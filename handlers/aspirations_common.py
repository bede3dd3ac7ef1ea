"""Shared pieces of the aspiration handlers: clock, window texts, cards, status changes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.aspirations import eligibility
from bot.aspirations.eligibility import Eligibility
from bot.aspirations.rules import transition
from bot.aspirations.windows import WindowTimes, format_local, is_open, state_of
from bot.texts import t
from handlers.request import Request
from handlers.request import escape_html as escape
from storage.models import Aspiration, AspirationWindow, Employee, utcnow
from storage.queries import aspirations as q
from storage.queries import audit
from storage.queries.users import get_user_by_employee


def now_of(request: Request) -> datetime:
    """The current UTC time from the services' clock (tests may install a fake one)."""
    clock = request.services.extras.get("clock")
    return clock.now() if clock is not None else utcnow()


def today_of(request: Request) -> date:
    """Today's local date."""
    return now_of(request).astimezone(request.settings.tz).date()


def times(window: AspirationWindow) -> WindowTimes:
    """The domain view of a window's times."""
    return WindowTimes(window.starts_at, window.ends_at, window.closed_at)


def window_open(window: AspirationWindow | None, now: datetime) -> bool:
    """True when ``window`` accepts submissions at ``now``."""
    return window is not None and is_open(times(window), now)


def when(request: Request, value: datetime) -> str:
    """A UTC time in the bot's local time zone."""
    return format_local(value, request.settings.tz, request.locale)


def window_line(request: Request, window: AspirationWindow, now: datetime) -> str:
    """One line describing a window and its state."""
    return request.t(
        "asp.window_line",
        name=escape(window.name),
        start=when(request, window.starts_at),
        end=when(request, window.ends_at),
        state=request.t("asp.window_state", state=state_of(times(window), now)),
    )


async def refuse_no_window(request: Request, now: datetime) -> None:
    """Tell the employee no window is open, and when the next one opens if known."""
    upcoming = await q.next_window(request.session, now)
    if upcoming is not None:
        request.reply_key(
            "asp.no_window_next",
            name=escape(upcoming.name),
            start=when(request, upcoming.starts_at),
            end=when(request, upcoming.ends_at),
        )
    else:
        request.reply_key("asp.no_window")


def eligibility_of(request: Request, employee: Employee) -> Eligibility:
    """The employee's eligibility today under the configured rules."""
    return eligibility.eligibility_of(employee, request.settings, today_of(request))


def answers_text(locale: str, draft: dict[str, Any]) -> str:
    """The employee's answers (draft or stored aspiration) as readable lines."""
    lines = []
    if draft.get("kind"):
        lines.append(t(locale, "asp.sum_kind", kind=t(locale, "asp.kind", kind=draft["kind"])))
    for n, pref in enumerate(draft.get("prefs") or [], start=1):
        position = pref.get("position") or t(locale, "asp.any_position")
        lines.append(
            t(
                locale,
                "asp.sum_pref",
                n=n,
                unit=escape(str(pref.get("unit") or "-")),
                position=escape(str(position)),
            )
        )
    if draft.get("reason_cat"):
        lines.append(
            t(
                locale,
                "asp.sum_reason",
                cat=t(locale, "asp.reason", reason=draft["reason_cat"]),
                text=escape(str(draft.get("reason_text") or "")),
            )
        )
    if isinstance(draft.get("relocate"), bool):
        yes_no = t(locale, "asp.yes" if draft["relocate"] else "asp.no")
        lines.append(t(locale, "asp.sum_relocate", answer=yes_no))
        if draft.get("relocate_note"):
            lines.append(t(locale, "asp.sum_relocate_note", note=escape(draft["relocate_note"])))
    return "\n".join(lines)


def status_label(locale: str, status: str) -> str:
    """The Indonesian (or English) word for a status."""
    return t(locale, "asp.status", status=status)


def card(locale: str, aspiration: Aspiration, window: AspirationWindow | None) -> str:
    """An aspiration's header, answers, eligibility flag and HR note."""
    parts = [
        t(
            locale,
            "asp.card_head",
            ref=aspiration.reference or "-",
            status=status_label(locale, aspiration.status),
            window=escape(window.name) if window else "-",
        ),
        answers_text(locale, q.snapshot(aspiration)),
    ]
    if not aspiration.eligible:
        problems = ", ".join(
            t(locale, "asp.problem_short", problem=c) for c in aspiration.eligibility_problems or []
        )
        parts.append(t(locale, "asp.card_not_eligible", problems=problems))
    if aspiration.hr_note:
        parts.append(t(locale, "asp.card_hr_note", note=escape(aspiration.hr_note)))
    return "\n".join(parts)


async def change_status(
    request: Request, aspiration: Aspiration, action: str, note: str = ""
) -> str:
    """Apply ``action`` (state machine), record history and audit, notify the employee."""
    old = aspiration.status
    aspiration.status = transition(action, old)
    if note:
        aspiration.hr_note = note
    actor = audit.actor_of(request.telegram_id)
    await q.add_history(
        request.session,
        aspiration,
        actor=actor,
        actor_telegram_id=request.telegram_id,
        action=action,
        from_status=old,
        note=note,
    )
    await audit.record(
        request.session,
        actor,
        f"aspiration.{action}",
        "aspiration",
        aspiration.id,
        from_status=old,
        to_status=aspiration.status,
        note=note,
    )
    await notify_employee(request, aspiration, action, note)
    return aspiration.status


async def notify_employee(
    request: Request, aspiration: Aspiration, action: str, note: str = ""
) -> None:
    """Tell the employee (in their language) that their aspiration's status changed."""
    user = await get_user_by_employee(request.session, aspiration.employee_id)
    if user is None or user.telegram_id == request.telegram_id:
        return
    locale = user.locale or request.settings.default_locale
    text = t(
        locale,
        "asp.notify",
        ref=aspiration.reference or "-",
        status=status_label(locale, aspiration.status),
    )
    if note:
        text += "\n" + t(locale, "asp.notify_note", note=escape(note))
    text += "\n" + t(locale, "asp.notify_next", action=action)
    request.notify(user.telegram_id, text)
