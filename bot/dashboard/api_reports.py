"""The Survei and Pengiriman pages' API: survey results and delivery counts (HR only).

Survey figures come from ``bot.surveys.service_hr.results`` with ``SURVEY_MIN_GROUP`` — the
aggregation the chat's ``/hasil_survei`` shows — so a question, unit or round with too few
answers carries no figures here either (``hidden``), and comments are not shown.
"""

from __future__ import annotations

from aiohttp import web

from bot.dashboard.access import Call, Json, refusal
from bot.dashboard.params import as_int, when
from bot.delivery import service_dashboard as deliveries_service
from bot.surveys import service_hr as surveys_service
from bot.surveys.aggregate import GroupResult
from bot.surveys.definition import SurveyDef
from bot.surveys.report import answer_label, group_name
from bot.telegram_markup import visible_text
from bot.texts import t

TITLE_CHARS = 80


def _group(call: Call, survey: SurveyDef, group: GroupResult) -> Json:
    """One group's per-question figures; hidden questions carry none."""

    def tr(key: str, /, **params: object) -> str:
        return t(call.locale, key, **params)

    questions = []
    for q in survey.questions:
        stats = group.questions.get(q.key)
        if q.kind == "text" or stats is None:
            continue
        shown = not stats.hidden
        questions.append(
            {
                "key": q.key,
                "label": q.label(call.locale),
                "hidden": stats.hidden,
                "n": stats.n if shown else None,
                "mean": stats.mean if shown else None,
                "enps": stats.enps if shown else None,
                "distribution": [
                    {"label": answer_label(tr, call.locale, q, _value(k)), "count": v}
                    for k, v in stats.distribution.items()
                ]
                if shown
                else [],
            }
        )
    return {"name": group_name(tr, group.name), "n": group.n, "questions": questions}


def _value(key: str) -> object:
    """A distribution key as the answer value it counts (scale values are numbers)."""
    return int(key) if key.lstrip("-").isdigit() else key


async def surveys(call: Call) -> web.StreamResponse:
    """GET /dasbor/api/surveys[?survey=id]: the surveys, and one survey's results."""
    listed = await surveys_service.survey_list(call.session)
    items = [
        {"id": s.survey_id, "title": s.survey.title_in(call.locale), "responses": s.responses}
        for s in listed
    ]
    survey_id = as_int(call.web.query.get("survey")) or (listed[-1].survey_id if listed else 0)
    if not survey_id:
        return web.json_response({"surveys": items, "survey": None})
    found = await surveys_service.results(call.session, survey_id, call.settings.survey_min_group)
    if found is None:
        return refusal(404, "not_found")
    res, survey = found.results, found.survey
    rate = res.rate
    return web.json_response(
        {
            "surveys": items,
            "survey": {
                "id": found.survey_id,
                "title": survey.title_in(call.locale),
                "anonymous": found.anonymous,
                "min_group": res.min_group,
                "rate": {
                    "invited": rate.invited,
                    "started": rate.started,
                    "finished": rate.finished,
                    "percent": round(rate.percent),
                },
                "responses": res.responses,
                "waiting": res.waiting,
                "overall": _group(call, survey, res.overall) if res.overall else None,
                "units": [_group(call, survey, g) for g in res.by_unit],
                "hidden_units": res.hidden_units,
                "rounds": [_group(call, survey, g) for g in res.by_round],
            },
        }
    )


async def deliveries(call: Call) -> web.StreamResponse:
    """GET /dasbor/api/deliveries: announcements and campaign steps with live counts."""
    rows = []
    for f in await deliveries_service.latest(call.session):
        b, s = f.broadcast, f.stats
        title = visible_text(b.text, b.parse_mode)[:TITLE_CHARS]
        rows.append(
            {
                "id": b.id,
                "kind": b.kind,
                "title": title,
                "status": b.status,
                "status_label": t(call.locale, "dash.bstatus", status=b.status),
                "created_at": when(call, b.created_at),
                "scheduled_at": when(call, b.scheduled_at),
                "counts": {
                    "total": s.total,
                    "sent": s.sent,
                    "failed": s.failed,
                    "unreachable": s.unreachable,
                    "pending": s.pending,
                    "uncertain": s.uncertain,
                    "cancelled": s.cancelled,
                },
            }
        )
    return web.json_response({"deliveries": rows})
