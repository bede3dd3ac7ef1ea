"""Aggregation of survey responses: response rate, distributions, means, eNPS, groups.

Anonymity rule: a group (unit or round) is shown only with at least ``min_group``
responses; smaller unit groups are merged into "other" (shown only if that reaches the
threshold too) and their free-text comments are never shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.surveys import MIN_GROUP_SIZE
from bot.surveys.definition import Question, SurveyDef
from storage.types import ParticipationRow, ResponseRow

OTHER = "__other__"
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


def aggregate(
    survey: SurveyDef,
    responses: Sequence[ResponseRow],
    participations: Iterable[ParticipationRow],
    min_group: int = MIN_GROUP_SIZE,
) -> SurveyResults:
    """All results of a survey, with the anonymity threshold applied."""
    units = _grouped(responses, by_round=False)
    shown = {name: rows for name, rows in units.items() if len(rows) >= min_group}
    small = [row for name, rows in units.items() if name not in shown for row in rows]
    by_unit = [group_result(survey, name, rows) for name, rows in sorted(shown.items())]
    if len(small) >= min_group:
        other = group_result(survey, OTHER, small)
        for stats in other.questions.values():
            stats.comments = []  # comments of groups below the threshold are never shown
        by_unit.append(other)
    rounds = _grouped(responses, by_round=True)
    by_round = [
        group_result(survey, label, rows)
        for label, rows in sorted(rounds.items(), key=lambda kv: _round_order(kv[0]))
        if len(rows) >= min_group
    ]
    overall = group_result(survey, "", responses) if len(responses) >= min_group else None
    comments: dict[str, list[str]] = {}
    for q in survey.questions:
        if q.kind == "text" and overall is not None:
            texts = [c for g in by_unit if g.name != OTHER for c in g.questions[q.key].comments]
            comments[q.key] = sorted(texts)
    if overall is not None:
        for stats in overall.questions.values():
            stats.comments = []
    return SurveyResults(
        rate=response_rate(participations),
        min_group=min_group,
        responses=len(responses),
        overall=overall,
        by_unit=by_unit,
        hidden_units=len(units) - len(shown),
        by_round=by_round,
        comments=comments,
    )


def _round_order(label: str) -> tuple[int, str]:
    """Numeric round labels (30, 90) first in numeric order, then the others."""
    return (int(label), "") if label.isdigit() else (10**6, label)


def low_scores(
    named: Iterable[tuple[Any, dict[str, Any]]], key: str, maximum: int
) -> list[tuple[Any, int]]:
    """People (any payload) whose answer to ``key`` is at most ``maximum``, lowest first."""
    found = [
        (who, int(a[key])) for who, a in named if isinstance(a.get(key), int) and a[key] <= maximum
    ]
    return sorted(found, key=lambda pair: pair[1])
