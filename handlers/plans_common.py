"""Shared pieces of the plan handlers: clock, durable sends, consultation messages, jobs.

Everything sent to someone other than the user pressing the button (approvers,
employees, HR) goes through the delivery engine's outbox with a dedup key, so a restart
neither loses nor doubles it. Reminders and deadlines are scheduler items.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode

from bot import callback_data as cb
from bot.aspirations.windows import format_local
from bot.plans import consultation as kc
from bot.services.clock import Clock
from bot.texts import t
from handlers.request import escape_html as esc
from storage.db import Database
from storage.models import BotUser, Position, ScheduledItem, utcnow
from storage.queries import audit
from storage.queries import delivery as dq
from storage.queries import plans as q
from storage.queries import scheduling as sq
from storage.queries.users import get_user_by_employee, users_with_role

log = logging.getLogger(__name__)
REMINDER = "consultation_reminder"
DEADLINE = "consultation_deadline"


def clock_of(services: Any) -> Clock:
    """The services' clock (tests install a controllable one), else the wall clock."""
    clock = services.extras.get("clock")
    return clock if isinstance(clock, Clock) else Clock()


def fmt_date(value: date | None) -> str:
    """A date as DD-MM-YYYY."""
    return value.strftime("%d-%m-%Y") if value else "-"


def wake_outbox(services: Any) -> None:
    """Tell the outbox worker new rows are committed."""
    services.extras["outbox"].wake()


async def enqueue(
    session: AsyncSession,
    services: Any,
    chat_id: int,
    text: str,
    key: str,
    markup: InlineKeyboardMarkup | None = None,
) -> int:
    """Queue one HTML message in the outbox; ``key`` makes a repeat harmless."""
    not_before = min(clock_of(services).now(), utcnow())
    payload = markup.to_dict() if markup is not None else None
    return await dq.enqueue_messages(
        session, None, [(chat_id, text, payload)], dedup_prefix=key,
        parse_mode=ParseMode.HTML, not_before=not_before,
    )  # fmt: skip


async def notify_role(
    session: AsyncSession, services: Any, role: str, key: str, text_key: str, **params: object
) -> None:
    """Queue a translated notice to every holder of ``role``."""
    for chat_id in await users_with_role(session, role):
        user = await session.get(BotUser, chat_id)
        locale = (user.locale if user else None) or services.settings.default_locale
        await enqueue(session, services, chat_id, t(locale, text_key, **params), key)


async def employee_chat(
    session: AsyncSession, services: Any, employee_id: int
) -> tuple[int, str] | None:
    """(chat id, locale) of an employee's linked Telegram account, or None."""
    user = await get_user_by_employee(session, employee_id)
    if user is None:
        return None
    return user.telegram_id, user.locale or services.settings.default_locale


def consultation_buttons(locale: str, move_id: int, version: int) -> InlineKeyboardMarkup:
    """Setuju / Setuju dengan catatan / Keberatan / Tanya BKPSDM, tied to one version."""
    rows = [
        [("plans.kons_btn_ok", "ok"), ("plans.kons_btn_note", "note")],
        [("plans.kons_btn_obj", "obj"), ("plans.kons_btn_ask", "ask")],
    ]
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t(locale, key), callback_data=cb.build("kons", a, move_id, version)
                )
                for key, a in row
            ]
            for row in rows
        ]
    )


async def consultation_text(
    session: AsyncSession, services: Any, locale: str, row: q.MoveRow
) -> str:
    """The consultation message: where to, position, main duties, TMT, deadline."""
    move = row.move
    duties = ""
    if move.position_ref is not None:
        position = await session.get(Position, move.position_ref)
        duties = position.main_duties if position is not None else ""
    key = "plans.kons_message_revised" if move.version > 1 else "plans.kons_message"
    return t(
        locale, key, id=move.id, version=move.version, from_unit=esc(row.from_unit),
        from_position=esc(move.from_position or "-"), to_unit=esc(row.to_unit),
        to_position=esc(move.to_position), duties=esc(duties or "-"),
        tmt=fmt_date(move.proposed_tmt), rationale=esc(move.rationale or "-"),
        deadline=(format_local(move.deadline, services.settings.tz, locale)
                  if move.deadline else "-"),
    )  # fmt: skip


async def send_consultation(session: AsyncSession, services: Any, move_id: int) -> bool:
    """Queue the consultation of the move's current version; False if not linked."""
    row = await q.move_row(session, move_id)
    assert row is not None
    target = await employee_chat(session, services, row.employee.id)
    if target is None:
        return False
    chat_id, locale = target
    text = await consultation_text(session, services, locale, row)
    markup = consultation_buttons(locale, row.move.id, row.move.version)
    await enqueue(session, services, chat_id, text, f"kons{row.move.id}v{row.move.version}", markup)
    await schedule_consultation_jobs(session, services, row.move.id)
    return True


async def schedule_consultation_jobs(session: AsyncSession, services: Any, move_id: int) -> None:
    """(Re)place the reminder and deadline items of a move."""
    move = await q.get_move(session, move_id)
    assert move is not None and move.deadline is not None and move.consulted_at is not None
    for kind in (REMINDER, DEADLINE):
        await sq.cancel_pending(session, kind, move_id, "replaced")
    when = {REMINDER: kc.reminder_time(move.consulted_at, move.deadline), DEADLINE: move.deadline}
    scheduler = services.extras["scheduler"]
    for kind, run_at in when.items():
        await scheduler.schedule(session, kind, move_id, run_at)


async def cancel_consultation_jobs(session: AsyncSession, move_id: int) -> None:
    """Drop pending reminder and deadline items (answered, revised or closed move)."""
    for kind in (REMINDER, DEADLINE):
        await sq.cancel_pending(session, kind, move_id, "closed")


def register_kinds(scheduler: Any, services: Any) -> None:
    """Teach the scheduler what consultation reminders and deadlines do."""

    async def remind(_db: Database, session: AsyncSession, item: ScheduledItem) -> None:
        """Remind an employee who has not answered yet."""
        move = await q.get_move(session, item.ref_id)
        if move is None or move.status != "consultation" or move.answer is not None:
            return
        target = await employee_chat(session, services, move.employee_id)
        if target is None:
            return
        chat_id, locale = target
        deadline = (
            format_local(move.deadline, services.settings.tz, locale) if move.deadline else "-"
        )
        text = t(locale, "plans.kons_reminder", id=move.id, deadline=deadline)
        markup = consultation_buttons(locale, move.id, move.version)
        await enqueue(session, services, chat_id, text, f"rem{move.id}v{move.version}", markup)
        await audit.record(
            session, "system", "move.reminded", "move", move.id, version=move.version
        )

    async def deadline(_db: Database, session: AsyncSession, item: ScheduledItem) -> None:
        """Flag an unanswered move for HR once its deadline passed."""
        move = await q.get_move(session, item.ref_id)
        if move is None or move.status != "consultation" or move.answer is not None:
            return
        move.overdue = True
        await audit.record(session, "system", "move.overdue", "move", move.id, version=move.version)
        await notify_role(
            session, services, "hr", f"due{move.id}v{move.version}", "plans.overdue_notice",
            id=move.id, plan=move.plan_id,
        )  # fmt: skip

    def after(_item: ScheduledItem) -> None:
        """Rows are committed: wake the outbox worker."""
        wake_outbox(services)

    scheduler.register_kind(REMINDER, remind, after)
    scheduler.register_kind(DEADLINE, deadline, after)
