"""HR's survey results: the list, aggregates, charts, XLSX export and the follow-up list.

Results apply the anonymity rules (``SURVEY_MIN_GROUP``, default 5; complementary
suppression in ``bot.surveys.aggregate``) before anything is shown or exported, and read
only published responses (``bot.surveys.publishing``); individual answers and the
follow-up list exist only for named surveys. Charts and workbooks are rendered off the event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.privacy import mask_nip
from bot.surveys import LOW_SATISFACTION_MAX
from bot.surveys.aggregate import SurveyResults, aggregate, low_scores
from bot.surveys.catalog import definition_of, upsert_survey
from bot.surveys.charts import distribution_chart, unit_chart
from bot.surveys.definition import SurveyDef
from bot.surveys.export import to_xlsx
from bot.surveys.report import distribution_panels, group_name, headline_question, unit_bars
from storage.queries import audit
from storage.queries import survey_results as sr
from storage.queries import survey_waiting as sw
from storage.queries import surveys as q

Translate = Callable[..., str]  # t(key, **params) in the reader's language


@dataclass(frozen=True)
class Listed:
    """One survey of the /survei list."""

    survey_id: int
    survey: SurveyDef
    anonymous: bool
    responses: int


@dataclass(frozen=True)
class Results:
    """A survey with its aggregated results (anonymity threshold applied)."""

    survey_id: int
    survey: SurveyDef
    anonymous: bool
    results: SurveyResults


@dataclass(frozen=True)
class Charts:
    """PNG charts: answer distributions, and the headline question per unit when shown."""

    distribution: bytes
    per_unit: bytes | None


@dataclass(frozen=True)
class FollowUp:
    """One employee of a named survey with a low satisfaction score (NIP masked)."""

    name: str
    masked_nip: str
    round_label: str
    score: int


async def survey_list(session: AsyncSession) -> list[Listed]:
    """Every survey with its number of responses."""
    return [
        Listed(s.id, definition_of(s), s.anonymous, await sr.response_count(session, s.id))
        for s in await q.list_surveys(session)
    ]


async def survey_ids(session: AsyncSession) -> list[int]:
    """The ids of every survey, oldest first."""
    return [s.id for s in await q.list_surveys(session)]


async def results(session: AsyncSession, survey_id: int, min_group: int) -> Results | None:
    """Aggregate a survey's responses (None when there is no such survey)."""
    survey = await q.get_survey(session, survey_id)
    if survey is None:
        return None
    definition = definition_of(survey)
    responses, parts = await sr.result_rows(session, survey_id)
    waiting = await sw.waiting_count(session, survey_id)
    found = aggregate(definition, responses, parts, min_group, waiting)
    return Results(survey.id, definition, survey.anonymous, found)


async def charts(computed: Results, tr: Translate, locale: str) -> Charts | None:
    """The charts of computed results; None when too few responses to show any."""
    res, survey = computed.results, computed.survey
    if res.overall is None:
        return None
    title = survey.title_in(locale)
    panels = distribution_panels(locale, tr, survey, res.overall)
    dist_title = tr("survey.chart_dist_title", title=title)
    distribution = await asyncio.to_thread(distribution_chart, panels, dist_title)
    head, bars = headline_question(survey), unit_bars(tr, survey, res)
    per_unit = None
    if head is not None and bars:
        unit_title = tr("survey.chart_unit_title", question=head.label(locale))
        per_unit = await asyncio.to_thread(unit_chart, bars, unit_title)
    return Charts(distribution, per_unit)


async def export(session: AsyncSession, actor: int, computed: Results, tr: Translate) -> bytes:
    """The results workbook (named surveys: with individual answers); audited."""
    individual: list[tuple[str, str, str, dict[str, Any]]] = []
    if not computed.anonymous:
        individual = [
            (e.nip, e.name, label, answers)
            for e, label, answers in await sr.named_answers(session, computed.survey_id)
        ]
    data = await asyncio.to_thread(
        to_xlsx, computed.survey, computed.results, tr, lambda name: group_name(tr, name),
        individual,
    )  # fmt: skip
    await audit.record(
        session, audit.actor_of(actor), "survey.exported", "survey", computed.survey_id
    )
    return data


async def follow_up(session: AsyncSession, survey_id: int, tr: Translate) -> list[FollowUp]:
    """Employees of a named survey whose headline score is low, lowest first."""
    survey = await q.get_survey(session, survey_id)
    if survey is None or survey.anonymous:
        return []
    head = headline_question(definition_of(survey))
    if head is None:
        return []
    named = [((e, label), a) for e, label, a in await sr.named_answers(session, survey_id)]
    return [
        FollowUp(employee.name, mask_nip(employee.nip), group_name(tr, label), score)
        for (employee, label), score in low_scores(named, head.key, LOW_SATISFACTION_MAX)
    ]


async def is_anonymous(session: AsyncSession, survey_id: int) -> bool | None:
    """Whether a survey is anonymous (None when there is no such survey)."""
    survey = await q.get_survey(session, survey_id)
    return None if survey is None else survey.anonymous


async def store_default_survey(session: AsyncSession, definition: SurveyDef) -> None:
    """Store the shipped survey unless a survey with its slug exists (edits are kept)."""
    await upsert_survey(session, definition, "system", only_if_missing=True)
