"""/rekomendasi: open positions that fit the employee, with reasons and "add to aspiration".

Also registers the positions file import (HR sends a CSV/XLSX) and shared helpers for the
HR views in ``handlers.matching_hr``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.aspirations import draft as d
from bot.aspirations.rules import MAX_PREFERENCES
from bot.matching.explain import explanation_lines
from bot.matching.positions_import import apply_positions, format_positions_report, parse_positions
from bot.matching.service import Match, MatchingService
from bot.roster.validation import RosterError
from bot.texts import t
from handlers import aspirations_steps as asp_steps
from handlers.aspirations_common import eligibility_of, now_of, refuse_no_window
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import PAUSED, resume_step
from handlers.imports import ImportOutcome, add_import_kind
from handlers.request import Request, keyboard
from handlers.request import escape_html as esc
from storage.models.matching import Position
from storage.queries import aspirations as qa
from storage.queries import matching as qm
from storage.queries.conversation import get_state

MAX_MESSAGE = 4096
SAFE_MESSAGE = 3900  # room for the "…and N more" line
TOP_RECOMMENDATIONS = 5
ASP_FLOW = asp_steps.FLOW


def service_of(request: Request) -> MatchingService:
    """The application's matching service (created at registration)."""
    service: MatchingService = request.context.application.bot_data["matching"]
    return service


def ensure_service(app: Application[Any, Any, Any, Any, Any, Any]) -> MatchingService:
    """The application's matching service, created on first call (nothing loaded yet)."""
    service = app.bot_data.get("matching")
    if not isinstance(service, MatchingService):
        service = app.bot_data["matching"] = MatchingService()
    return service


def fit_message(head: str, blocks: Sequence[str], more: Callable[[int], str]) -> str:
    """``head`` plus as many ``blocks`` as fit in one message, then ``more(left_out)``."""
    text = head
    for i, block in enumerate(blocks):
        if len(text) + len(block) + 2 > SAFE_MESSAGE:
            return text + "\n\n" + more(len(blocks) - i)
        text += "\n\n" + block
    return text[:MAX_MESSAGE]


def join_limited(request: Request, head: str, blocks: Sequence[str]) -> str:
    """:func:`fit_message` with the translated "…and N more" line."""
    return fit_message(head, blocks, lambda count: request.t("match.more", count=count))


def reasons(request: Request, match: Match) -> str:
    """The explanation lines of one match, as bullet points."""
    lines = explanation_lines(match.explanation, match.employee, match.position, request.locale)
    return "\n".join("• " + esc(line) for line in lines)


async def rekomendasi_cmd(request: Request) -> None:
    """Show the employee's top open positions with reasons and add-to-aspiration buttons."""
    employee = request.employee
    assert employee is not None
    request.typing()
    draft_units = await _draft_units(request)
    rec = await service_of(request).recommend(
        request.session, employee, top=TOP_RECOMMENDATIONS, preferred_units=draft_units
    )
    if not rec.competences:
        text = request.t("match.rec.vague")
        if rec.unplaced:
            unplaced = ", ".join(rec.unplaced)[:300]
            text += "\n\n" + request.t("match.rec.unplaced", items=esc(unplaced))
        request.reply(text)
        return
    skills = esc(", ".join(rec.competences))
    if rec.open_positions == 0:
        request.reply_key("match.rec.no_positions")
        return
    if not rec.matches:
        request.reply_key("match.rec.none", skills=skills)
        return
    cat = await service_of(request).catalogue(request.session)
    blocks, rows = [], []
    for n, match in enumerate(rec.matches, start=1):
        spec = match.position
        head = request.t(
            "match.rec.item", n=n, title=esc(spec.title), unit=esc(spec.unit),
            code=esc(spec.position_id), score=f"{match.score:.2f}",
        )  # fmt: skip
        blocks.append(head + "\n" + reasons(request, match))
        pk = cat.pks.get(spec.position_id)
        if pk is not None:
            rows.append([(request.t("match.rec.btn_add", n=n), cb.build("rek", "add", pk))])
    text = join_limited(request, request.t("match.rec.title", skills=skills), blocks)
    request.reply(text, keyboard(rows) if rows else None)


async def _draft_units(request: Request) -> list[str]:
    """Units already chosen in the employee's aspiration draft (for the preference bonus)."""
    state = await get_state(request.session, request.telegram_id)
    if state is None or state.flow != ASP_FLOW:
        return []
    return [str(p.get("unit")) for p in d.prefs(dict(state.data)) if p.get("unit")]


async def rek_callback(request: Request) -> None:
    """Add a recommended position to the employee's aspiration draft."""
    data = request.button()
    if data.action != "add":
        raise cb.CallbackDataError("unknown action")
    request.answer()
    position = await qm.get_position_by_pk(request.session, data.int_arg(0))
    if position is None or not position.open:
        request.reply_key("match.closed")
        return
    await add_to_aspiration(request, position)


async def add_to_aspiration(request: Request, position: Position) -> None:
    """Put ``position`` (its unit and title) into the aspiration draft and continue it."""
    employee = request.employee
    assert employee is not None
    state = await get_state(request.session, request.telegram_id)
    if state is not None and state.flow == ASP_FLOW:
        draft = {k: v for k, v in copy.deepcopy(state.data).items() if k != "_resume_step"}
        current = resume_step(state, d.ELIG)
    elif state is not None and state.step != PAUSED:
        request.reply_key("match.rec.busy")
        return
    else:
        new = await _new_draft(request)
        if new is None:
            return
        draft, current = new, d.ELIG
    problem = _preference_problem(request, draft, position)
    if problem:
        request.reply_key(problem, max=MAX_PREFERENCES)
        return
    if not draft.get("kind"):
        draft["kind"] = "rotation" if position.unit_id == employee.unit_id else "other_unit"
    following = d.add_preference(draft, position.unit_name, position.unit_id, position.title)
    step = following if current in (d.PREF, d.POS) else current
    request.reply_key(
        "match.rec.added", title=esc(position.title), unit=esc(position.unit_name),
        n=len(d.prefs(draft)),
    )  # fmt: skip
    await asp_steps.goto(request, step, draft)


async def _new_draft(request: Request) -> d.Draft | None:
    """A fresh aspiration draft in the open window, or None (after telling why not)."""
    employee = request.employee
    assert employee is not None
    now = now_of(request)
    window = await qa.open_window(request.session, now)
    if window is None:
        await refuse_no_window(request, now)
        return None
    if await qa.aspiration_for(request.session, window.id, employee.id) is not None:
        request.reply_key("match.rec.has_aspiration")
        return None
    if window.unit_ids and employee.unit_id not in window.unit_ids:
        request.reply_key("match.rec.not_for_unit")
        return None
    draft: d.Draft = {"window_id": window.id, "prefs": []}
    result = eligibility_of(request, employee)
    draft["problems"] = [[p.code, asdict(p)["params"]] for p in result.problems]
    return draft


def _preference_problem(request: Request, draft: d.Draft, position: Position) -> str | None:
    """The text key of why the position cannot be added to ``draft``, or None."""
    assert request.employee is not None
    chosen = d.prefs(draft)
    if any(p.get("unit_id") == position.unit_id and p.get("position") == position.title
           for p in chosen):  # fmt: skip
        return "match.rec.already"
    if len(chosen) >= MAX_PREFERENCES:
        return "match.rec.full"
    if d.is_rotation(draft) and position.unit_id != request.employee.unit_id:
        return "match.rec.rotation_other_unit"
    return None


async def import_positions(
    session: AsyncSession, data: bytes, filename: str, partial: bool, actor: str, locale: str
) -> ImportOutcome:
    """Positions (formasi) import from a file HR sent to the bot."""
    try:
        parsed = parse_positions(data, filename)
    except RosterError as exc:
        return ImportOutcome(t(locale, "match.err.file", reason=exc.code), False, False)
    report = await apply_positions(session, parsed, partial=partial, actor=actor)
    text = format_positions_report(report, locale)
    return ImportOutcome(text, bool(report.rejected), report.applied)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /rekomendasi, its buttons and the positions import."""
    ensure_service(app)
    add_command(
        app,
        "rekomendasi",
        rekomendasi_cmd,
        description_key="cmd.rekomendasi",
        menu_key="menu.rekomendasi",
    )
    app.add_handler(
        CallbackQueryHandler(handler(linked=True)(rek_callback), pattern=cb.pattern("rek"))
    )
    add_import_kind("positions", import_positions, "import.kind_positions")
