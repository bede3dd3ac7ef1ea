"""Shared pieces of the aspiration handlers: clock, window texts, eligibility, outbox wake-up."""

from __future__ import annotations

from datetime import date, datetime

from bot.aspirations import eligibility, render
from bot.aspirations.eligibility import Eligibility
from bot.aspirations.service import next_window
from bot.aspirations.windows import format_local
from handlers.request import Request
from storage.models import AspirationWindow, Employee

escape = render.esc


def now_of(request: Request) -> datetime:
    """The current UTC time from the services' clock (tests may install a fake one)."""
    return request.now()


def today_of(request: Request) -> date:
    """Today's local date."""
    return request.today()


def when(request: Request, value: datetime, *, end: bool = False) -> str:
    """A UTC time in the bot's local time zone (an ``end`` at midnight as 23.59 before it)."""
    return format_local(value, request.settings.tz, request.locale, end=end)


def window_line(request: Request, window: AspirationWindow, now: datetime) -> str:
    """One line describing a window and its state."""
    return render.window_line(request.locale, window, now, request.settings.tz)


def status_label(request: Request, status: str | None) -> str:
    """The word for a status in the user's language."""
    return render.status_label(request.locale, status)


def tell_no_window(request: Request, upcoming: AspirationWindow | None) -> None:
    """Tell the employee no window is open, and when the next one opens if known."""
    if upcoming is None:
        request.reply_key("asp.no_window")
        return
    request.reply_key(
        "asp.no_window_next",
        name=escape(upcoming.name),
        start=when(request, upcoming.starts_at),
        end=when(request, upcoming.ends_at, end=True),
    )


async def refuse_no_window(request: Request, now: datetime) -> None:
    """Tell the employee no window is open (kept for the /rekomendasi handler)."""
    tell_no_window(request, await next_window(request.session, now))


def eligibility_of(request: Request, employee: Employee) -> Eligibility:
    """The employee's eligibility today under the configured rules."""
    return eligibility.eligibility_of(employee, request.settings, today_of(request))


def wake_outbox_after_commit(request: Request) -> None:
    """Let the outbox worker look for the rows this update queued once they are committed."""
    outbox = request.services.outbox

    async def wake() -> None:
        """Wake the worker (runs after commit)."""
        outbox.wake()

    request.later(wake)
