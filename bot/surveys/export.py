"""XLSX export of survey aggregates (and individual answers of named surveys only)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bot.spreadsheet import Sheet, write_xlsx
from bot.surveys.aggregate import GroupResult, SurveyResults
from bot.surveys.definition import SurveyDef

Label = Callable[[str], str]  # translate a locale key


def _group_rows(survey: SurveyDef, group: GroupResult, name: str) -> list[list[Any]]:
    """One row per question of a group: n, mean, eNPS, distribution."""
    rows = []
    for q in survey.questions:
        stats = group.questions[q.key]
        if q.kind == "text" or stats.hidden:
            continue
        dist = "; ".join(f"{k}={v}" for k, v in stats.distribution.items())
        mean = round(stats.mean, 2) if stats.mean is not None else ""
        score = round(stats.enps, 1) if stats.enps is not None else ""
        rows.append([name, q.key, q.label("id"), stats.n, mean, score, dist])
    return rows


def to_xlsx(
    survey: SurveyDef,
    results: SurveyResults,
    label: Label,
    group_name: Callable[[str], str],
    individual: Sequence[tuple[str, str, str, dict[str, Any]]] = (),
) -> bytes:
    """Workbook with summary, per-question, per-unit and per-round sheets.

    ``individual`` rows (NIP, name, round, answers) are written only for named surveys.
    """
    rate = results.rate
    anonymous = label("survey.yes" if survey.anonymous else "survey.no")
    summary: list[list[object]] = [
        [label("survey.xlsx_title"), survey.title_in("id")],
        [label("survey.xlsx_anonymous"), anonymous],
        [label("survey.xlsx_invited"), rate.invited],
        [label("survey.xlsx_started"), rate.started],
        [label("survey.xlsx_finished"), rate.finished],
        [label("survey.xlsx_rate"), round(rate.percent, 1)],
        [label("survey.xlsx_min_group"), results.min_group],
        [label("survey.xlsx_hidden_units"), results.hidden_units],
        [label("survey.xlsx_waiting"), results.waiting],
    ]
    sheets = [Sheet("Ringkasan", [label("survey.xlsx_field"), label("survey.xlsx_value")], summary)]
    columns = [
        label("survey.xlsx_group"),
        label("survey.xlsx_question_key"),
        label("survey.xlsx_question"),
        "n",
        label("survey.xlsx_mean"),
        "eNPS",
        label("survey.xlsx_distribution"),
    ]
    grouped = (
        ("Pertanyaan", [results.overall] if results.overall else []),
        ("Per unit", results.by_unit),
        ("Per putaran", results.by_round),
    )
    for title, groups in grouped:
        rows = [row for g in groups for row in _group_rows(survey, g, group_name(g.name))]
        sheets.append(Sheet(title, columns, rows))
    comment_rows = [[key, text] for key, texts in results.comments.items() for text in texts]
    comment_header = [label("survey.xlsx_question_key"), label("survey.xlsx_comment")]
    sheets.append(Sheet("Komentar", comment_header, comment_rows))
    if individual and not survey.anonymous:
        keys = [q.key for q in survey.questions]
        header = ["NIP", label("survey.xlsx_name"), label("survey.xlsx_round"), *keys]
        rows = [
            [nip, name, round_label, *(_cell(values.get(k)) for k in keys)]
            for nip, name, round_label, values in individual
        ]
        sheets.append(Sheet("Jawaban", header, rows))
    return write_xlsx(sheets)


def _cell(value: Any) -> Any:
    """A spreadsheet cell for one answer value."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else value
