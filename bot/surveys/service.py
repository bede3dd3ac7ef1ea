"""Answering a survey: start or resume, answer/skip/back one question, submit — the workflows.

The draft lives in the participation row, so a restart or /cancel continues where the
employee was. Every action names the participation and (for a question) its index; both
are checked here against the employee and the question being asked, so a forged or
stale button never stores anything. Results are small values the handler renders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.surveys import answers as sa
from bot.surveys.catalog import definition_of
from bot.surveys.definition import Question, SurveyDef
from storage.models.surveys import Survey, SurveyParticipation, SurveyRound
from storage.queries import surveys as q

Draft = dict[str, Any]
Change = Callable[[SurveyDef, Question, Draft], Draft]  # raises AnswerError


@dataclass(frozen=True)
class Refused:
    """Nothing stored; ``key`` says why (not yours, finished, closed, another question …)."""

    key: str


@dataclass(frozen=True)
class Invalid:
    """The answer is not acceptable; nothing stored."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Asking:
    """The draft moved on: show the current question (or the summary)."""

    participation_id: int
    survey: SurveyDef
    draft: Draft
    started: bool = False  # first opening: show the introduction
    resumed: bool = False


@dataclass(frozen=True)
class Finished:
    """The answers are stored (``anonymous``: as waiting answers, without the person)."""

    participation_id: int
    anonymous: bool = False


@dataclass(frozen=True)
class _Loaded:
    """An open participation of the employee with its round and survey."""

    part: SurveyParticipation
    rnd: SurveyRound
    row: Survey
    survey: SurveyDef

    @property
    def draft(self) -> Draft:
        """The stored draft (a new one before the first answer)."""
        return self.part.draft or sa.new_draft()


async def _load(
    session: AsyncSession, now: datetime, employee_id: int | None, pid: int
) -> _Loaded | Refused:
    """The employee's open participation ``pid``; a deadline passed closes it."""
    loaded = await q.load_participation(session, pid)
    if loaded is None or employee_id is None or loaded[0].employee_id != employee_id:
        return Refused("survey.not_yours")
    part, rnd, row = loaded
    if part.status == "finished":
        return Refused("survey.already_done")
    if part.status == "cancelled":
        return Refused("survey.cancelled")
    if part.status == "closed" or (part.closes_at and now > part.closes_at):
        if part.status != "closed":
            await q.close_open(session, [part.id])
        return Refused("survey.closed")
    if part.status not in ("invited", "started"):
        return Refused("survey.not_yours")
    return _Loaded(part, rnd, row, definition_of(row))


async def open_surveys(
    session: AsyncSession, now: datetime, employee_id: int
) -> list[tuple[int, SurveyDef]]:
    """(participation id, survey) of the invitations the employee can still answer."""
    return [
        (p.id, definition_of(s))
        for p, _r, s in await q.open_for_employee(session, employee_id)
        if p.closes_at is None or p.closes_at >= now
    ]


async def start(
    session: AsyncSession, now: datetime, employee_id: int | None, pid: int
) -> Asking | Refused:
    """Open an invitation (first time: mark it started) or resume where it was left."""
    loaded = await _load(session, now, employee_id, pid)
    if isinstance(loaded, Refused):
        return loaded
    part = loaded.part
    first = part.status == "invited"
    if first:
        part.status, part.started = "started", True
    part.draft = sa.new_draft() if first else loaded.draft
    return Asking(part.id, loaded.survey, part.draft, started=first, resumed=not first)


async def change(
    session: AsyncSession, now: datetime, employee_id: int | None, pid: int, index: int, fn: Change
) -> Asking | Refused | Invalid:
    """Apply a button's change to question ``index`` (which must be the one being asked)."""
    loaded = await _load(session, now, employee_id, pid)
    if isinstance(loaded, Refused):
        return loaded
    draft = loaded.draft
    if loaded.part.status != "started" or draft["idx"] != index:
        return Refused("survey.not_current")
    if index >= len(loaded.survey.questions):
        return Refused("survey.not_current")
    try:
        new = fn(loaded.survey, loaded.survey.questions[index], draft)
    except sa.AnswerError as exc:
        return Invalid(exc.key, dict(exc.params))
    return _asking(loaded, new)


def _asking(loaded: _Loaded, draft: Draft) -> Asking:
    """Keep the new draft and ask on."""
    loaded.part.draft = draft
    return Asking(loaded.part.id, loaded.survey, draft)


def answer_with(raw: str) -> Change:
    """A button answer (Likert, scale, single choice)."""
    return lambda survey, question, draft: sa.answer(survey, draft, sa.button_value(question, raw))


def toggle_option(option: str) -> Change:
    """Tick or untick an option of a multiple-choice question (not answered yet)."""

    def apply(_survey: SurveyDef, question: Question, draft: Draft) -> Draft:
        """Keep the new selection as pending (stored when confirmed)."""
        current = _chosen(question, draft)
        return {**draft, "pending": {question.key: sa.toggle(question, current, option)}}

    return apply


def confirm_options(survey: SurveyDef, question: Question, draft: Draft) -> Draft:
    """Answer a multiple-choice question with the ticked options."""
    return sa.answer(survey, draft, _chosen(question, draft))


def skip_question(survey: SurveyDef, _question: Question, draft: Draft) -> Draft:
    """Skip an optional question."""
    return sa.skip(survey, draft)


def previous_question(_survey: SurveyDef, _question: Question, draft: Draft) -> Draft:
    """Go back one question."""
    return sa.back(draft)


def _chosen(question: Question, draft: Draft) -> Any:
    """The options ticked so far (pending), else the stored answer."""
    return draft.get("pending", {}).get(question.key, draft["answers"].get(question.key))


async def typed_answer(
    session: AsyncSession, now: datetime, employee_id: int | None, pid: int, text: str
) -> Asking | Refused | Invalid:
    """A typed answer to the question being asked (text, or a number for scales)."""
    loaded = await _load(session, now, employee_id, pid)
    if isinstance(loaded, Refused):
        return loaded
    draft = loaded.draft
    if draft["idx"] >= len(loaded.survey.questions):
        return Invalid("survey.err_use_buttons")
    question = loaded.survey.questions[draft["idx"]]
    try:
        new = sa.answer(loaded.survey, draft, sa.parse_typed(question, text))
    except sa.AnswerError as exc:
        return Invalid(exc.key, dict(exc.params))
    return _asking(loaded, new)


async def _complete(
    session: AsyncSession, now: datetime, employee_id: int | None, pid: int
) -> _Loaded | Refused:
    """A participation whose summary is being shown (every question passed)."""
    loaded = await _load(session, now, employee_id, pid)
    if isinstance(loaded, Refused):
        return loaded
    if loaded.part.status != "started" or not sa.is_complete(loaded.survey, loaded.draft):
        return Refused("survey.not_current")
    return loaded


async def revise(
    session: AsyncSession, now: datetime, employee_id: int | None, pid: int
) -> Asking | Refused:
    """From the summary back to the last question."""
    loaded = await _complete(session, now, employee_id, pid)
    if isinstance(loaded, Refused):
        return loaded
    return _asking(loaded, sa.back(loaded.draft))


async def submit(
    session: AsyncSession, now: datetime, employee_id: int | None, pid: int, today: date
) -> Finished | Refused:
    """Store the re-validated answers once (anonymous: without the person, to be published)."""
    loaded = await _complete(session, now, employee_id, pid)
    if isinstance(loaded, Refused):
        return loaded
    clean = sa.final_answers(loaded.survey, loaded.draft)
    if not await q.submit(session, loaded.part, loaded.rnd, loaded.row, clean, today):
        return Refused("survey.already_done")
    return Finished(pid, loaded.row.anonymous)
