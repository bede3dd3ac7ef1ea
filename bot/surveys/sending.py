"""HR sends a survey to an audience now or later: the one code path of the CLI and the chat.

A sending is a ``manual`` round holding the audience spec plus one ``survey_round``
scheduled item at the chosen time; when it fires, :meth:`SurveyJobs.fire_round` invites
everyone the audience then resolves to, through the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import recipients
from bot.i18n.dates import format_date
from bot.surveys import CLOSE_AFTER_DAYS
from bot.surveys.catalog import definition_of
from bot.surveys.definition import SurveyDef
from bot.surveys.invitations import KIND_ROUND, ScheduleFn
from storage.queries import audit
from storage.queries import surveys as q


class SendError(ValueError):
    """A sending that cannot be made; ``key`` names the text to show."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class SendResult:
    """What was scheduled: the round, how many recipients now, when it opens and closes."""

    round_id: int
    survey_id: int
    count: int
    run_at: datetime
    closes_at: datetime


async def sendable(session: AsyncSession, survey_id: int) -> SurveyDef | None:
    """The definition of a survey HR may send, or None when there is no such survey."""
    survey = await q.get_survey(session, survey_id)
    return definition_of(survey) if survey is not None else None


async def recipient_count(session: AsyncSession, spec: dict[str, Any]) -> int:
    """How many reachable people the audience resolves to now (unit names resolved in place)."""
    if spec.get("kind") == "units" and not spec.get("unit_ids"):
        spec["unit_ids"] = [
            u for u, _ in await recipients.resolve_units(session, spec.get("names") or [])
        ]
    return len(await recipients.resolve_audience(session, spec))


async def send_survey(
    session: AsyncSession,
    survey_id: int,
    spec: dict[str, Any],
    *,
    schedule: ScheduleFn,
    actor: str,
    now: datetime,
    run_at: datetime | None = None,
    days: int = CLOSE_AFTER_DAYS,
    label: str = "",
    tz: Any = None,
) -> SendResult:
    """Create the manual round and schedule its opening; raise SendError when not possible.

    ``run_at`` None means now; a time not after ``now`` is refused. Raises
    ``bot.delivery.audience.AudienceError`` for unit names that match nothing.
    """
    survey = await q.get_survey(session, survey_id)
    if survey is None:
        raise SendError("survey.cli_unknown", id=survey_id)
    if run_at is not None and run_at <= now:
        raise SendError("survey.send_past")
    when = run_at or now
    closes_at = when + timedelta(days=max(1, days))
    count = await recipient_count(session, spec)
    name = label or format_date((when.astimezone(tz) if tz else when).date(), None, "short")
    rnd = await q.add_round(session, survey.id, name, spec, when, closes_at, actor)
    await schedule(session, KIND_ROUND, rnd.id, when)
    await audit.record(session, actor, "survey.sent", "survey_round", rnd.id, audience=spec)
    return SendResult(rnd.id, survey.id, count, when, closes_at)


async def send_from_chat(
    session: AsyncSession,
    hr_id: int,
    survey_id: int,
    spec: dict[str, Any],
    *,
    schedule: ScheduleFn,
    now: datetime,
    run_at: datetime | None,
    tz: Any,
) -> SendResult:
    """HR's sending from the chat, audited as that HR user (see :func:`send_survey`)."""
    actor = audit.actor_of(hr_id)
    return await send_survey(
        session, survey_id, spec, schedule=schedule, actor=actor, now=now, run_at=run_at, tz=tz
    )
