"""Text and chart input for survey results, in the reader's language (pure)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from bot.surveys.aggregate import OTHER, GroupResult, QuestionStats, SurveyResults
from bot.surveys.charts import Panel
from bot.surveys.definition import Question, SurveyDef

Translate = Callable[..., str]  # t(key, **params) bound to a locale
LIKERT_VALUES = (1, 2, 3, 4, 5)  # Sangat Tidak Setuju … Sangat Setuju ("survey.likert")


def group_name(tr: Translate, name: str) -> str:
    """Readable name of a unit group or round label."""
    if name == OTHER:
        return tr("survey.group_other")
    if name.isdigit():
        return tr("survey.round_label", days=name)
    return name


def _figures(tr: Translate, stats: QuestionStats) -> str:
    """`` · mean 4.2 · eNPS 20`` for a question."""
    text = ""
    if stats.mean is not None:
        text += tr("survey.res_mean", mean=f"{stats.mean:.2f}")
    if stats.enps is not None:
        text += tr("survey.res_enps", enps=f"{stats.enps:+.0f}")
    return text


def answer_label(tr: Translate, locale: str, question: Question, value: Any) -> str:
    """A readable answer (Likert words, option texts)."""
    if value is None:
        return tr("survey.skipped")
    if question.kind == "likert":
        if value in LIKERT_VALUES:
            return f"{value} · {tr('survey.likert', value=value)}"
        return str(value)
    if question.kind in ("single", "multi"):
        texts = {o.key: o.text.get(locale) or o.text["id"] for o in question.options}
        keys = value if isinstance(value, list) else [value]
        return ", ".join(texts.get(str(k), str(k)) for k in keys)
    return str(value)


def _distribution(tr: Translate, locale: str, q: Question, stats: QuestionStats) -> str:
    """``1:0 2:1 …`` or option counts."""
    if q.kind in ("single", "multi"):
        texts = {o.key: o.text.get(locale) or o.text["id"] for o in q.options}
        return "; ".join(f"{texts[k]}: {v}" for k, v in stats.distribution.items())
    return " ".join(f"{k}:{v}" for k, v in stats.distribution.items())


def results_text(tr: Translate, locale: str, survey: SurveyDef, res: SurveyResults) -> str:
    """The /hasil_survei message."""
    rate = res.rate
    lines = [
        tr("survey.res_title", title=html.escape(survey.title_in(locale))),
        tr(
            "survey.res_rate",
            invited=rate.invited,
            started=rate.started,
            finished=rate.finished,
            percent=f"{rate.percent:.0f}",
        ),
    ]
    if res.overall is None:
        lines.append(tr("survey.res_hidden_all", n=res.responses, min=res.min_group))
        return "\n".join(lines + _waiting(tr, res))
    lines.append("")
    for n, q in enumerate(survey.questions, start=1):
        if q.kind == "text":
            continue
        stats = res.overall.questions[q.key]
        lines.append(f"{n}. {html.escape(q.label(locale))}")
        if stats.hidden:
            lines.append("   " + tr("survey.res_question_hidden", min=res.min_group))
            continue
        lines.append(f"   n={stats.n}{_figures(tr, stats)}")
        lines.append(f"   {html.escape(_distribution(tr, locale, q, stats))}")
    lines += ["", tr("survey.res_by_unit", min=res.min_group)]
    lines += _group_lines(tr, survey, res.by_unit)
    if res.hidden_units:
        lines.append(tr("survey.res_hidden_units", count=res.hidden_units, min=res.min_group))
    lines += _waiting(tr, res)
    lines += ["", tr("survey.res_by_round")]
    lines += _group_lines(tr, survey, res.by_round)
    for key, comments in res.comments.items():
        question = survey.question(key)
        if comments and question is not None:
            lines += ["", tr("survey.res_comments", question=html.escape(question.label(locale)))]
            lines += [f"• {html.escape(c)}" for c in comments]
    return "\n".join(lines)


def _waiting(tr: Translate, res: SurveyResults) -> list[str]:
    """The note on anonymous answers not yet published, if any."""
    if not res.waiting:
        return []
    return [tr("survey.res_waiting", count=res.waiting, min=res.min_group)]


def headline_question(survey: SurveyDef) -> Question | None:
    """The question used to compare groups: the satisfaction one, else the first scale."""
    if survey.satisfaction_key:
        return survey.question(survey.satisfaction_key)
    return next((q for q in survey.questions if q.is_scale), None)


def _group_lines(tr: Translate, survey: SurveyDef, groups: list[GroupResult]) -> list[str]:
    """One line per group with the headline figures."""
    head = headline_question(survey)
    score = next((q for q in survey.questions if q.kind == "scale10"), None)
    lines = []
    for g in groups:
        extra = _figures(tr, g.questions[head.key]) if head else ""
        if score is not None and score is not head:
            extra += tr("survey.res_enps", enps=_enps(g.questions[score.key]))
        lines.append(f"• {html.escape(group_name(tr, g.name))}: n={g.n}{extra}")
    return lines


def _enps(stats: QuestionStats) -> str:
    """eNPS formatted, or a dash."""
    return f"{stats.enps:+.0f}" if stats.enps is not None else "-"


def distribution_panels(
    locale: str, tr: Translate, survey: SurveyDef, group: GroupResult
) -> list[Panel]:
    """One chart panel per closed question of ``group``."""
    panels = []
    for n, q in enumerate(survey.questions, start=1):
        stats = group.questions[q.key]
        if q.kind == "text" or stats.hidden:
            continue
        if q.kind in ("single", "multi"):
            texts = {o.key: o.text.get(locale) or o.text["id"] for o in q.options}
            bars = [(texts[k], float(v)) for k, v in stats.distribution.items()]
        else:
            bars = [(k, float(v)) for k, v in stats.distribution.items()]
        panels.append(Panel(f"{n}. {q.label(locale)}", bars))
    return panels


def unit_bars(tr: Translate, survey: SurveyDef, res: SurveyResults) -> list[tuple[str, float]]:
    """Mean of the headline question per shown unit group."""
    head = headline_question(survey)
    if head is None:
        return []
    return [
        (group_name(tr, g.name), float(g.questions[head.key].mean or 0.0))
        for g in res.by_unit
        if not g.questions[head.key].hidden
    ]
