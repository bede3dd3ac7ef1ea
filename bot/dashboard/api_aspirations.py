"""The Aspirasi page's API: the filtered table, one aspiration, decisions and the export.

Decisions go through ``bot.aspirations.review.decide`` — the function the chat's buttons
call — so the state machine, compare-and-set, history, audit and the employee's notice
(queued in the outbox, after the same undo delay) are the chat's. HR only.
"""

from __future__ import annotations

from typing import Literal

from aiohttp import web

from bot.aspirations import review
from bot.aspirations import service_dashboard as sd
from bot.aspirations.labels import kind_label, problems_short, reason_label, status_label
from bot.aspirations.render import card
from bot.aspirations.rules import HR_ACTIONS, HR_NOTE_MAX_LEN, KINDS, STORED_STATUSES
from bot.dashboard.access import Call, Json, refusal
from bot.dashboard.params import as_int, choice, json_body, page_of, when
from bot.telegram_markup import visible_text
from storage.models import Aspiration, Employee

EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def table_filter(call: Call) -> sd.TableFilter:
    """The table's filters from the query string (unknown values are ignored)."""
    query = call.web.query
    sort = query.get("sort", "id")
    eligibility = choice(query.get("eligibility"), ("yes", "no"))
    return sd.TableFilter(
        window_id=as_int(query.get("window")),
        unit_id=as_int(query.get("unit")) or None,
        status=choice(query.get("status"), STORED_STATUSES),
        eligible=None if eligibility is None else eligibility == "yes",
        kind=choice(query.get("kind"), KINDS),
        sort=choice(sort.lstrip("-"), tuple(sd.SORTS)) or "id",
        descending=sort.startswith("-"),
    )


def row_json(call: Call, aspiration: Aspiration, employee: Employee, unit: str) -> Json:
    """One table row."""
    loc = call.locale
    prefs = aspiration.preferences or []
    return {
        "id": aspiration.id,
        "reference": aspiration.reference or "-",
        "name": employee.name,
        "nip": employee.nip,
        "unit": unit or "-",
        "position": employee.position_title or "-",
        "kind": aspiration.kind,
        "kind_label": kind_label(loc, aspiration.kind),
        "target": (prefs[0].get("unit") if prefs else "") or "-",
        "status": aspiration.status,
        "status_label": status_label(loc, aspiration.status),
        "eligible": aspiration.eligible,
        "problems": problems_short(loc, aspiration.eligibility_problems or []),
        "submitted_at": when(call, aspiration.submitted_at),
    }


async def aspirations(call: Call) -> web.StreamResponse:
    """GET /dasbor/api/aspirations: one page of the filtered, sorted table."""
    number, size = page_of(call.web.query)
    view = await sd.table(call.session, call.now(), table_filter(call), number * size, size)
    if view is None:
        return web.json_response({"window": None, "rows": [], "total": 0})
    loc = call.locale
    return web.json_response(
        {
            "window": {"id": view.window.id, "name": view.window.name},
            "windows": [{"id": w.id, "name": w.name} for w in view.windows],
            "units": [{"id": i, "name": n, "count": c} for i, n, c in view.units],
            "statuses": [
                {"code": s, "label": status_label(loc, s), "count": view.counts.get(s, 0)}
                for s in STORED_STATUSES
            ],
            "kinds": [{"code": k, "label": kind_label(loc, k)} for k in KINDS],
            "sorts": list(sd.SORTS),
            "total": view.total,
            "page": number,
            "size": size,
            "pages": max(1, -(-view.total // size)),
            "rows": [row_json(call, a, e, u) for a, e, u in view.rows],
        }
    )


async def aspiration(call: Call) -> web.StreamResponse:
    """GET /dasbor/api/aspirations/{id}: the detail panel (card, history, decisions)."""
    found = await review.detail(call.session, as_int(call.web.match_info["id"]), call.locale)
    if found is None:
        return refusal(404, "not_found")
    a, loc = found.aspiration, call.locale
    history = [
        {
            "at": when(call, h.at),
            "actor": found.actors.get(h.actor, h.actor),
            "status_label": status_label(loc, h.to_status),
            "note": h.note,
        }
        for h in found.history
    ]
    return web.json_response(
        {
            "id": a.id,
            "reference": a.reference or "-",
            "status": a.status,
            "status_label": status_label(loc, a.status),
            "name": found.employee.name if found.employee else "-",
            "card": visible_text(card(loc, a, found.window_name), "HTML"),
            "reason": reason_label(loc, a.reason_category),
            "decisions": found.decisions,
            "note_max": HR_NOTE_MAX_LEN,
            "history": history,
        }
    )


async def decide(call: Call) -> web.StreamResponse:
    """POST /dasbor/api/aspirations/{id}/decide ``{"decision", "note"}``: the chat's decision."""
    body = await json_body(call)
    decision = choice(str(body.get("decision", "")), HR_ACTIONS)
    note = str(body.get("note", "")).strip()
    if decision is None or len(note) > HR_NOTE_MAX_LEN:
        return refusal(400, "bad_request")
    result = await review.decide(
        call.session, call.now(), call.telegram_id, as_int(call.web.match_info["id"]),
        decision, note, call.settings.default_locale,
    )  # fmt: skip
    match result:
        case review.Missing():
            return refusal(404, "not_found")
        case review.NotNow():
            return web.json_response(
                {"outcome": "not_now", "status_label": status_label(call.locale, result.status)},
                status=409,
            )
        case review.NeedsNote():
            return web.json_response({"outcome": "needs_note"}, status=400)
        case review.Decided():
            call.wake_outbox()
            return web.json_response(
                {
                    "outcome": "decided",
                    "reference": result.reference,
                    "status": result.status,
                    "status_label": status_label(call.locale, result.status),
                    "notified": result.notified,
                    "undo_minutes": result.undo_minutes,
                }
            )
    raise AssertionError(result)  # pragma: no cover - every outcome is matched above


async def export(call: Call) -> web.StreamResponse:
    """GET /dasbor/api/aspirations.csv|.xlsx: the window's file (the chat's export, audited)."""
    fmt: Literal["xlsx", "csv"] = "xlsx" if call.web.match_info["fmt"] == "xlsx" else "csv"
    window = await sd.window_or_current(
        call.session, call.now(), as_int(call.web.query.get("window"))
    )
    if window is None:
        return refusal(404, "not_found")
    done = await review.export(call.session, call.telegram_id, window, fmt, call.settings.tz)
    return web.Response(
        body=done.data,
        headers={
            "Content-Type": EXPORT_TYPES[fmt],
            "Content-Disposition": f'attachment; filename="{done.filename}"',
        },
    )
