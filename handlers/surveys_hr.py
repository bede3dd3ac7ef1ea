"""HR side of surveys: /survei (definitions, sending) and /hasil_survei (results, charts, XLSX).

Results, charts, exports and the follow-up list are ``bot.surveys.service_hr`` (which
applies the anonymity threshold); sending is ``handlers.surveys_send``.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.messages import Button, OutgoingMessage, rows
from bot.surveys import LOW_SATISFACTION_MAX
from bot.surveys import service_hr as hr
from bot.surveys.buttons import (
    ExportResults,
    PickSurveyToSend,
    ShowCharts,
    ShowFollowUp,
    ShowResults,
)
from bot.surveys.report import results_text
from handlers import surveys_send
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.request import Request, escape_html

HR = ("hr",)
MAX_MESSAGE = 4000


def _results_button(request: Request, survey_id: int) -> Button:
    """The results button of one survey."""
    return Button(request.t("survey.btn_results", id=survey_id), ShowResults(survey_id))


def _list_line(request: Request, item: hr.Listed) -> str:
    """One survey of the /survei list."""
    survey = item.survey
    trigger = (
        request.t("survey.trigger_move", offsets="/".join(map(str, survey.offsets_days)))
        if survey.trigger == "move"
        else request.t("survey.trigger_manual")
    )
    return request.t(
        "survey.hr_list_item", id=item.survey_id, title=survey.title_in(request.locale),
        anon=request.t("survey.anon_short" if item.anonymous else "survey.named_short"),
        questions=len(survey.questions), trigger=trigger, responses=item.responses,
    )  # fmt: skip


async def survei_cmd(request: Request) -> None:
    """List survey definitions with results and send buttons."""
    listed = await hr.survey_list(request.session)
    if not listed:
        request.reply_key("survey.hr_none")
        return
    lines = [request.t("survey.hr_list_title"), *(_list_line(request, i) for i in listed)]
    buttons = tuple(
        (
            _results_button(request, i.survey_id),
            Button(request.t("survey.btn_send_to", id=i.survey_id), PickSurveyToSend(i.survey_id)),
        )
        for i in listed
    )
    request.send(OutgoingMessage("\n".join(lines), buttons))


async def hasil_survei_cmd(request: Request) -> None:
    """Results of one survey (``/hasil_survei ID``), or a choice of surveys."""
    args = request.context.args or []
    if args and args[0].isdigit():
        await _results(request, int(args[0]))
        return
    ids = await hr.survey_ids(request.session)
    if len(ids) == 1:
        await _results(request, ids[0])
    elif not ids:
        request.reply_key("survey.hr_none")
    else:
        buttons = tuple((_results_button(request, i),) for i in ids)
        request.send(OutgoingMessage(request.t("survey.pick_survey"), buttons))


async def _computed(request: Request, survey_id: int) -> hr.Results | None:
    """Aggregated results, or None after saying the survey does not exist."""
    min_group = request.settings.survey_min_group
    computed = await hr.results(request.session, survey_id, min_group)
    if computed is None:
        request.reply_key("survey.unknown_survey")
    return computed


async def _results(request: Request, survey_id: int) -> None:
    """Send the results text with chart/XLSX/follow-up buttons."""
    computed = await _computed(request, survey_id)
    if computed is None:
        return
    text = results_text(request.t, request.locale, computed.survey, computed.results)
    buttons = [
        Button(request.t("survey.btn_charts"), ShowCharts(survey_id)),
        Button(request.t("survey.btn_xlsx"), ExportResults(survey_id)),
    ]
    if not computed.anonymous:
        buttons.append(Button(request.t("survey.btn_followup"), ShowFollowUp(survey_id)))
    chunks = [text[i : i + MAX_MESSAGE] for i in range(0, len(text), MAX_MESSAGE)]
    for chunk in chunks[:-1]:
        request.reply(chunk)
    request.send(OutgoingMessage(chunks[-1], rows(buttons)))


async def results_pressed(request: Request, data: ShowResults) -> None:
    """The results of one survey."""
    request.answer()
    await _results(request, data.survey_id)


async def charts_pressed(request: Request, data: ShowCharts) -> None:
    """Distribution bars per question and the per-unit comparison, as PNG photos."""
    request.answer()
    computed = await _computed(request, data.survey_id)
    if computed is None:
        return
    charts = await hr.charts(computed, request.t, request.locale)
    if charts is None:
        request.reply_key("survey.no_charts", min=computed.results.min_group)
        return
    caption = request.t("survey.chart_caption", title=computed.survey.title_in(request.locale))
    request.send_photo(charts.distribution, "distribusi.png", caption)
    if charts.per_unit is not None:
        request.send_photo(charts.per_unit, "per-unit.png", caption)


async def export_pressed(request: Request, data: ExportResults) -> None:
    """The aggregates (and named answers) as an XLSX document."""
    request.answer()
    computed = await _computed(request, data.survey_id)
    if computed is None:
        return
    content = await hr.export(request.session, request.telegram_id, computed, request.t)
    title = computed.survey.title_in(request.locale)
    caption = request.t("survey.xlsx_caption", title=title)
    request.send_document(content, f"survei-{computed.survey.slug}.xlsx", caption)


async def follow_up_pressed(request: Request, data: ShowFollowUp) -> None:
    """Named surveys: employees whose overall satisfaction is low."""
    request.answer()
    anonymous = await hr.is_anonymous(request.session, data.survey_id)
    if anonymous is None:
        request.reply_key("survey.unknown_survey")
        return
    if anonymous:
        request.reply_key("survey.followup_anonymous")
        return
    found = await hr.follow_up(request.session, data.survey_id, request.t)
    if not found:
        request.reply_key("survey.followup_none")
        return
    lines = [request.t("survey.followup_title", max=LOW_SATISFACTION_MAX)]
    lines += [
        request.t(
            "survey.followup_line",
            name=escape_html(f.name),
            nip=f.masked_nip,
            round=escape_html(f.round_label),
            score=f.score,
        )
        for f in found
    ]
    request.reply("\n".join(lines))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /survei, /hasil_survei, their buttons and the sending flow (HR only)."""
    add_command(
        app, "survei", survei_cmd, roles=HR, description_key="cmd.survei", menu_key="menu.survei"
    )
    add_command(
        app,
        "hasil_survei",
        hasil_survei_cmd,
        roles=HR,
        description_key="cmd.hasil_survei",
        menu_key="menu.hasil_survei",
    )
    add_button(app, ShowResults, results_pressed, roles=HR)
    add_button(app, ShowCharts, charts_pressed, roles=HR)
    add_button(app, ExportResults, export_pressed, roles=HR)
    add_button(app, ShowFollowUp, follow_up_pressed, roles=HR)
    surveys_send.register(app)
