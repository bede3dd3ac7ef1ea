"""Stored surveys: a survey's parsed definition, and creating or updating one by slug.

The rows are storage's (``storage.queries.surveys``); parsing the stored definition and the
rule that anonymity is fixed at creation are the domain's, here.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.surveys.definition import SurveyDef, parse_definition
from storage.models.surveys import Survey
from storage.queries import surveys as q


class SurveyChangeError(ValueError):
    """An edit that is not allowed (e.g. changing anonymity after creation)."""


def definition_of(survey: Survey) -> SurveyDef:
    """The validated definition stored with a survey."""
    return parse_definition(survey.definition)


async def upsert_survey(
    session: AsyncSession, definition: SurveyDef, actor: str, *, only_if_missing: bool = False
) -> tuple[Survey, str]:
    """Create or update a survey by slug; returns it and ``created|updated|unchanged``."""
    data = definition.to_dict()
    title = definition.title_in("id")
    survey = await q.survey_by_slug(session, definition.slug)
    if survey is None:
        created = await q.add_survey(
            session,
            slug=definition.slug,
            title=title,
            anonymous=definition.anonymous,
            trigger=definition.trigger,
            definition=data,
            actor=actor,
        )
        return created, "created"
    if only_if_missing or survey.definition == data:
        return survey, "unchanged"
    if survey.anonymous != definition.anonymous:
        raise SurveyChangeError("anonymity is fixed at creation")
    q.update_survey(survey, title=title, trigger=definition.trigger, definition=data)
    return survey, "updated"
