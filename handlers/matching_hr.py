"""/kandidat (best employees for a position, paginated, XLSX export, "usulkan") and /formasi."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.matching.candidates_xlsx import candidates_workbook
from bot.matching.service import Candidates, search_positions
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import expect_text
from handlers.matching import ensure_service, esc, join_limited, reasons, service_of
from handlers.request import Request, keyboard
from storage.models import ConversationState
from storage.queries import audit
from storage.queries import matching as qm
from storage.queries.conversation import get_state
from storage.queries.employees import get_employees_by_nips

FLOW = "kandidat"
TOP_CANDIDATES = 10
PAGE_SIZE = 5
POSITIONS_PAGE = 8
MAX_CHOICES = 8
FUZZY_CUTOFF = 70.0
QUERY_MAX_LEN = 100
HR = ("hr",)


async def kandidat_cmd(request: Request) -> None:
    """Ask which position (or search right away with ``/kandidat text``)."""
    args = request.context.args or []
    if args:
        await _search(request, " ".join(args)[:QUERY_MAX_LEN])
        return
    state = await get_state(request.session, request.telegram_id)
    spec = request.services.flows.flows.get(state.flow) if state is not None else None
    if state is not None and state.flow != FLOW and spec is not None and spec.keeps_draft:
        request.reply_key("match.cand.use_args")  # do not overwrite a kept draft
        return
    await request.set_state(FLOW, "query")
    request.reply_key("match.cand.ask")


async def query_step(request: Request, state: ConversationState) -> None:
    """The typed search text: offer the open positions that match it."""
    if not request.has_role(*HR):
        await request.clear_state()
        request.reply_key("common.not_allowed")
        return
    text = expect_text(request, max_len=QUERY_MAX_LEN)
    if text is not None:
        await _search(request, text)


async def _search(request: Request, query: str) -> None:
    """Fuzzy-match ``query`` against open positions' title, unit and code; offer buttons."""
    cat = await service_of(request).catalogue(request.session)
    if not cat.index.positions:
        await _leave_flow(request)
        request.reply_key("match.pos.none")
        return
    found = await asyncio.to_thread(
        search_positions, cat.index.positions, query, MAX_CHOICES, FUZZY_CUTOFF
    )
    if not found:
        request.reply_key("match.cand.not_found", query=esc(query))
        return
    rows = [
        [(f"{s.position_id} · {s.title}"[:60], cb.build("kand", "pick", cat.pks[s.position_id]))]
        for s in found
    ]
    request.reply(request.t("match.cand.pick", query=esc(query)), keyboard(rows))


async def _leave_flow(request: Request) -> None:
    """Clear the state when the user is in this flow."""
    state = await get_state(request.session, request.telegram_id)
    if state is not None and state.flow == FLOW:
        await request.clear_state()


async def kand_callback(request: Request) -> None:
    """Pick a position, turn a page of candidates, or export them."""
    data = request.button()
    request.answer()
    if data.action == "pick":
        await _leave_flow(request)
        await _show(request, data.int_arg(0), 0, edit=False)
    elif data.action == "pg":
        await _show(request, data.int_arg(0), data.int_arg(1), edit=True)
    elif data.action == "xlsx":
        await _export(request, data.int_arg(0))
    else:
        raise cb.CallbackDataError("unknown action")


async def _candidates(request: Request, pk: int) -> Candidates | None:
    """The candidates of an open position, or None after saying it is not open."""
    position = await qm.get_position_by_pk(request.session, pk)
    result = None
    if position is not None and position.open:
        result = await service_of(request).candidates(
            request.session, position.position_id, top=TOP_CANDIDATES
        )
    if result is None:
        request.reply_key("match.closed")
    return result


async def _show(request: Request, pk: int, page: int, *, edit: bool) -> None:
    """One page of candidates with their reasons and the paging/export buttons."""
    result = await _candidates(request, pk)
    if result is None:
        return
    if not result.matches:
        request.reply(_nobody_text(request, result))
        return
    total = len(result.matches)
    pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(max(page, 0), pages - 1)
    first = page * PAGE_SIZE
    shown = result.matches[first : first + PAGE_SIZE]
    blocks = []
    for n, match in enumerate(shown, start=first + 1):
        emp = match.employee
        education = " ".join(p for p in (emp.education_level, emp.education_field) if p) or "-"
        head = request.t(
            "match.cand.item", n=n, name=esc(emp.name), nip=emp.nip, unit=esc(emp.unit or "-"),
            position=esc(emp.position or "-"), rank=esc(emp.golongan or "-"),
            education=esc(education), score=f"{match.score:.2f}",
        )  # fmt: skip
        blocks.append(head + "\n" + reasons(request, match))
    spec = result.position
    title = request.t(
        "match.cand.title", title=esc(spec.title), unit=esc(spec.unit),
        code=esc(spec.position_id), first=first + 1, last=first + len(shown), total=total,
    )  # fmt: skip
    nav = []
    if page > 0:
        nav.append((request.t("common.btn_prev"), cb.build("kand", "pg", pk, page - 1)))
    if page < pages - 1:
        nav.append((request.t("common.btn_next"), cb.build("kand", "pg", pk, page + 1)))
    rows = await _propose_rows(request, pk, [m.employee.nip for m in shown], first + 1)
    if nav:
        rows.append(nav)
    rows.append([(request.t("match.cand.btn_xlsx"), cb.build("kand", "xlsx", pk))])
    text = join_limited(request, title, blocks)
    if edit:
        request.edit_or_reply(text, keyboard(rows))
    else:
        request.reply(text, keyboard(rows))


async def _propose_rows(
    request: Request, pk: int, nips: list[str], first: int
) -> list[list[tuple[str, str]]]:
    """ "📝 Usulkan <n>" per shown candidate: propose the move into the Draf plan."""
    ids = await get_employees_by_nips(request.session, nips)
    buttons = [
        (request.t("plans.btn_usul", n=n), cb.build("rcn", "usul", pk, ids[nip].id))
        for n, nip in enumerate(nips, start=first)
        if nip in ids
    ]
    return [buttons[i : i + 3] for i in range(0, len(buttons), 3)]


def _nobody_text(request: Request, result: Candidates) -> str:
    """Why nobody fits: counts per check, then the competences nobody eligible has."""
    spec, why = result.position, result.no_fit
    assert why is not None
    anything = request.t("match.any")
    education = f"{spec.education_level} {'; '.join(spec.education_fields)}".strip()
    lines = [
        request.t(
            "match.cand.nobody", title=esc(spec.title), code=esc(spec.position_id),
            total=why.total, rank_ok=why.rank_ok, low=spec.min_golongan or anything,
            high=spec.max_golongan or anything, edu_ok=why.education_ok,
            education=esc(education or anything), both=why.both,
        )
    ]  # fmt: skip
    if not why.requirements_known:
        lines.append(request.t("match.cand.nobody_unknown"))
    elif why.both:
        lines.append(
            request.t("match.cand.nobody_skills", both=why.both, skills=esc(spec.required_skills))
        )
    return "\n\n".join(lines)


async def _export(request: Request, pk: int) -> None:
    """Send the candidate list as an XLSX document."""
    result = await _candidates(request, pk)
    if result is None:
        return
    if not result.matches:
        request.reply(_nobody_text(request, result))
        return
    spec = result.position
    data = await asyncio.to_thread(candidates_workbook, result.matches, request.locale)
    await audit.record(
        request.session, audit.actor_of(request.telegram_id), "match.candidates_export",
        "position", spec.position_id, rows=len(result.matches),
    )  # fmt: skip
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", spec.position_id)[:40] or "formasi"
    caption = request.t("match.cand.xlsx_caption", title=spec.title, code=spec.position_id)
    request.send_document(data, f"kandidat-{safe}.xlsx", caption[:1024])


async def formasi_cmd(request: Request) -> None:
    """List open positions, first page."""
    await _positions_page(request, 0, edit=False)


async def fmsi_callback(request: Request) -> None:
    """Turn a page of the open positions list."""
    data = request.button()
    if data.action != "pg":
        raise cb.CallbackDataError("unknown action")
    request.answer()
    await _positions_page(request, data.int_arg(0), edit=True)


async def _positions_page(request: Request, page: int, *, edit: bool) -> None:
    """One page of open positions: code, title, unit, quota, golongan range, education."""
    page = max(page, 0)
    total, rows = await qm.page_open_positions(
        request.session, page * POSITIONS_PAGE, POSITIONS_PAGE
    )
    if total == 0:
        request.reply_key("match.pos.none")
        return
    if not rows:  # a page beyond the end (stale or forged button): show the last one
        page = (total - 1) // POSITIONS_PAGE
        total, rows = await qm.page_open_positions(
            request.session, page * POSITIONS_PAGE, POSITIONS_PAGE
        )
    anything = request.t("match.any")
    blocks = [
        request.t(
            "match.pos.item", code=esc(p.position_id), title=esc(p.title), unit=esc(p.unit_name),
            quota=p.quota, low=p.min_rank or anything, high=p.max_rank or anything,
            education=esc(" ".join(x for x in (p.education_level, p.education_fields) if x)
                          or anything),
        )
        for p in rows
    ]  # fmt: skip
    first = page * POSITIONS_PAGE
    head = request.t("match.pos.title", first=first + 1, last=first + len(rows), total=total)
    nav = []
    if page > 0:
        nav.append((request.t("common.btn_prev"), cb.build("fmsi", "pg", page - 1)))
    if first + len(rows) < total:
        nav.append((request.t("common.btn_next"), cb.build("fmsi", "pg", page + 1)))
    text = join_limited(request, head, blocks)
    markup = keyboard([nav]) if nav else None
    if edit:
        request.edit_or_reply(text, markup)
    else:
        request.reply(text, markup)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /kandidat, /formasi, their buttons and the search step."""
    ensure_service(app)
    add_command(
        app,
        "kandidat",
        kandidat_cmd,
        description_key="cmd.kandidat",
        menu_key="menu.kandidat",
        roles=HR,
    )
    add_command(
        app,
        "formasi",
        formasi_cmd,
        description_key="cmd.formasi",
        menu_key="menu.formasi",
        roles=HR,
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=HR)(kand_callback), pattern=cb.pattern("kand"))
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=HR)(fmsi_callback), pattern=cb.pattern("fmsi"))
    )
    app.bot_data["services"].flows.on(FLOW, "query", query_step)
