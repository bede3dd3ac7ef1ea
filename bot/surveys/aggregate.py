"""Aggregation of survey responses: response rate, distributions, means, eNPS, groups.

Anonymity rules (``bot.surveys.disclosure``), per cut (units, rounds) and per question: a
group is shown only with at least ``min_group`` responses, a question's figures only with
at least ``min_group`` answers, and what a cut hides must itself come from none or at
least ``min_group`` responses (answers), so that the overall figures minus the shown ones
never reveal a small group. Hidden units are merged into "other"; free-text comments are
shown only from shown units, never from "other".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.surveys import MIN_GROUP_SIZE
from bot.surveys.definition import Question, SurveyDef
from bot.surveys.disclosure import protect
from storage.types import ParticipationRow, ResponseRow

OTHER = "__other__"
REST = "__rest__"  # the hidden groups of a cut that are not shown as a row
INVITED_STATUSES = ("invited", "started", "finished", "closed")


@dataclass(frozen=True)
class Rate:
    """Response rate figures."""

    invited: int
    started: int
    finished: int

    @property
    def percent(self) -> float:
        """Finished as a share of invited, 0-100."""
        return 100.0 * self.finished / self.invited if self.invited else 0.0


@dataclass
class QuestionStats:
    """Figures of one question within one group."""

    key: str
    kind: str
    n: int = 0
    distribution: dict[str, int] = field(default_factory=dict)
    mean: float | None = None
    enps: float | None = None
    comments: list[str] = field(default_factory=list)
    hidden: bool = False  # too few answers (or derivable by subtraction): no figures


@dataclass
class GroupResult:
    """All question figures of one group of responses."""

    name: str
    n: int
    questions: dict[str, QuestionStats]


@dataclass
class SurveyResults:
    """Everything HR sees about a survey."""

    rate: Rate
    min_group: int
    responses: int
    overall: GroupResult | None
    by_unit: list[GroupResult]
    hidden_units: int
    by_round: list[GroupResult]
    comments: dict[str, list[str]]
    waiting: int = 0  # anonymous answers not yet published (bot.surveys.publishing)


def response_rate(rows: Iterable[ParticipationRow]) -> Rate:
    """Invited (invitation sent), started and finished counts."""
    invited = started = finished = 0
    for row in rows:
        if row.status not in INVITED_STATUSES:
            continue
        invited += 1
        started += int(row.started or row.status == "finished")
        finished += int(row.status == "finished")
    return Rate(invited, started, finished)


def enps(values: Sequence[int]) -> float | None:
    """Promoters (9-10) minus detractors (0-6), as a percentage of answers."""
    if not values:
        return None
    promoters = sum(1 for v in values if v >= 9)
    detractors = sum(1 for v in values if v <= 6)
    return 100.0 * (promoters - detractors) / len(values)


def question_stats(question: Question, answers: Iterable[dict[str, Any]]) -> QuestionStats:
    """Distribution, mean and (0-10 questions) eNPS of one question."""
    stats = QuestionStats(question.key, question.kind)
    values = [a[question.key] for a in answers if a.get(question.key) not in (None, "", [])]
    stats.n = len(values)
    if question.is_scale:
        low, high = question.scale_range
        stats.distribution = {str(v): 0 for v in range(low, high + 1)}
        for v in values:
            stats.distribution[str(v)] += 1
        stats.mean = sum(values) / len(values) if values else None
        if question.kind == "scale10":
            stats.enps = enps(values)
    elif question.kind in ("single", "multi"):
        stats.distribution = {k: 0 for k in question.option_keys()}
        for v in values:
            for key in v if isinstance(v, list) else [v]:
                if key in stats.distribution:
                    stats.distribution[key] += 1
    else:
        stats.comments = sorted(str(v) for v in values)  # sorted: no order to join on
    return stats


def group_result(survey: SurveyDef, name: str, rows: Sequence[ResponseRow]) -> GroupResult:
    """Figures of every question over ``rows``."""
    answers = [r.answers for r in rows]
    return GroupResult(
        name, len(rows), {q.key: question_stats(q, answers) for q in survey.questions}
    )


def _grouped(rows: Iterable[ResponseRow], by_round: bool) -> dict[str, list[ResponseRow]]:
    """Rows per unit group or per round label."""
    groups: dict[str, list[ResponseRow]] = {}
    for row in rows:
        groups.setdefault(row.round_label if by_round else row.group, []).append(row)
    return groups


def _hide_small_questions(
    survey: SurveyDef, rows: Sequence[GroupResult], rest: GroupResult | None, min_group: int
) -> None:
    """Per question: blank the cells of ``rows`` whose answers are few or derivable."""
    for q in survey.questions:
        if q.kind == "text":
            continue  # comments follow their group (shown units only)
        counts = {g.name: g.questions[q.key].n for g in rows}
        if rest is not None:
            counts[REST] = rest.questions[q.key].n
        shown = protect(counts, min_group, eligible=counts.keys() - {REST})
        for g in rows:
            if g.name not in shown:
                g.questions[q.key] = QuestionStats(q.key, q.kind, hidden=True)


def _cut(
    survey: SurveyDef,
    groups: dict[str, list[ResponseRow]],
    min_group: int,
    merged_row: bool,
) -> tuple[list[GroupResult], int]:
    """The shown groups of one cut (with an "other" row if ``merged_row``); hidden count."""
    shown = protect({name: len(rows) for name, rows in groups.items()}, min_group)
    result = [group_result(survey, name, groups[name]) for name in sorted(shown, key=_order)]
    rest_rows = [row for name, rows in groups.items() if name not in shown for row in rows]
    rest = group_result(survey, OTHER if merged_row else REST, rest_rows) if rest_rows else None
    if rest is not None and result and merged_row:
        for stats in rest.questions.values():
            stats.comments = []  # comments of groups below the threshold are never shown
        result.append(rest)
        rest = None
    _hide_small_questions(survey, result, rest, min_group)
    return result, len(groups) - len(shown)


def aggregate(
    survey: SurveyDef,
    responses: Sequence[ResponseRow],
    participations: Iterable[ParticipationRow],
    min_group: int = MIN_GROUP_SIZE,
    waiting: int = 0,
) -> SurveyResults:
    """All results of a survey, with the anonymity rules applied."""
    overall = group_result(survey, "", responses) if len(responses) >= min_group else None
    if overall is not None:
        _hide_small_questions(survey, [overall], None, min_group)
    by_unit, hidden_units = _cut(survey, _grouped(responses, by_round=False), min_group, True)
    by_round, _ = _cut(survey, _grouped(responses, by_round=True), min_group, False)
    comments: dict[str, list[str]] = {}
    for q in survey.questions:
        if q.kind == "text" and overall is not None:
            texts = [c for g in by_unit if g.name != OTHER for c in g.questions[q.key].comments]
            comments[q.key] = sorted(texts)
    for group in [*([overall] if overall else []), *by_round]:
        for stats in group.questions.values():
            stats.comments = []
    return SurveyResults(
        rate=response_rate(participations),
        min_group=min_group,
        responses=len(responses),
        overall=overall,
        by_unit=by_unit,
        hidden_units=hidden_units,
        by_round=by_round,
        comments=comments,
        waiting=waiting,
    )


def _order(label: str) -> tuple[int, str]:
    """Numeric labels (rounds 30, 90) first in numeric order, then the others by name."""
    return (int(label), "") if label.isdigit() else (10**6, label)


def low_scores(
    named: Iterable[tuple[Any, dict[str, Any]]], key: str, maximum: int
) -> list[tuple[Any, int]]:
    """People (any payload) whose answer to ``key`` is at most ``maximum``, lowest first."""
    found = [
        (who, int(a[key])) for who, a in named if isinstance(a.get(key), int) and a[key] <= maximum
    ]
    return sorted(found, key=lambda pair: pair[1])
