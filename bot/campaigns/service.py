"""/sosialisasi: the socialization template HR edits (texts and timings of its steps).

Plain values in, small results out; the chat face is ``handlers.campaigns``. Scheduling
the steps of decreed moves is ``bot.services.campaigns``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.campaigns.defaults import default_template, default_text
from bot.campaigns.preview import preview, sample_employee
from bot.campaigns.timing import OffsetError, parse_offset
from bot.delivery.notices import hr_locales
from bot.delivery.outbox import queue_message
from bot.delivery.template import CAMPAIGN_PLACEHOLDERS, template_error
from bot.events import MoveEvent
from bot.i18n.dates import format_date
from bot.messages import OutgoingMessage
from bot.texts import t
from storage.models.campaigns import CampaignStep
from storage.queries import audit
from storage.queries import campaigns as cq

Outcome = Literal["saved", "gone", "bad_html", "bad_placeholder", "bad_offset"]


@dataclass(frozen=True)
class StepView:
    """One step as HR sees it: number, timing and text in HR's language."""

    step_id: int
    n: int
    offset_days: int
    send_time: str
    text: str


@dataclass(frozen=True)
class TemplateView:
    """The default template and its steps in sending order."""

    name: str
    steps: list[StepView]


@dataclass(frozen=True)
class Edited:
    """The outcome of an edit; ``error`` explains ``bad_html`` or names the bad placeholders.

    A saved text comes with ``preview``: the text as ``sample`` (an employee) will read it.
    """

    outcome: Outcome
    error: str = ""
    preview: str = ""
    sample: str = ""


def text_of(locale: str, key: str) -> str:
    """Raw locale text (placeholders kept) for seeding the default template."""
    return default_text(locale, key)


def _text_in(step: CampaignStep, locale: str) -> str:
    """A step's text in ``locale`` (English or Indonesian)."""
    return step.text_en if locale == "en" else step.text_id


async def template_view(session: AsyncSession, locale: str) -> TemplateView:
    """The default template (created on first use) with its steps."""
    template = await default_template(session, text_of)
    steps = await cq.steps_of(session, template.id)
    return TemplateView(
        template.name,
        [
            StepView(s.id, n, s.offset_days, s.send_time, _text_in(s, locale))
            for n, s in enumerate(steps, start=1)
        ],
    )


async def step_exists(session: AsyncSession, step_id: int) -> bool:
    """True when the step is still there (a button may be older than an edit)."""
    return await cq.get_step(session, step_id) is not None


async def step_of(session: AsyncSession, step_id: int, n: int, locale: str) -> StepView | None:
    """One step as HR sees it (its current text and timing), None when it is gone."""
    step = await cq.get_step(session, step_id)
    if step is None:
        return None
    return StepView(step.id, n, step.offset_days, step.send_time, _text_in(step, locale))


async def save_text(
    session: AsyncSession, actor: int, step_id: int, locale: str, text: str,
    today: date | None = None,
) -> Edited:  # fmt: skip
    """Store a step's new text in HR's language (placeholders and Telegram HTML checked first).

    With ``today`` the result carries a preview filled in for a sample employee.
    """
    error = template_error(text, CAMPAIGN_PLACEHOLDERS)
    if error is not None:
        return Edited(
            "bad_placeholder" if error.kind == "placeholder" else "bad_html", error.detail
        )
    step = await cq.get_step(session, step_id)
    if step is None:
        return Edited("gone")
    if locale == "en":
        step.text_en = text
    else:
        step.text_id = text
    saved = await _saved(session, actor, step, "text")
    if today is None:
        return saved
    sample = await sample_employee(session, today, locale)
    return Edited(saved.outcome, preview=preview(text, sample), sample=sample.name)


async def save_offset(session: AsyncSession, actor: int, step_id: int, text: str) -> Edited:
    """Store a step's new timing, typed as ``H-14`` or ``H+1 09.00``."""
    step = await cq.get_step(session, step_id)
    if step is None:
        return Edited("gone")
    try:
        offset = parse_offset(text, step.send_time)
    except OffsetError:
        return Edited("bad_offset")
    step.offset_days, step.send_time = offset.days, offset.send_time
    return await _saved(session, actor, step, "offset")


async def _saved(session: AsyncSession, actor: int, step: CampaignStep, what: str) -> Edited:
    """Stamp the editor and write the audit entry."""
    step.updated_by = actor
    await audit.record(
        session, audit.actor_of(actor), "campaign.step_edited", "campaign_step", step.id, what=what
    )
    return Edited("saved")


async def tell_hr_skipped(
    session: AsyncSession, event: MoveEvent, count: int, default_locale: str
) -> None:
    """Queue (outbox, with the decree's transaction) every HR user's note of skipped steps."""
    tmt = format_date(event.effective_date, default_locale, "short")
    for chat_id, loc in (await hr_locales(session, default_locale)).items():
        text = t(loc, "campaigns.skipped_report", move=event.move_id, count=count, tmt=tmt)
        await queue_message(session, chat_id, OutgoingMessage(text), f"cskip{event.move_id}")
