"""Follow-up cases, the workflows: opened by the employee, worked and closed by HR.

A case is opened only by the employee's own "yes" to the separate question after an
anonymous survey (its own update and transaction, after the answers were stored as
waiting answers); it records the employee, the round and the day, never an answer.
Owners rotate among HR officers (round-robin) and any officer may take a case. Status
changes are compare-and-set and audited; the owner is told through the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import queue_message
from bot.followup import CASES_PAGE
from bot.followup.rules import due_date, is_overdue, next_owner, page_bounds
from bot.messages import OutgoingMessage
from bot.plans.notices import esc
from bot.privacy import mask_nip
from bot.texts import t
from storage.queries import audit
from storage.queries import followup as q
from storage.queries import surveys as sq
from storage.queries.employees import get_employee
from storage.queries.users import get_user, users_with_role

OPEN, CLOSED = q.OPEN, q.CLOSED


@dataclass(frozen=True)
class Contact:
    """The employee's "yes": a case ``opened``, one ``already`` open for the round, or not."""

    outcome: Literal["opened", "already", "refused"]
    case_id: int = 0


@dataclass(frozen=True)
class CaseLine:
    """One open case in the /tindak_lanjut list (NIP masked)."""

    case_id: int
    name: str
    masked_nip: str
    unit: str
    due_on: date
    overdue: bool
    owner: int | None


@dataclass(frozen=True)
class CasePage:
    """A page of open cases, the overdue first, with the totals."""

    lines: list[CaseLine]
    page: int
    pages: int
    total: int
    overdue: int


@dataclass(frozen=True)
class CaseCard:
    """Everything HR sees on one case (no survey answer: there is none to see)."""

    case_id: int
    status: str
    name: str
    masked_nip: str
    unit: str
    position: str
    survey: str
    round_label: str
    opened_on: date
    due_on: date
    overdue: bool
    owner: int | None
    closing_note: str
    notes: list[tuple[datetime, str]] = field(default_factory=list)


async def request_contact(
    session: AsyncSession, now: datetime, today: date, actor_id: int, employee_id: int | None,
    participation_id: int, *, due_days: int, default_locale: str,
) -> Contact:  # fmt: skip
    """Open a named case for the employee's finished anonymous survey round (once)."""
    loaded = await sq.load_participation(session, participation_id)
    employee = await get_employee(session, employee_id) if employee_id is not None else None
    if loaded is None or employee is None or not employee.active:
        return Contact("refused")
    part, rnd, survey = loaded
    if part.employee_id != employee.id or part.status != "finished" or not survey.anonymous:
        return Contact("refused")
    existing = await q.case_of(session, employee.id, rnd.id)
    if existing is not None:
        return Contact("already", existing.id)
    owner = next_owner(await users_with_role(session, "hr"), await q.last_owner(session))
    case = await q.add_case(
        session, employee_id=employee.id, round_id=rnd.id, created_on=today,
        due_on=due_date(today, due_days), owner=owner,
    )  # fmt: skip
    await audit.record(session, audit.actor_of(actor_id), "followup.opened", "followup", case.id)
    if owner is not None:
        await _tell_owner(session, now, owner, default_locale, case.id, employee.name)
    return Contact("opened", case.id)


async def _tell_owner(
    session: AsyncSession, now: datetime, owner: int, default_locale: str, case_id: int, name: str
) -> None:
    """Queue the "a case was assigned to you" notice in the owner's language."""
    user = await get_user(session, owner)
    locale = (user.locale if user else None) or default_locale
    text = t(locale, "followup.assigned_notice", id=case_id, name=esc(name))
    await queue_message(session, owner, OutgoingMessage(text), f"fu{case_id}", not_before=now)


async def open_cases(session: AsyncSession, today: date, page: int) -> CasePage:
    """One page of open cases, the earliest due (the overdue) first."""
    total, overdue = await q.count_open(session, today)
    page, pages = page_bounds(total, page, CASES_PAGE)
    rows = await q.open_cases(session, page * CASES_PAGE, CASES_PAGE)
    lines = [
        CaseLine(
            r.case.id,
            r.employee.name,
            mask_nip(r.employee.nip),
            r.unit or "-",
            r.case.due_on,
            is_overdue(r.case.due_on, today),
            r.case.owner_telegram_id,
        )
        for r in rows
    ]
    return CasePage(lines, page, pages, total, overdue)


async def case_card(session: AsyncSession, case_id: int, today: date) -> CaseCard | None:
    """The card of one case, or None when there is no such case."""
    row = await q.case_row(session, case_id)
    if row is None:
        return None
    case, employee = row.case, row.employee
    survey, label = await q.round_of(session, case.round_id) or ("-", "")
    notes = [(n.at, n.text) for n in await q.notes_of(session, case.id)]
    overdue = case.status == OPEN and is_overdue(case.due_on, today)
    return CaseCard(
        case.id, case.status, employee.name, mask_nip(employee.nip), row.unit or "-",
        employee.position_title or "-", survey, label, case.created_on, case.due_on, overdue,
        case.owner_telegram_id, case.closing_note, notes,
    )  # fmt: skip


async def take_case(session: AsyncSession, actor_id: int, case_id: int) -> bool:
    """The officer becomes the owner of an open case; False when it is gone or closed."""
    if not await q.update_case(session, case_id, {"status": OPEN}, {"owner_telegram_id": actor_id}):
        return False
    await audit.record(session, audit.actor_of(actor_id), "followup.taken", "followup", case_id)
    return True


async def add_note(
    session: AsyncSession, now: datetime, actor_id: int, case_id: int, text: str
) -> bool:
    """Note an action on an open case (audited); False when it is gone or closed."""
    row = await q.case_row(session, case_id)
    if row is None or row.case.status != OPEN:
        return False
    note = await q.add_note(session, case_id, actor_id, text, now)
    await audit.record(
        session, audit.actor_of(actor_id), "followup.noted", "followup", case_id, note_id=note.id
    )
    return True


async def close_case(
    session: AsyncSession, now: datetime, actor_id: int, case_id: int, note: str
) -> bool:
    """Close an open case with a closing note (audited); False when gone or closed."""
    values = {"status": CLOSED, "closed_at": now, "closed_by": actor_id, "closing_note": note}
    if not await q.update_case(session, case_id, {"status": OPEN}, values):
        return False
    await audit.record(session, audit.actor_of(actor_id), "followup.closed", "followup", case_id)
    return True
