"""HR drafts moves in the chat (or from /kandidat) and revises a move after an objection.

A move that breaks a rule is saved only with HR's written reason (kept in the audit
trail). A revision is a new version of the move that goes back to the approver and, once
approved, is consulted again; the employee's earlier buttons carry the old version and say
they are out of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations import planning
from bot.aspirations.planning import Asked
from bot.config import Settings
from bot.plans import aspiration_link
from bot.plans import status as st
from bot.plans.service import (
    Added,
    Busy,
    Destination,
    add_move,
    check_new_move,
    destination_of,
)
from bot.plans.service_return import (
    NO_APPROVER,
    REVISE,
    NoApprover,
    approver_missing,
    point,
    send_back,
)
from bot.privacy import mask_nip
from bot.rules.service import Judgement, NeedsReason, judge, record_overrides
from storage.models import Employee, MutationPlan, PlanMove
from storage.queries import audit
from storage.queries import plans as q
from storage.queries.employees import get_employee, get_employee_by_nip

NIP_LENGTH = 18
NIP_PREFIX_MIN = 4  # fewer typed digits find too many people to choose from
MAX_CHOICES = 30  # people offered for a typed name (paged in the chat)


@dataclass(frozen=True)
class Saved:
    """A new move: ``added`` (with its id), or why not (``needs_reason``: ``judgement``)."""

    outcome: Literal["added", "not_draft", "already", "needs_reason"]
    employee_name: str
    move_id: int = 0
    judgement: Judgement | None = None
    asked: Asked | None = None  # the employee's aspiration the move carries
    busy: Busy | None = None  # ``already``: the live move the employee has (in any plan)


@dataclass(frozen=True)
class Revised:
    """A revision: the new ``version``, None when stale, or the rules needing a reason, or
    ``no_approver``: no approver but HR could decide it (nothing changed)."""

    version: int | None
    judgement: Judgement | None = None
    no_approver: bool = False


@dataclass(frozen=True)
class Proposal:
    """A move proposed from /kandidat, waiting for its TMT and rationale."""

    plan: MutationPlan
    employee: Employee
    dest: Destination


async def draft_plans(session: AsyncSession, limit: int = 20) -> list[MutationPlan]:
    """The plans moves may still be added to (status Draf), the latest first."""
    return await q.list_plans(session, [st.PLAN_DRAFT], limit=limit)


async def draft_plan(session: AsyncSession, plan_id: int) -> MutationPlan | None:
    """The plan if moves may still be added to it (status Draf)."""
    plan = await q.get_plan(session, plan_id)
    return plan if plan is not None and plan.status == st.PLAN_DRAFT else None


@dataclass(frozen=True)
class PersonChoice:
    """One employee offered to choose from: name, masked NIP, unit and position."""

    id: int
    name: str
    nip: str  # masked: only the last digits
    unit: str
    position: str


@dataclass(frozen=True)
class PersonSearch:
    """What a typed NIP or name found: the employee of an exact NIP, else choices."""

    exact: Employee | None
    choices: tuple[PersonChoice, ...] = ()


def _digits(text: str) -> str | None:
    """The digits of a typed NIP ("19900101 201503 1 001" too), or None for a name."""
    digits = re.sub(r"[\s.\-]", "", text)
    return digits if digits.isdigit() else None


async def find_employees(session: AsyncSession, text: str) -> PersonSearch:
    """Pick an active employee only by an exact NIP; otherwise offer the best matches.

    Digits find the NIPs starting with them (at least ``NIP_PREFIX_MIN``), words the
    fuzzy-matched names, so a typo never silently picks someone else.
    """
    digits = _digits(text.strip())
    if digits is not None and len(digits) == NIP_LENGTH:
        exact = await get_employee_by_nip(session, digits)
        if exact is not None and exact.active:
            return PersonSearch(exact)
    if digits is not None and len(digits) < NIP_PREFIX_MIN:
        return PersonSearch(None)
    found = await q.find_employees(session, digits or text, limit=MAX_CHOICES)
    units = await q.unit_names(session) if found else {}
    choices = tuple(
        PersonChoice(e.id, e.name, mask_nip(e.nip), units.get(e.unit_id or 0, "-"),
                     e.position_title or "-")
        for e in found
    )  # fmt: skip
    return PersonSearch(None, choices)


async def employee(session: AsyncSession, employee_id: int) -> Employee | None:
    """The employee with this id, or None."""
    return await get_employee(session, employee_id)


async def check_move(
    session: AsyncSession,
    settings: Settings,
    employee_id: int,
    dest: Destination,
    tmt: date,
    revise: int | None = None,
) -> Judgement:
    """The rules of moving this employee to ``dest`` on ``tmt`` (a revision of ``revise``)."""
    found = await get_employee(session, employee_id)
    assert found is not None
    if revise is None:
        return await check_new_move(session, settings, found, dest, tmt)
    return await judge(session, settings, point="add", on=tmt, employee=found,
                       target=dest.target, exclude_move=revise)  # fmt: skip


async def asked(session: AsyncSession, employee_id: int, dest: Destination) -> Asked | None:
    """The employee's live aspiration asking for ``dest`` (their choice and reason), if any."""
    found = await planning.asked_for(
        session, [employee_id], dest.unit_id, dest.unit_name, dest.position
    )
    return found.get(employee_id)


async def save_move(
    session: AsyncSession, settings: Settings, actor_id: int, plan_id: int, employee_id: int,
    dest: Destination, tmt: date, rationale: str, override_reason: str,
    *, now: datetime, aspiration: tuple[int, int] | None = None,
) -> Saved:  # fmt: skip
    """Add the move to a draft plan (one live move per employee, in any plan); a blocking
    rule needs ``override_reason``. The move carries the aspiration HR started from
    (``aspiration``: id, choice) or the employee's accepted one asking for ``dest``."""
    found = await get_employee(session, employee_id)
    assert found is not None
    if await draft_plan(session, plan_id) is None:
        return Saved("not_draft", found.name)
    added = await add_move(
        session, settings, plan_id=plan_id, employee=found, dest=dest, tmt=tmt,
        rationale=rationale, override_reason=override_reason, actor=audit.actor_of(actor_id),
    )  # fmt: skip
    if isinstance(added, Busy):
        return Saved("already", found.name, busy=added)
    if isinstance(added, NeedsReason):
        return Saved("needs_reason", found.name, judgement=added.judgement)
    assert isinstance(added, Added)
    aspiration_id, choice = aspiration or (None, 0)
    asked = await aspiration_link.link(
        session, now, actor_id, added.move, settings.default_locale, aspiration_id, choice
    )
    return Saved("added", found.name, added.move.id, added.judgement, asked)


async def proposal(
    session: AsyncSession, position_id: int, employee_id: int
) -> Proposal | Literal["unknown", "no_draft"]:
    """From /kandidat: the latest draft plan, the employee and the open position."""
    position = await q.get_position_by_pk(session, position_id)
    found = await get_employee(session, employee_id)
    if position is None or found is None:
        return "unknown"
    drafts = await draft_plans(session, limit=1)
    if not drafts:
        return "no_draft"
    return Proposal(drafts[0], found, destination_of(position))


async def revisable_move(
    session: AsyncSession, move_id: int, actor_id: int
) -> PlanMove | NoApprover | None:
    """The move if it is under consultation (objected or unanswered moves are revised), or
    ``NoApprover`` when no approver but ``actor_id`` could decide the revision."""
    move = await q.get_move(session, move_id)
    if move is None or move.status != st.CONSULTATION:
        return None
    return NO_APPROVER if await approver_missing(session, actor_id) else move


async def current_destination(session: AsyncSession, move: PlanMove) -> str:
    """The move's destination as HR would type it: ``Unit / Jabatan``."""
    unit = (await q.unit_names(session)).get(move.to_unit_id or 0, "-")
    return f"{unit} / {move.to_position or '-'}"


def out_and_approval(dest: Destination) -> dict[str, object]:
    """A revision's agency outside, and no Minister's approval (it named the old move)."""
    return {"to_agency": dest.unit_name if dest.leaves_agency else "",
            "freeze_approval_number": "", "freeze_approval_date": None}  # fmt: skip


async def revise_move(
    session: AsyncSession, now: datetime, actor_id: int, move_id: int, dest: Destination,
    tmt: date, rationale: str, override_reason: str, *, settings: Settings,
) -> Revised:  # fmt: skip
    """Change a consulted move into a new version that goes back to the approver with the
    employee's objection (``service_return``); once approved HR consults the employee
    again. The rules are judged on the new TMT and a blocking one needs ``override_reason``."""
    move = await q.get_move(session, move_id, lock=True)
    if move is None or move.status != st.CONSULTATION:
        return Revised(None)
    employee = await get_employee(session, move.employee_id)
    assert employee is not None
    judgement = await judge(session, settings, point="add", on=tmt, employee=employee,
                            target=dest.target, exclude_move=move.id)  # fmt: skip
    if judgement.uncovered and not override_reason:
        return Revised(None, judgement)
    values = {
        "to_unit_id": dest.unit_id, "to_position": dest.position, "position_ref": dest.position_ref,
        "proposed_tmt": tmt, "overdue": False, "kept_reason": "", "warnings": [],
        "override_reason": "", **out_and_approval(dest),
    }  # fmt: skip
    agency = dest.unit_name if dest.leaves_agency else ""
    after = await point(session, dest.unit_id, agency, dest.position, tmt)
    version = await send_back(
        session, now, actor_id, move, REVISE, values=values, after=after, reason=rationale,
        default_locale=settings.default_locale,
    )  # fmt: skip
    if isinstance(version, NoApprover):
        return Revised(None, no_approver=True)
    if version is None:
        return Revised(None)
    actor = audit.actor_of(actor_id)
    await audit.record(
        session, actor, "move.revised", "move", move_id, version=version,
        to_position=dest.position, tmt=tmt.isoformat(), reason=rationale,
    )  # fmt: skip
    judgement = await record_overrides(session, move, judgement, override_reason, actor)
    return Revised(version, judgement)
