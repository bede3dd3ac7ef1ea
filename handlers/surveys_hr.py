"""HR side of surveys: /survei (definitions, sending) and /hasil_survei (results, charts, XLSX).

Results apply the anonymity threshold (``SURVEY_MIN_GROUP``, default 5) before anything
is shown or exported; individual answers and the follow-up list exist only for named
surveys.
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.privacy import mask_nip
from bot.surveys import LOW_SATISFACTION_MAX, MIN_GROUP_SIZE
from bot.surveys.aggregate import SurveyResults, aggregate, low_scores
from bot.surveys.charts import distribution_chart, unit_chart
from bot.surveys.definition import SurveyDef
from bot.surveys.export import to_xlsx
from bot.surveys.report import (
    distribution_panels,
    group_name,
    headline_question,
    results_text,
    unit_bars,
)
from handlers import surveys_send
from handlers.base import handler
from handlers.commands import add_command
from handlers.request import Request, keyboard
from storage.models.surveys import Survey
from storage.queries import audit
from storage.queries import survey_results as sr
from storage.queries import surveys as q

HR = ("hr",)
MAX_MESSAGE = 4000


def min_group(request: Request) -> int:
    """The configured anonymity threshold."""
    return int(getattr(request.settings, "survey_min_group", MIN_GROUP_SIZE))


async def survei_cmd(request: Request) -> None:
    """List survey definitions with a results button each."""
    surveys = await q.list_surveys(request.session)
    if not surveys:
        request.reply_key("survey.hr_none")
        return
    lines = [request.t("survey.hr_list_title")]
    for s in surveys:
        sdef = q.definition_of(s)
        trigger = (
            request.t("survey.trigger_move", offsets="/".join(map(str, sdef.offsets_days)))
            if sdef.trigger == "move"
            else request.t("survey.trigger_manual")
        )
        lines.append(
            request.t(
                "survey.hr_list_item",
                id=s.id,
                title=sdef.title_in(request.locale),
                anon=request.t("survey.anon_short" if s.anonymous else "survey.named_short"),
                questions=len(sdef.questions),
                trigger=trigger,
                responses=await sr.response_count(request.session, s.id),
            )
        )
    rows = [
        [
            (request.t("survey.btn_results", id=s.id), cb.build("svh", "res", s.id)),
            surveys_send.send_button(request, s.id),
        ]
        for s in surveys
    ]
    request.reply("\n".join(lines), keyboard(rows))


def _pick_keyboard(request: Request, surveys: list[Survey]) -> Any:
    """One results button per survey."""
    return keyboard(
        [
            [(request.t("survey.btn_results", id=s.id), cb.build("svh", "res", s.id))]
            for s in surveys
        ]
    )


async def hasil_survei_cmd(request: Request) -> None:
    """Results of one survey (``/hasil_survei ID``), or a choice of surveys."""
    args = request.context.args or []
    if args and args[0].isdigit():
        await _results(request, int(args[0]))
        return
    surveys = await q.list_surveys(request.session)
    if len(surveys) == 1:
        await _results(request, surveys[0].id)
    elif not surveys:
        request.reply_key("survey.hr_none")
    else:
        request.reply(request.t("survey.pick_survey"), _pick_keyboard(request, surveys))


async def _compute(
    request: Request, survey_id: int
) -> tuple[Survey, SurveyDef, SurveyResults] | None:
    """Load a survey and aggregate its results (None after saying it does not exist)."""
    survey = await request.session.get(Survey, survey_id)
    if survey is None:
        request.reply_key("survey.unknown_survey")
        return None
    sdef = q.definition_of(survey)
    responses, parts = await sr.result_rows(request.session, survey_id)
    return survey, sdef, aggregate(sdef, responses, parts, min_group(request))


async def _results(request: Request, survey_id: int) -> None:
    """Send the results text with chart/XLSX/follow-up buttons."""
    computed = await _compute(request, survey_id)
    if computed is None:
        return
    survey, sdef, res = computed
    text = results_text(request.t, request.locale, sdef, res)
    buttons = [
        (request.t("survey.btn_charts"), cb.build("svh", "ch", survey.id)),
        (request.t("survey.btn_xlsx"), cb.build("svh", "x", survey.id)),
    ]
    if not survey.anonymous:
        buttons.append((request.t("survey.btn_followup"), cb.build("svh", "f", survey.id)))
    chunks = [text[i : i + MAX_MESSAGE] for i in range(0, len(text), MAX_MESSAGE)]
    for chunk in chunks[:-1]:
        request.reply(chunk)
    request.reply(chunks[-1], keyboard([buttons]))


async def _charts(request: Request, survey_id: int) -> None:
    """Distribution bars per question and the per-unit comparison, as PNG photos."""
    computed = await _compute(request, survey_id)
    if computed is None:
        return
    _survey, sdef, res = computed
    if res.overall is None:
        request.reply_key("survey.no_charts", min=res.min_group)
        return
    title = sdef.title_in(request.locale)
    panels = distribution_panels(request.locale, request.t, sdef, res.overall)
    dist = await asyncio.to_thread(
        distribution_chart, panels, request.t("survey.chart_dist_title", title=title)
    )
    caption = request.t("survey.chart_caption", title=title)
    request.send_photo(dist, "distribusi.png", caption)
    head = headline_question(sdef)
    bars = unit_bars(request.t, sdef, res)
    if head is not None and bars:
        unit_title = request.t("survey.chart_unit_title", question=head.label(request.locale))
        per_unit = await asyncio.to_thread(unit_chart, bars, unit_title)
        request.send_photo(per_unit, "per-unit.png", caption)


async def _xlsx(request: Request, survey_id: int) -> None:
    """The aggregates (and named answers) as an XLSX document."""
    computed = await _compute(request, survey_id)
    if computed is None:
        return
    survey, sdef, res = computed
    individual: list[tuple[str, str, str, dict[str, Any]]] = []
    if not survey.anonymous:
        individual = [
            (e.nip, e.name, label, answers)
            for e, label, answers in await sr.named_answers(request.session, survey.id)
        ]
    data = await asyncio.to_thread(
        to_xlsx, sdef, res, request.t, lambda name: group_name(request.t, name), individual
    )
    await audit.record(
        request.session,
        audit.actor_of(request.telegram_id),
        "survey.exported",
        "survey",
        survey.id,
    )
    request.send_document(
        data,
        f"survei-{sdef.slug}.xlsx",
        request.t("survey.xlsx_caption", title=sdef.title_in(request.locale)),
    )


async def _followup(request: Request, survey_id: int) -> None:
    """Named surveys: employees whose overall satisfaction is low."""
    survey = await request.session.get(Survey, survey_id)
    if survey is None:
        request.reply_key("survey.unknown_survey")
        return
    if survey.anonymous:
        request.reply_key("survey.followup_anonymous")
        return
    sdef = q.definition_of(survey)
    head = headline_question(sdef)
    named = [((e, label), a) for e, label, a in await sr.named_answers(request.session, survey.id)]
    low = low_scores(named, head.key, LOW_SATISFACTION_MAX) if head else []
    if not low:
        request.reply_key("survey.followup_none")
        return
    lines = [request.t("survey.followup_title", max=LOW_SATISFACTION_MAX)]
    for (employee, label), score in low:
        lines.append(
            request.t(
                "survey.followup_line",
                name=employee.name,
                nip=mask_nip(employee.nip),
                round=group_name(request.t, label),
                score=score,
            )
        )
    request.reply("\n".join(lines))


async def results_callback(request: Request) -> None:
    """Buttons ``svh:res|ch|x|f:<survey id>``."""
    data = request.button()
    actions = {"res": _results, "ch": _charts, "x": _xlsx, "f": _followup}
    action = actions.get(data.action)
    if action is None:
        raise cb.CallbackDataError("unknown survey results action")
    request.answer()
    await action(request, data.int_arg(0))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /survei, /hasil_survei, their buttons and the sending flow (HR only)."""
    add_command(
        app, "survei", survei_cmd, description_key="cmd.survei", menu_key="menu.survei", roles=HR
    )
    add_command(
        app,
        "hasil_survei",
        hasil_survei_cmd,
        description_key="cmd.hasil_survei",
        menu_key="menu.hasil_survei",
        roles=HR,
    )
    app.add_handler(
        CallbackQueryHandler(handler(roles=HR)(results_callback), pattern=cb.pattern("svh"))
    )
    surveys_send.register(app)
