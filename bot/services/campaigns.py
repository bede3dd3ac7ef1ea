"""Socialization campaigns on the scheduler: follow decreed, re-dated and cancelled moves.

Subscribed to the event bus (``bot.events``), so everything runs inside the emitter's
transaction: scheduling a campaign commits (or rolls back) with the decree. Each step
instance is one ``ScheduledItem`` of kind ``campaign_step``; firing it queues one outbox
row for the employee, rendered in their language at firing time (so HR's text edits
apply to steps not sent yet).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.campaigns.defaults import TextOf, default_template
from bot.campaigns.timing import step_run_at
from bot.delivery.template import render
from bot.events import MOVE_CANCELLED, MOVE_DECREED, MOVE_TMT_CHANGED, EventBus, MoveEvent
from bot.services.scheduler import Scheduler
from storage.db import Database
from storage.models.campaigns import CampaignEnrollment, CampaignStep, CampaignStepInstance
from storage.models.delivery import ScheduledItem
from storage.queries import campaigns as cq
from storage.queries import delivery as dq

log = logging.getLogger(__name__)
KIND = "campaign_step"
SkipReport = Callable[[MoveEvent, int], None]


@dataclass
class CampaignService:
    """Schedules, moves and cancels the campaign steps of moves."""

    scheduler: Scheduler
    zone: ZoneInfo
    text_of: TextOf
    default_locale: str = "id"
    on_skipped: SkipReport | None = None
    wake: Callable[[], None] | None = None

    def attach(self, events: EventBus) -> None:
        """Subscribe to the move events and register the scheduled kind."""
        events.subscribe(MOVE_DECREED, self.on_decreed)
        events.subscribe(MOVE_TMT_CHANGED, self.on_tmt_changed)
        events.subscribe(MOVE_CANCELLED, self.on_cancelled)
        self.scheduler.register_kind(KIND, self.fire, self._after_fire, self.missed)

    async def on_decreed(self, session: AsyncSession, event: MoveEvent) -> None:
        """Enroll the employee and schedule every future step; skip (and report) past ones."""
        if await cq.enrollment_of_move(session, event.move_id) is not None:
            await self.on_tmt_changed(session, event)  # decreed again: follow the TMT
            return
        template = await default_template(session, self.text_of)
        enrollment = await cq.add_enrollment(
            session,
            move_id=event.move_id,
            plan_id=event.plan_id,
            employee_id=event.employee_id,
            template_id=template.id,
            effective_date=event.effective_date,
        )
        now = self.scheduler.clock.now()
        skipped = 0
        for step in await cq.steps_of(session, template.id):
            run_at = self._run_at(event, step)
            instance = CampaignStepInstance(
                enrollment_id=enrollment.id, step_id=step.id, run_at=run_at, status="pending",
                reason="",
            )  # fmt: skip
            session.add(instance)
            await session.flush()
            if run_at <= now:
                instance.status, instance.reason = "skipped", "past_at_decree"
                skipped += 1
                continue
            await self.scheduler.schedule(session, KIND, instance.id, run_at)
        if skipped and self.on_skipped is not None:
            self.on_skipped(event, skipped)

    async def on_tmt_changed(self, session: AsyncSession, event: MoveEvent) -> None:
        """Move pending steps to the new TMT; re-open skipped steps that are now ahead."""
        enrollment = await cq.enrollment_of_move(session, event.move_id)
        if enrollment is None:
            await self.on_decreed(session, event)
            return
        enrollment.effective_date = event.effective_date
        enrollment.status = "active"
        now = self.scheduler.clock.now()
        for instance in await cq.instances_of(session, enrollment.id):
            if instance.status not in ("pending", "skipped", "cancelled"):
                continue
            step = await session.get(CampaignStep, instance.step_id)
            if step is None:
                continue
            run_at = self._run_at(event, step)
            instance.run_at = run_at
            if run_at <= now:
                if instance.status == "pending":
                    await self.scheduler.cancel_ref(session, KIND, instance.id)
                instance.status, instance.reason = "skipped", "past_after_tmt_change"
            elif instance.status == "pending":
                await self.scheduler.reschedule(session, KIND, instance.id, run_at)
            else:
                instance.status, instance.reason = "pending", ""
                await self.scheduler.schedule(session, KIND, instance.id, run_at)

    async def on_cancelled(self, session: AsyncSession, event: MoveEvent) -> None:
        """Cancel every pending step of the move's campaign."""
        enrollment = await cq.enrollment_of_move(session, event.move_id)
        if enrollment is None:
            return
        enrollment.status = "cancelled"
        for instance in await cq.instances_of(session, enrollment.id):
            if instance.status == "pending":
                await self.scheduler.cancel_ref(session, KIND, instance.id)
                instance.status, instance.reason = "cancelled", "move_cancelled"

    async def fire(self, _db: Database, session: AsyncSession, item: ScheduledItem) -> None:
        """Queue the step's message for the employee (one outbox row, deduplicated)."""
        instance = await session.get(CampaignStepInstance, item.ref_id)
        if instance is None or instance.status != "pending":
            return
        step = await session.get(CampaignStep, instance.step_id)
        enrollment = await session.get(CampaignEnrollment, instance.enrollment_id)
        if step is None or enrollment is None or enrollment.status != "active":
            instance.status, instance.reason = "cancelled", "campaign_inactive"
            return
        employee, unit, user = await cq.recipient_of(session, enrollment.employee_id)
        if user is None:
            instance.status, instance.reason = "not_linked", "no_reachable_chat"
            return
        locale = user.locale or self.default_locale
        new_unit, new_position = await cq.destination_of(session, enrollment.move_id)
        values = {
            "nama": employee.name,
            "unit_baru": new_unit or unit or "-",
            "jabatan_baru": new_position or employee.position_title or "-",
            "tmt": enrollment.effective_date.strftime("%d-%m-%Y"),
        }  # HR's text is checked Telegram HTML; render escapes the values, keeps the unknown
        text = render(step.text_en if locale == "en" else step.text_id, values)
        broadcast = await dq.create_broadcast(
            session,
            kind=KIND,
            title=f"campaign step {step.id}",
            text=text,
            parse_mode="HTML",
            audience={"kind": "employees", "employee_ids": [employee.id]},
        )
        await dq.enqueue_messages(
            session,
            broadcast.id,
            [(user.telegram_id, text, None)],
            dedup_prefix=f"cs{instance.id}",
            parse_mode="HTML",
        )
        instance.status, instance.broadcast_id = "queued", broadcast.id
        instance.reason = "late" if item.late else ""

    async def missed(self, _db: Database, session: AsyncSession, item: ScheduledItem) -> None:
        """Beyond the grace period: the step is not sent."""
        instance = await session.get(CampaignStepInstance, item.ref_id)
        if instance is not None and instance.status == "pending":
            instance.status, instance.reason = "missed", "beyond_grace"

    def _after_fire(self, _item: ScheduledItem) -> None:
        """The row is committed: let the worker send it now."""
        if self.wake is not None:
            self.wake()

    def _run_at(self, event: MoveEvent, step: CampaignStep) -> datetime:
        """The UTC time of ``step`` for the move's TMT."""
        return step_run_at(event.effective_date, step.offset_days, step.send_time, self.zone)
