"""Consultation rules: answer kinds, objection categories, deadlines, reminders, tallies."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

AGREE = "agree"
AGREE_NOTES = "agree_notes"
OBJECT = "object"
ANSWERS = (AGREE, AGREE_NOTES, OBJECT)
AGREEING = frozenset({AGREE, AGREE_NOTES})
OBJECTION_CATEGORIES = ("family", "health", "career", "competence", "distance", "other")
TEXT_MAX_LEN = 500
DEFAULT_DEADLINE_DAYS = 7
REMINDER_BEFORE = timedelta(days=2)
# After the decision an employee may still ask BKPSDM about the move until TMT + 30 days.
QUESTIONS_AFTER_TMT = timedelta(days=30)
DECIDED = frozenset({"approved", "decreed", "done"})  # shown in /usulan once consulted
QuestionRefusal = Literal["", "outdated", "too_late"]


def deadline_from(sent_at: datetime, days: int = DEFAULT_DEADLINE_DAYS) -> datetime:
    """The answer deadline of a consultation sent at ``sent_at``."""
    return sent_at + timedelta(days=days)


def reminder_time(sent_at: datetime, deadline: datetime) -> datetime:
    """When to remind: two days before the deadline, or half-way for short deadlines."""
    if deadline - sent_at > REMINDER_BEFORE * 2:
        return deadline - REMINDER_BEFORE
    return sent_at + (deadline - sent_at) / 2


def needs_reminder(answer: str | None, status: str, version: int, scheduled_version: int) -> bool:
    """A reminder goes only to an unanswered, current consultation."""
    return status == "consultation" and answer is None and version == scheduled_version


@dataclass(frozen=True)
class MoveView:
    """The consultation facts of one move, for tallies."""

    status: str
    answer: str | None
    overdue: bool
    open_questions: int


@dataclass
class Tally:
    """Per plan: consulted, answered, agreed, objected, overdue, open questions."""

    consulted: int = 0
    answered: int = 0
    agreed: int = 0
    objected: int = 0
    overdue: int = 0
    open_questions: int = 0


def tally(moves: Iterable[MoveView]) -> Tally:
    """Count the consultation outcome of a plan's moves."""
    result = Tally()
    for move in moves:
        result.open_questions += move.open_questions
        if move.status not in ("consultation", "decreed", "done"):
            continue
        result.consulted += 1
        if move.answer is not None:
            result.answered += 1
        if move.answer in AGREEING:
            result.agreed += 1
        elif move.answer == OBJECT:
            result.objected += 1
        if move.overdue and move.answer is None:
            result.overdue += 1
    return result


def is_stale(button_version: int, move_version: int, status: str) -> bool:
    """True when a consultation button belongs to an earlier version or a closed move."""
    return button_version != move_version or status != "consultation"


def questions_until(tmt: date) -> date:
    """The last day an employee may ask BKPSDM about a decided move with this TMT."""
    return tmt + QUESTIONS_AFTER_TMT


def decided_shown(status: str, consulted: bool, tmt: date, today: date) -> bool:
    """A decided move the employee sees in /usulan: consulted, and not carried out long ago."""
    if status not in DECIDED or not consulted:
        return False
    return status != "done" or today <= questions_until(tmt)


def question_refusal(
    button_version: int, move_version: int, status: str, consulted: bool, tmt: date, today: date
) -> QuestionRefusal:
    """Why "Tanya BKPSDM" on a move is refused now ("" when allowed): a button of an earlier
    version, a move not (or no longer) the employee's to ask about, or TMT + 30 days passed."""
    if button_version != move_version:
        return "outdated"
    if status == "consultation":
        return ""
    if status not in DECIDED or not consulted:
        return "outdated"
    return "" if today <= questions_until(tmt) else "too_late"
