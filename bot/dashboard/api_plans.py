"""The Kandidat, Rencana and Beban kerja pages' API: candidates, add to plan, board, workload.

Adding a candidate to a plan goes through ``bot.plans.service_moves.save_move`` like the
chat's "Usulkan" (the rules are judged; a blocking rule needs a written reason). Candidates
and adding to a plan are HR's; the plan board and the workload are shown to HR and
approvers (as ``/rencana`` audit and ``/beban_kerja`` in chat).
"""

from __future__ import annotations

from datetime import date

from aiohttp import web

from bot.aspirations.planning import asked_flag
from bot.dashboard.access import Call, Json, refusal
from bot.dashboard.params import as_int, json_body, page_of, when
from bot.matching import service_dashboard as md
from bot.matching.explain import explanation_lines, rank_far_above
from bot.matching.service_hr import open_positions_page
from bot.plans import labels as pl
from bot.plans import service_moves, views
from bot.plans import status as st
from bot.rules.render import result_text
from bot.rules.service import Judgement, judge_move
from bot.texts import t
from bot.workload import service as workload
from storage.queries.plans import MoveRow

MAX_REASON = 500


async def candidates(call: Call) -> web.StreamResponse:
    """GET /dasbor/api/candidates[?position=pk]: open positions, or one position's ranking."""
    pk = as_int(call.web.query.get("position"))
    if not pk:
        number, size = page_of(call.web.query)
        found = await open_positions_page(call.session, number, size)
        positions = [
            {"id": p.id, "code": p.position_id, "title": p.title, "unit": p.unit_name}
            for p in found.rows
        ]
        return web.json_response({"total": found.total, "page": found.page, "positions": positions})
    ranked = await md.ranked(call.services.matching, call.session, pk)
    if ranked is None:
        return refusal(404, "not_found")
    spec, loc = ranked.result.position, call.locale
    rows = []
    for n, m in enumerate(ranked.result.matches, start=1):
        employee_id = ranked.employee_ids.get(m.employee.nip, 0)
        asked = ranked.asked.get(employee_id)
        row = {
            "rank": n,
            "employee_id": employee_id,
            "name": m.employee.name,
            "unit": m.employee.unit or "-",
            "golongan": m.employee.golongan or "-",
            "education": m.employee.education_level or "-",
            "percent": round(m.score * 100),
            "eligible": m.explanation.eligible,
            "rank_far_above": rank_far_above(m.employee, spec),
            "aspiring": asked is not None,
            "asked_choice": asked.choice if asked else None,
            "asked_text": asked_flag(loc, asked) if asked else "",
            "reasons": explanation_lines(m.explanation, m.employee, spec, loc),
        }
        rows.append(row)
    position = {"id": pk, "code": spec.position_id, "title": spec.title, "unit": spec.unit}
    return web.json_response({"position": position, "candidates": rows})


async def drafts(call: Call) -> web.StreamResponse:
    """GET /dasbor/api/plans/drafts: the Draf plans a candidate may be added to, latest first."""
    found = await service_moves.draft_plans(call.session)
    return web.json_response({"plans": [{"id": p.id, "name": p.name} for p in found]})


async def add_to_plan(call: Call) -> web.StreamResponse:
    """POST /dasbor/api/plans/moves: propose a candidate for an open position in a Draf plan
    (``plan``, else the latest); a blocking rule answers ``needs_reason`` with the rule
    results until ``override_reason`` is given, as in chat."""
    body = await json_body(call)
    position_id, employee_id = as_int(str(body.get("position"))), as_int(str(body.get("employee")))
    rationale = str(body.get("rationale", "")).strip()[:MAX_REASON]
    override = str(body.get("override_reason", "")).strip()[:MAX_REASON]
    try:
        tmt = date.fromisoformat(str(body.get("tmt", "")))
    except ValueError:
        return refusal(400, "bad_tmt")
    if tmt <= call.now().astimezone(call.settings.tz).date():
        return refusal(400, "bad_tmt")
    found = await service_moves.proposal(call.session, position_id, employee_id)
    if found == "unknown":
        return refusal(404, "not_found")
    if found == "no_draft":
        return web.json_response({"outcome": "no_draft"}, status=409)
    plan_id = as_int(str(body.get("plan"))) or found.plan.id
    saved = await service_moves.save_move(
        call.session, call.settings, call.telegram_id, plan_id, employee_id, found.dest, tmt,
        rationale, override, now=call.now(),
    )  # fmt: skip
    problems = _problems(call, saved.judgement) if saved.judgement else []
    status = 200 if saved.outcome == "added" else 409
    return web.json_response(
        {"outcome": saved.outcome, "plan": plan_id, "move": saved.move_id, "problems": problems},
        status=status,
    )


def _problems(call: Call, judgement: Judgement) -> list[Json]:
    """The warnings and blocking results of a judgement, in words."""
    return [{"outcome": r.outcome, "text": result_text(call.locale, r)} for r in judgement.problems]


async def _move_json(call: Call, row: MoveRow) -> Json:
    """One card of the board: who, from, to, rules, consultation answer."""
    move, loc = row.move, call.locale
    point = views.NEXT_POINT.get(move.status, "decree")
    judgement = await judge_move(call.session, call.settings, move, point)
    answer = pl.ANSWER.get(move.answer or "")
    return {
        "id": move.id,
        "name": row.employee.name,
        "from_unit": row.from_unit or "-",
        "to_unit": row.to_unit or move.to_agency or "-",
        "to_position": move.to_position or "-",
        "tmt": (move.decree_tmt or move.proposed_tmt).isoformat(),
        "status": move.status,
        "status_label": t(loc, pl.MOVE_STATUS[move.status]),
        "problems": _problems(call, judgement),
        "answer": t(loc, answer) if answer else "",
        "answer_text": move.answer_text,
        "answered_at": when(call, move.answered_at),
        "overdue": move.overdue,
        "open_questions": row.open_questions,
        "decision_note": move.decision_note,
    }


async def plans(call: Call) -> web.StreamResponse:
    """GET /dasbor/api/plans[?plan=id]: the plans, and one plan's board by move status."""
    loc = call.locale
    listed = await views.recent_plans(call.session)
    plan_list = [
        {"id": p.id, "name": p.name, "status": p.status,
         "status_label": t(loc, pl.PLAN_STATUS[p.status])}
        for p in listed
    ]  # fmt: skip
    plan_id = as_int(call.web.query.get("plan")) or (listed[0].id if listed else 0)
    card = await views.plan_card(call.session, plan_id) if plan_id else None
    if card is None:
        return web.json_response({"plans": plan_list, "plan": None})
    moves = [await _move_json(call, r) for r in card.rows]
    columns = [
        {"status": s, "label": t(loc, pl.MOVE_STATUS[s]),
         "moves": [m for m in moves if m["status"] == s]}
        for s in st.MOVE_STATUSES
    ]  # fmt: skip
    tally = (await views.summary(call.session, plan_id)).tally
    decided = sum(1 for m in moves if m["status"] not in (st.DRAFT, st.SUBMITTED))
    plan = {
        "id": card.plan.id,
        "name": card.plan.name,
        "status": card.plan.status,
        "status_label": t(loc, pl.PLAN_STATUS[card.plan.status]),
        "approval": {"decided": decided, "waiting": len(moves) - decided, "total": len(moves)},
        "consultation": {
            "consulted": tally.consulted, "answered": tally.answered, "agreed": tally.agreed,
            "objected": tally.objected, "overdue": tally.overdue,
            "open_questions": tally.open_questions,
        },
        "columns": [c for c in columns if c["moves"]],
    }  # fmt: skip
    return web.json_response({"plans": plan_list, "plan": plan})


async def workload_view(call: Call) -> web.StreamResponse:
    """GET /dasbor/api/workload?plan=id: need vs staffed per unit before and after the plan."""
    plan_id = as_int(call.web.query.get("plan"))
    view = await workload.view(call.session, plan_id)
    if view is None:
        return refusal(404, "not_found")
    rows = [
        {"unit": r.unit, "need": r.need, "before": r.staffed, "after": r.staffed_after,
         "leaving": r.leaving, "arriving": r.arriving, "widened": r.widened_shortage}
        for r in view.rows
    ]  # fmt: skip
    return web.json_response({"plan": plan_id, "rows": rows, "flagged": view.flagged})
