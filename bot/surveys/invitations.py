"""Survey invitations, reminders and closing through the scheduler and the outbox.

Kinds of scheduled items (``ref_id`` in brackets):

* ``survey_invite`` (participation): send the invitation, then schedule the reminders
  and the closing relative to the invitation time;
* ``survey_remind`` (participation): remind, only when not finished;
* ``survey_close`` (participation): close an unfinished participation and say so;
* ``survey_round`` (round): an HR sending: invite everyone in the round's audience.

Every message is an outbox row with a dedup key, so a second firing sends nothing twice.
Move events (``move.decreed`` / ``move.tmt_changed`` / ``move.cancelled``) create,
move or cancel the invitations at TMT + the survey's offsets.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import recipients
from bot.delivery.outbox import queue_message
from bot.events import MOVE_CANCELLED, MOVE_DECREED, MOVE_TMT_CHANGED, MoveEvent
from bot.i18n.dates import format_date
from bot.messages import Button, OutgoingMessage
from bot.surveys import CLOSE_AFTER_DAYS, INVITE_LOCAL_HOUR, REMINDER_OFFSETS_DAYS
from bot.surveys.buttons import StartSurvey
from bot.surveys.catalog import definition_of
from bot.texts import t
from storage.models.surveys import OPEN_PARTICIPATION, Survey, SurveyParticipation, SurveyRound
from storage.queries import surveys as q

KIND_INVITE = "survey_invite"
KIND_REMIND = "survey_remind"
KIND_CLOSE = "survey_close"
KIND_ROUND = "survey_round"
PARTICIPATION_KINDS = (KIND_INVITE, KIND_REMIND, KIND_CLOSE)
ScheduleFn = Callable[[AsyncSession, str, int, datetime], Awaitable[Any]]
CancelFn = Callable[[AsyncSession, str, int], Awaitable[int]]


def due_time(tmt: date, offset_days: int, tz: ZoneInfo) -> datetime:
    """TMT + offset days at the local invitation hour, as an aware datetime."""
    local = datetime.combine(tmt + timedelta(days=offset_days), time(INVITE_LOCAL_HOUR), tz)
    return local.astimezone(ZoneInfo("UTC"))


def with_start_button(text: str, locale: str, participation_id: int) -> OutgoingMessage:
    """An invitation or reminder with its start button."""
    button = Button(t(locale, "survey.btn_start"), StartSurvey(participation_id))
    return OutgoingMessage(text, ((button,),))


class SurveyJobs:
    """Scheduled survey work; ``schedule``/``cancel`` come from the Scheduler (or the CLI)."""

    def __init__(
        self,
        schedule: ScheduleFn,
        tz: ZoneInfo,
        default_locale: str,
        cancel: CancelFn | None = None,
        reschedule: Callable[..., Awaitable[Any]] | None = None,
    ) -> None:
        self.schedule = schedule
        self.cancel = cancel
        self.reschedule = reschedule
        self.tz = tz
        self.locale = default_locale

    # -- move events --------------------------------------------------------------------

    async def on_move_decreed(self, session: AsyncSession, event: MoveEvent) -> None:
        """Create one scheduled invitation per move survey and offset."""
        for survey in await q.move_surveys(session):
            for offset in definition_of(survey).offsets_days:
                rnd = await q.round_for(session, survey.id, "move", str(offset))
                due = due_time(event.effective_date, offset, self.tz)
                part = await q.add_participation(
                    session, rnd.id, event.employee_id, event.move_id, event.to_unit_id, due
                )
                if part is not None:
                    await self.schedule(session, KIND_INVITE, part.id, due)

    async def on_move_tmt_changed(self, session: AsyncSession, event: MoveEvent) -> None:
        """Move the not yet sent invitations of a move to the new TMT."""
        if self.reschedule is None:
            return
        for part in await q.participations_of_move(session, event.move_id):
            if part.status != "scheduled":
                continue
            rnd = await q.load_participation(session, part.id)
            if rnd is None or not rnd[1].label.isdigit():
                continue
            part.due_at = due_time(event.effective_date, int(rnd[1].label), self.tz)
            await self.reschedule(session, KIND_INVITE, part.id, part.due_at)

    async def on_move_cancelled(self, session: AsyncSession, event: MoveEvent) -> None:
        """Cancel pending invitations, reminders and closings of a cancelled move."""
        parts = await q.participations_of_move(session, event.move_id)
        await q.cancel_unfinished(session, [part.id for part in parts])
        for part in parts:
            if self.cancel is not None:
                for kind in PARTICIPATION_KINDS:
                    await self.cancel(session, kind, part.id)

    # -- firing -------------------------------------------------------------------------

    async def fire_invite(self, session: AsyncSession, part_id: int, run_at: datetime) -> None:
        """Send the invitation and plan its reminders and closing."""
        loaded = await q.load_participation(session, part_id)
        if loaded is None or loaded[0].status != "scheduled":
            return
        part, rnd, survey = loaded
        closes_at = rnd.closes_at or run_at + timedelta(days=CLOSE_AFTER_DAYS)
        await self._invite(session, part, survey, run_at, closes_at)

    async def _invite(
        self,
        session: AsyncSession,
        part: SurveyParticipation,
        survey: Survey,
        run_at: datetime,
        closes_at: datetime,
    ) -> None:
        """Mark invited, enqueue the invitation, schedule reminders and the closing."""
        part.status, part.invited_at, part.closes_at = "invited", run_at, closes_at
        chat = await q.chat_of(session, part.employee_id)
        if chat is not None:
            chat_id, locale = chat[0], chat[1] or self.locale
            definition = definition_of(survey)
            text = t(
                locale,
                "survey.invite",
                title=definition.title_in(locale),
                anonymity=t(locale, "survey.anon_yes" if survey.anonymous else "survey.anon_no"),
                count=len(definition.questions),
                deadline=format_date(closes_at.astimezone(self.tz), locale),
            )
            message = with_start_button(text, locale, part.id)
            await queue_message(session, chat_id, message, f"svinv{part.id}")
        for days in REMINDER_OFFSETS_DAYS:
            remind_at = run_at + timedelta(days=days)
            if remind_at < closes_at:
                await self.schedule(session, KIND_REMIND, part.id, remind_at)
        await self.schedule(session, KIND_CLOSE, part.id, closes_at)

    async def fire_remind(self, session: AsyncSession, part_id: int) -> None:
        """Remind someone who has not finished."""
        loaded = await q.load_participation(session, part_id)
        if loaded is None or loaded[0].status not in OPEN_PARTICIPATION:
            return
        part, _rnd, survey = loaded
        chat = await q.chat_of(session, part.employee_id)
        part.reminders_sent += 1
        if chat is None:
            return
        chat_id, locale = chat[0], chat[1] or self.locale
        closes = part.closes_at
        deadline = format_date(closes.astimezone(self.tz), locale) if closes else "-"
        text = t(
            locale,
            "survey.reminder",
            title=definition_of(survey).title_in(locale),
            deadline=deadline,
        )
        message = with_start_button(text, locale, part.id)
        await queue_message(session, chat_id, message, f"svrem{part.id}n{part.reminders_sent}")

    async def fire_close(self, session: AsyncSession, part_id: int) -> None:
        """Close an unfinished participation and tell the person."""
        loaded = await q.load_participation(session, part_id)
        if loaded is None or loaded[0].status not in OPEN_PARTICIPATION:
            return
        part, _rnd, survey = loaded
        await q.close_open(session, [part.id])
        chat = await q.chat_of(session, part.employee_id)
        if chat is None:
            return
        chat_id, locale = chat[0], chat[1] or self.locale
        text = t(locale, "survey.closed_notice", title=definition_of(survey).title_in(locale))
        await queue_message(session, chat_id, OutgoingMessage(text), f"svcls{part.id}")

    async def fire_round(self, session: AsyncSession, round_id: int, run_at: datetime) -> int:
        """Open an HR sending: invite everyone in its audience now; return how many."""
        rnd = await session.get(SurveyRound, round_id, with_for_update=True)
        if rnd is None or rnd.status != "scheduled":
            return 0
        survey = await session.get(Survey, rnd.survey_id)
        assert survey is not None
        rnd.status = "open"
        chats = await recipients.resolve_audience(session, rnd.audience or {"kind": "all"})
        closes_at = rnd.closes_at or run_at + timedelta(days=CLOSE_AFTER_DAYS)
        count = 0
        for employee_id, unit_id in await q.employees_of_chats(session, chats):
            part = await q.add_participation(session, rnd.id, employee_id, 0, unit_id, run_at)
            if part is not None:
                await self._invite(session, part, survey, run_at, closes_at)
                count += 1
        return count


def attach_jobs(
    settings: Any, scheduler: Any, events: Any, wake_outbox: Callable[[], None]
) -> SurveyJobs:
    """Register the survey kinds, move-event subscribers and the ``survey_pending`` audience."""
    jobs = SurveyJobs(
        scheduler.schedule,
        settings.tz,
        settings.default_locale,
        cancel=scheduler.cancel_ref,
        reschedule=scheduler.reschedule,
    )

    def wake(_item: Any) -> None:
        """Let the outbox worker send the new rows now."""
        wake_outbox()

    async def invite(_db: Any, session: Any, item: Any) -> None:
        """Fire one invitation."""
        await jobs.fire_invite(session, item.ref_id, item.run_at)

    async def remind(_db: Any, session: Any, item: Any) -> None:
        """Fire one reminder."""
        await jobs.fire_remind(session, item.ref_id)

    async def close(_db: Any, session: Any, item: Any) -> None:
        """Close one participation."""
        await jobs.fire_close(session, item.ref_id)

    async def open_round(_db: Any, session: Any, item: Any) -> None:
        """Open an HR sending."""
        await jobs.fire_round(session, item.ref_id, item.run_at)

    scheduler.register_kind(KIND_INVITE, invite, wake)
    scheduler.register_kind(KIND_REMIND, remind, wake)
    scheduler.register_kind(KIND_CLOSE, close, wake)
    scheduler.register_kind(KIND_ROUND, open_round, wake)
    events.subscribe(MOVE_DECREED, jobs.on_move_decreed)
    events.subscribe(MOVE_TMT_CHANGED, jobs.on_move_tmt_changed)
    events.subscribe(MOVE_CANCELLED, jobs.on_move_cancelled)
    recipients.register_audience_resolver("survey_pending", q.pending_chat_ids)
    return jobs
