"""/kandidat (best employees for a position, paginated, XLSX export, "usulkan") and /formasi."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram.ext import Application

from bot.aspirations.planning import Asked, asked_flag, asked_text
from bot.callback_data import CallbackData
from bot.matching import service_hr as hr_matching
from bot.matching.explain import rank_far_above
from bot.matching.service import Candidates, Match
from bot.matching.service_hr import CandidatePage, CandidatesFile
from bot.messages import Button, OutgoingMessage
from bot.plans.buttons import ProposeMove
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.flows import Accepts, expect_text
from handlers.matching import esc, join_limited, reasons
from handlers.request import Request, inline_markup
from storage.models import ConversationState

FLOW, QUERY_STEP = "kandidat", "query"
PAGE_SIZE = 5
POSITIONS_PAGE = 8
QUERY_MAX_LEN = 100
HR = ("hr",)
Rows = list[tuple[Button, ...]]


@dataclass(frozen=True)
class PickPosition(CallbackData, prefix="candidates-pick"):
    """Show the candidates of the chosen open position."""

    position_pk: int


@dataclass(frozen=True)
class TurnCandidatesPage(CallbackData, prefix="candidates-page"):
    """Show another page of a position's candidates."""

    position_pk: int
    page: int


@dataclass(frozen=True)
class ExportCandidates(CallbackData, prefix="candidates-xlsx"):
    """Download a position's candidates as XLSX."""

    position_pk: int


@dataclass(frozen=True)
class ShowCandidate(CallbackData, prefix="candidates-detail"):
    """Show why one candidate fits a position (the details behind a table line)."""

    position_pk: int
    employee_id: int


@dataclass(frozen=True)
class TurnPositionsPage(CallbackData, prefix="positions-page"):
    """Show another page of the open positions list."""

    page: int


async def kandidat_cmd(request: Request) -> None:
    """Ask which position (or search right away with ``/kandidat text``)."""
    args = request.context.args or []
    if args:
        await _search(request, " ".join(args)[:QUERY_MAX_LEN])
        return
    state = await request.get_state()
    spec = request.services.flows.flows.get(state.flow) if state is not None else None
    if state is not None and state.flow != FLOW and spec is not None and spec.keeps_draft:
        request.reply_key("match.cand.use_args")  # do not overwrite a kept draft
        return
    await request.set_state(FLOW, QUERY_STEP)
    request.reply_key("match.cand.ask")


async def query_step(request: Request, state: ConversationState) -> None:
    """The typed search text: offer the open positions that match it."""
    text = expect_text(request, max_len=QUERY_MAX_LEN)
    if text is not None:
        await _search(request, text)


async def _search(request: Request, query: str) -> None:
    """Fuzzy-match ``query`` against open positions' title, unit and code; offer buttons."""
    choices = await hr_matching.find_positions(request.services.matching, request.session, query)
    if not choices.any_open:
        await _leave_flow(request)
        request.reply_key("match.pos.none")
        return
    if not choices.found:
        request.reply_key("match.cand.not_found", query=esc(query))
        return
    buttons = tuple(
        (Button(f"{s.position_id} · {s.title}"[:60], PickPosition(pk)),) for pk, s in choices.found
    )
    request.send(OutgoingMessage(request.t("match.cand.pick", query=esc(query)), buttons))


async def _leave_flow(request: Request) -> None:
    """Clear the state when the user is in this flow."""
    state = await request.get_state()
    if state is not None and state.flow == FLOW:
        await request.clear_state()


async def pick_pressed(request: Request, data: PickPosition) -> None:
    """Show the first page of the chosen position's candidates."""
    request.answer()
    await _leave_flow(request)
    await _show(request, data.position_pk, 0, edit=False)


async def page_pressed(request: Request, data: TurnCandidatesPage) -> None:
    """Turn a page of candidates."""
    request.answer()
    await _show(request, data.position_pk, data.page, edit=True)


async def _show(request: Request, pk: int, page: int, *, edit: bool) -> None:
    """One page of candidates with their reasons and the paging/export buttons."""
    found = await hr_matching.candidate_page(
        request.services.matching, request.session, pk, page, PAGE_SIZE
    )
    if not isinstance(found, CandidatePage):
        _not_listed(request, found)
        return
    lines = [
        _table_line(request, n, m, found.asked.get(found.employee_ids.get(m.employee.nip, 0)))
        for n, m in enumerate(found.shown, found.first + 1)
    ]
    spec, first, total = found.result.position, found.first, len(found.result.matches)
    title = request.t(
        "match.cand.title", title=esc(spec.title), unit=esc(spec.unit), code=esc(spec.position_id),
        first=first + 1, last=first + len(found.shown), total=total,
    )  # fmt: skip
    text = "\n".join([title, *lines, "", request.t("match.cand.table_hint")])
    message = OutgoingMessage(text, _page_buttons(request, found))
    if edit:
        request.edit_or_reply(message.text, inline_markup(message))
    else:
        request.send(message)


def _table_line(request: Request, n: int, match: Match, asked: Asked | None) -> str:
    """One candidate in one line: name, golongan, education, unit, match; flags (golongan
    far above the post; asked for it in an aspiration: choice and reason)."""
    emp = match.employee
    line = request.t(
        "match.cand.line", n=n, name=esc(emp.name), rank=esc(emp.golongan or "-"),
        education=esc(emp.education_level or "-"), unit=esc(emp.unit or "-"),
        percent=round(match.score * 100),
    )  # fmt: skip
    if rank_far_above(emp, match.position):
        line += " " + request.t("match.cand.flag_rank_high")
    if asked is not None:
        line += " " + asked_flag(request.locale, asked)
    return line


def _page_buttons(request: Request, found: CandidatePage) -> tuple[tuple[Button, ...], ...]:
    """ "🔎 <n>" (details) and "📝 Usulkan <n>" per candidate, page turners, the XLSX."""
    pk, page = found.position_pk, found.page
    ids = found.employee_ids
    shown = [(n, ids[m.employee.nip]) for n, m in enumerate(found.shown, found.first + 1)
             if m.employee.nip in ids]  # fmt: skip
    details = [
        Button(request.t("match.cand.btn_detail", n=n), ShowCandidate(pk, emp)) for n, emp in shown
    ]
    proposals = [  # the plans feature's "propose this move" button
        Button(request.t("plans.btn_usul", n=n), ProposeMove(pk, emp)) for n, emp in shown
    ]
    rows: Rows = [tuple(details[i : i + 5]) for i in range(0, len(details), 5)]
    rows += [tuple(proposals[i : i + 3]) for i in range(0, len(proposals), 3)]
    nav = []
    if page > 0:
        nav.append(Button(request.t("common.btn_prev"), TurnCandidatesPage(pk, page - 1)))
    if page < found.pages - 1:
        nav.append(Button(request.t("common.btn_next"), TurnCandidatesPage(pk, page + 1)))
    if nav:
        rows.append(tuple(nav))
    rows.append((Button(request.t("match.cand.btn_xlsx"), ExportCandidates(pk)),))
    return tuple(rows)


async def detail_pressed(request: Request, data: ShowCandidate) -> None:
    """One candidate in full: who, where from, why they fit; the propose button."""
    request.answer()
    found = await hr_matching.candidate_detail(
        request.services.matching, request.session, data.position_pk, data.employee_id
    )
    if found is None:
        request.reply_key("common.stale_button")
        return
    n, match = found.n, found.match
    emp = match.employee
    education = " ".join(p for p in (emp.education_level, emp.education_field) if p) or "-"
    head = request.t(
        "match.cand.item", n=n, name=esc(emp.name), nip=emp.nip, unit=esc(emp.unit or "-"),
        position=esc(emp.position or "-"), rank=esc(emp.golongan or "-"),
        education=esc(education), percent=round(match.score * 100),
    )  # fmt: skip
    text = head + "\n" + reasons(request, match)
    if rank_far_above(emp, match.position):
        text += "\n" + request.t("match.cand.rank_high_detail", rank=esc(emp.golongan))
    if found.asked is not None:
        text += "\n" + asked_text(request.locale, found.asked)
    usul = Button(request.t("plans.btn_usul", n=n), ProposeMove(data.position_pk, data.employee_id))
    request.send(OutgoingMessage(text, ((usul,),)))


def _not_listed(request: Request, result: Candidates | None) -> None:
    """Say the position is no longer open, or why nobody fits it."""
    if result is None:
        request.reply_key("match.closed")
    else:
        request.reply(_nobody_text(request, result))


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


async def export_pressed(request: Request, data: ExportCandidates) -> None:
    """Send the candidate list as an XLSX document."""
    request.answer()
    exported = await hr_matching.export_candidates(
        request.services.matching, request.session, request.telegram_id, data.position_pk,
        request.locale,
    )  # fmt: skip
    if not isinstance(exported, CandidatesFile):
        _not_listed(request, exported)
        return
    spec = exported.position
    caption = request.t("match.cand.xlsx_caption", title=spec.title, code=spec.position_id)
    request.send_document(exported.data, exported.filename, caption[:1024])


async def formasi_cmd(request: Request) -> None:
    """List open positions, first page."""
    await _positions_page(request, 0, edit=False)


async def positions_page_pressed(request: Request, data: TurnPositionsPage) -> None:
    """Turn a page of the open positions list."""
    request.answer()
    await _positions_page(request, data.page, edit=True)


async def _positions_page(request: Request, page: int, *, edit: bool) -> None:
    """One page of open positions: code, title, unit, quota, golongan range, education."""
    found = await hr_matching.open_positions_page(request.session, page, POSITIONS_PAGE)
    if found.total == 0:
        request.reply_key("match.pos.none")
        return
    anything = request.t("match.any")
    blocks = [
        request.t(
            "match.pos.item", code=esc(p.position_id), title=esc(p.title), unit=esc(p.unit_name),
            quota=p.quota, low=p.min_rank or anything, high=p.max_rank or anything,
            education=esc(" ".join(x for x in (p.education_level, p.education_fields) if x)
                          or anything),
        )
        for p in found.rows
    ]  # fmt: skip
    first = found.page * POSITIONS_PAGE
    last = first + len(found.rows)
    head = request.t("match.pos.title", first=first + 1, last=last, total=found.total)
    nav = []
    if found.page > 0:
        nav.append(Button(request.t("common.btn_prev"), TurnPositionsPage(found.page - 1)))
    if last < found.total:
        nav.append(Button(request.t("common.btn_next"), TurnPositionsPage(found.page + 1)))
    candidates = [  # the way on from each open position: its candidates
        Button(request.t("match.pos.btn_candidates", code=p.position_id[:20]), PickPosition(p.id))
        for p in found.rows
    ]
    rows: Rows = [tuple(candidates[i : i + 2]) for i in range(0, len(candidates), 2)]
    rows += [tuple(nav)] if nav else []
    message = OutgoingMessage(join_limited(request, head, blocks), tuple(rows))
    if edit:
        request.edit_or_reply(message.text, inline_markup(message))
    else:
        request.send(message)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /kandidat, /formasi, their buttons and the search step."""
    add_command(
        app,
        "kandidat",
        kandidat_cmd,
        roles=HR,
        description_key="cmd.kandidat",
        menu_key="menu.kandidat",
    )
    add_command(
        app,
        "formasi",
        formasi_cmd,
        roles=HR,
        description_key="cmd.formasi",
        menu_key="menu.formasi",
    )
    add_button(app, PickPosition, pick_pressed, roles=HR)
    add_button(app, TurnCandidatesPage, page_pressed, roles=HR)
    add_button(app, ExportCandidates, export_pressed, roles=HR)
    add_button(app, ShowCandidate, detail_pressed, roles=HR)
    add_button(app, TurnPositionsPage, positions_page_pressed, roles=HR)
    flow = services_of(app).flows.flow(FLOW, roles=HR)
    flow.on(QUERY_STEP, query_step, accepts=Accepts.TEXT)
