"""``asn-bot survey import|list|send``: survey definitions and HR sendings from the shell.

``send`` only writes to the database (a manual round and a scheduled item); the running
bot's scheduler polls for the item and sends the invitations through the outbox.
"""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.common import fail, run_printing, settings_or_exit, typed_or_exit
from bot.delivery.audience import AudienceError, parse_audience
from bot.i18n.dates import format_datetime
from bot.surveys.catalog import SurveyChangeError, upsert_survey
from bot.surveys.definition import DefinitionError, load_file
from bot.surveys.sending import SendError, send_survey
from bot.texts import t
from storage.models.base import utcnow
from storage.queries import scheduling as sq
from storage.queries import survey_results as sr
from storage.queries import surveys as q
from storage.queries.audit import record


def _run(action: Any) -> int:
    """Run ``action(session, settings)`` in one transaction; print its lines."""
    settings = settings_or_exit()
    return run_printing(settings, lambda session: action(session, settings))


def cmd_import(args: argparse.Namespace) -> int:
    """Validate a definition file and store it (by slug)."""
    settings = settings_or_exit()
    try:
        definition = load_file(args.file)
    except DefinitionError as exc:
        fail(t(settings.default_locale, "survey.cli_invalid", error=str(exc)), 2)
        raise

    async def action(session: Any, s: Any) -> tuple[int, list[str]]:
        loc = s.default_locale
        try:
            survey, status = await upsert_survey(session, definition, "cli")
        except SurveyChangeError:
            return 2, [t(loc, "survey.cli_anon_fixed", slug=definition.slug)]
        await record(session, "cli", f"survey.{status}", "survey", survey.id)
        line = t(
            loc,
            "survey.cli_imported",
            id=survey.id,
            slug=survey.slug,
            status=t(loc, "survey.status", status=status),
        )
        return 0, [line]

    return _run(action)


def cmd_list(_args: argparse.Namespace) -> int:
    """Print every survey."""

    async def action(session: Any, s: Any) -> tuple[int, list[str]]:
        loc = s.default_locale
        surveys = await q.list_surveys(session)
        if not surveys:
            return 0, [t(loc, "survey.cli_none")]
        lines = []
        for survey in surveys:
            lines.append(
                t(
                    loc,
                    "survey.cli_list_line",
                    id=survey.id,
                    slug=survey.slug,
                    title=survey.title,
                    anon=t(loc, "survey.anon_short" if survey.anonymous else "survey.named_short"),
                    trigger=survey.trigger,
                    version=survey.version,
                    responses=await sr.response_count(session, survey.id),
                )
            )
        return 0, lines

    return _run(action)


def cmd_send(args: argparse.Namespace) -> int:
    """Create a manual round for an audience and schedule its invitations."""
    settings = settings_or_exit()
    loc = settings.default_locale
    try:
        spec = parse_audience(args.audience)
    except AudienceError as exc:
        fail(t(loc, exc.key, **exc.params))
        raise
    typed = typed_or_exit(args.at, settings, time_rule="required") if args.at else None
    run_at = typed.at() if typed is not None else None

    async def action(session: Any, s: Any) -> tuple[int, list[str]]:
        try:
            sent = await send_survey(
                session,
                args.id,
                spec,
                schedule=sq.add_item,
                actor="cli",
                now=utcnow(),
                run_at=run_at,
                days=args.days,
                label=args.label,
                tz=s.tz,
            )
        except (SendError, AudienceError) as exc:
            return 1, [t(loc, exc.key, **exc.params)]
        return 0, [
            t(
                loc,
                "survey.cli_sent",
                round=sent.round_id,
                id=sent.survey_id,
                count=sent.count,
                when=format_datetime(sent.run_at, loc, s.tz, "short"),
                closes=format_datetime(sent.closes_at, loc, s.tz, "short"),
            )
        ]

    return _run(action)
