"""HR sends a moves file (CSV/XLSX) in the chat: the moves go into the latest Draf plan.

The file upload chooser (``handlers.imports``) offers the kind ``moves``. The target is the
most recently created plan that is still a Draf; without one the import is refused.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application

from bot.plans import status as st
from bot.plans.moves_file import parse_moves
from bot.plans.moves_import import apply_moves, format_moves_report
from bot.roster.importer import file_error_text
from bot.roster.validation import RosterError
from bot.texts import t
from handlers.imports import Importer, ImportOutcome, add_import_kind
from handlers.plans_common import clock_of
from storage.queries import plans as q


def moves_importer(services: Any) -> Importer:
    """The chat importer of moves, bound to the services (settings and clock)."""

    async def import_moves(
        session: AsyncSession, data: bytes, filename: str, partial: bool, actor: str, locale: str
    ) -> ImportOutcome:
        """Add the file's moves to the most recent Draf plan (all or nothing unless partial)."""
        drafts = await q.list_plans(session, [st.PLAN_DRAFT], limit=1)
        if not drafts:
            return ImportOutcome(t(locale, "plans.imp_no_draft"), False, False)
        plan = drafts[0]
        today = clock_of(services).now().astimezone(services.settings.tz).date()
        try:
            parsed = parse_moves(data, filename, today=today)
        except RosterError as exc:
            return ImportOutcome(file_error_text(exc, locale), False, False)
        report = await apply_moves(
            session, parsed, plan_id=plan.id, partial=partial, actor=actor,
            settings=services.settings, today=today, filename=filename,
        )  # fmt: skip
        head = t(locale, "plans.imp_target", id=plan.id, name=plan.name)
        text = head + "\n" + format_moves_report(report, locale)
        return ImportOutcome(text, bool(report.problems), report.applied)

    return import_moves


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Offer the ``moves`` kind in the HR file upload."""
    add_import_kind("moves", moves_importer(app.bot_data["services"]), "import.kind_moves")
