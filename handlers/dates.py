"""Dates typed in a conversation step: one reader and one set of refusals for every flow.

Each step that asks for a date calls :func:`typed_date`; on a problem the user is told
what is wrong with the format and an example (``dates.*`` texts) and stays at the step.
Prompts include ``{ dates-hint_date }`` (or ``_datetime``) and pass
``example=date_example(request)``.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.i18n.date_input import DateProblem, TimeRule, TypedDate, example_of, read_date
from bot.i18n.dates import format_date, format_datetime
from handlers.flows import expect_text
from handlers.request import Request, escape_html

MAX_LEN = 60


def typed_date(
    request: Request, *, time_rule: TimeRule = "none", not_past: bool = False
) -> TypedDate | None:
    """The typed date of this update, or None after saying what is wrong with it."""
    text = expect_text(request, max_len=MAX_LEN)
    if text is None:
        return None
    result = read_date(
        text, now=request.now(), zone=request.settings.tz, locale=request.locale,
        time_rule=time_rule, not_past=not_past,
    )  # fmt: skip
    if isinstance(result, DateProblem):
        request.reply_key(result.key, **{k: escape_html(v) for k, v in result.params.items()})
        return None
    return result


def date_example(request: Request, *, with_time: bool = False) -> str:
    """An example near today in the shown format, for prompts (``dates.hint_*`` texts)."""
    return example_of(request.now(), request.settings.tz, request.locale, with_time=with_time)


def shown_time(request: Request, moment: datetime) -> str:
    """A UTC moment as lists show it: ``31-12-2026 08.00 WIB`` in the user's language."""
    return format_datetime(moment, request.locale, request.settings.tz, "short")


def shown_date(request: Request, day: date | None) -> str:
    """A date as lists show it: ``31-12-2026`` ("-" when missing)."""
    return format_date(day, request.locale, "short") if day else "-"
