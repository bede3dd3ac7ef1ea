"""Aspirations in planning: who asked for a post, and an aspiration following its move.

``choice_for`` (pure) finds which of an employee's ranked choices names a destination;
``asked_for`` marks the candidates of /kandidat and the move form; ``follow_move`` moves
the aspiration behind a move along with it (included in a plan → decreed, or not taken),
compare-and-set through the aspiration's own state machine, with a history row, an audit
entry and a notice to the employee in the outbox, in their language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.aspirations import changes
from bot.aspirations.labels import PLANNING_NOTICE_KEYS, esc, reason_label, status_label
from bot.aspirations.rules import (
    ACCEPTED,
    PLANNED,
    SUBMITTED,
    UNDO_WINDOW,
    VERIFIED,
    can,
)
from bot.delivery.outbox import queue_message
from bot.i18n.dates import format_date
from bot.messages import OutgoingMessage
from bot.texts import t
from storage.models import Aspiration
from storage.queries import aspirations as q
from storage.queries import aspirations_changes as qc
from storage.queries.users import user_of_active_employee

# Wishes still alive: shown as "asked for this" next to a candidate.
ASKING = (SUBMITTED, VERIFIED, ACCEPTED, PLANNED)


@dataclass(frozen=True)
class Asked:
    """An employee's aspiration naming a destination: which choice, why, its status."""

    aspiration_id: int
    reference: str
    choice: int  # 1 = the employee's first choice
    reason: str  # the reason category code
    status: str


def same_name(a: object, b: object) -> bool:
    """Two names equal apart from case and spacing."""
    return " ".join(str(a or "").split()).casefold() == " ".join(str(b or "").split()).casefold()


def choice_for(
    prefs: Sequence[Mapping[str, Any]], unit_id: int | None, unit_name: str, position: str
) -> int | None:
    """The rank (from 1) of the first choice naming this unit and position, or None.

    A choice without a position ("any position in the unit") names every post of the unit;
    the unit is compared by id when both sides have one, else by name.
    """
    for rank, pref in enumerate(prefs, start=1):
        pref_unit_id = pref.get("unit_id")
        if unit_id is not None and pref_unit_id is not None:
            same_unit = int(pref_unit_id) == unit_id
        else:
            same_unit = same_name(pref.get("unit"), unit_name)
        wanted = str(pref.get("position") or "")
        if same_unit and (not wanted or same_name(wanted, position)):
            return rank
    return None


def asked_in(
    aspiration: Aspiration, unit_id: int | None, unit_name: str, position: str
) -> Asked | None:
    """The aspiration as ``Asked`` when one of its choices names the destination."""
    rank = choice_for(aspiration.preferences or [], unit_id, unit_name, position)
    if rank is None:
        return None
    return Asked(
        aspiration.id, aspiration.reference or "-", rank, aspiration.reason_category,
        aspiration.status,
    )  # fmt: skip


async def asked_for(
    session: AsyncSession,
    employee_ids: Iterable[int],
    unit_id: int | None,
    unit_name: str,
    position: str,
    statuses: Sequence[str] = ASKING,
) -> dict[int, Asked]:
    """Employee id -> their latest aspiration (in ``statuses``) asking for this destination."""
    found: dict[int, Asked] = {}
    for aspiration in await q.aspirations_of_employees(session, list(employee_ids), statuses):
        if aspiration.employee_id in found:
            continue  # newest first: the latest asking aspiration wins
        asked = asked_in(aspiration, unit_id, unit_name, position)
        if asked is not None:
            found[aspiration.employee_id] = asked
    return found


async def linkable(
    session: AsyncSession, employee_id: int, unit_id: int | None, unit_name: str, position: str
) -> Asked | None:
    """The employee's accepted aspiration asking for this destination (a move may carry it)."""
    found = await asked_for(session, [employee_id], unit_id, unit_name, position, (ACCEPTED,))
    return found.get(employee_id)


@dataclass(frozen=True)
class Place:
    """Where the move takes the employee, as the notice names it."""

    unit: str
    position: str
    tmt: date


async def follow_move(
    session: AsyncSession,
    now: datetime,
    actor_id: int | None,
    aspiration_id: int | None,
    action: str,
    place: Place,
    default_locale: str,
) -> bool:
    """Move the aspiration behind a move along (``include``, ``decree``, ``not_take``).

    Compare-and-set on the aspiration's status: nothing happens (False) when there is no
    aspiration or its status does not allow the action (already followed, or moved on).
    The employee is told in their language; every notice waits until the notice of a fresh
    acceptance (still in its undo time) is due, so they arrive in order: a move added and
    cancelled within those minutes does not say "not taken" before "accepted".
    """
    aspiration = await qc.get_aspiration(session, aspiration_id) if aspiration_id else None
    if aspiration is None or not can(action, aspiration.status):
        return False
    entries = await q.history(session, aspiration.id)
    change = await changes.apply(session, now, actor_id, aspiration, action)
    if change is None:
        return False
    user = await user_of_active_employee(session, aspiration.employee_id)
    if user is None:
        return True
    locale = user.locale or default_locale
    text = "\n".join(
        [
            t(locale, "asp.notify", ref=aspiration.reference or "-",
              status=status_label(locale, aspiration.status)),
            t(locale, PLANNING_NOTICE_KEYS[action], unit=esc(place.unit),
              position=esc(place.position), tmt=format_date(place.tmt, locale)),
        ]
    )  # fmt: skip
    not_before = max([now, *(e.at + UNDO_WINDOW.get(e.action, timedelta(0)) for e in entries)])
    key = changes.notice_key(aspiration.id, change.entry.id)
    await queue_message(
        session, user.telegram_id, OutgoingMessage(text), key, not_before=not_before
    )
    return True


def asked_text(locale: str, asked: Asked) -> str:
    """ "Asked for this in aspiration …: choice N, reason, status" for HR."""
    return t(
        locale, "aspp.asked", ref=asked.reference, choice=asked.choice,
        reason=reason_label(locale, asked.reason), status=status_label(locale, asked.status),
    )  # fmt: skip


def asked_flag(locale: str, asked: Asked) -> str:
    """The short mark of a candidate line: choice N and the reason."""
    return t(
        locale, "aspp.asked_flag", choice=asked.choice, reason=reason_label(locale, asked.reason)
    )
