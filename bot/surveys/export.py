"""XLSX export of survey aggregates (and individual answers of named surveys only)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from bot.surveys.aggregate import GroupResult, SurveyResults
from bot.surveys.definition import SurveyDef

Label = Callable[[str], str]  # translate a locale key


def _header(ws: Any, cells: Sequence[str]) -> None:
    """Append a bold header row."""
    ws.append(list(cells))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)


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
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Ringkasan"
    rate = results.rate
    _header(ws, [label("survey.xlsx_field"), label("survey.xlsx_value")])
    ws.append([label("survey.xlsx_title"), survey.title_in("id")])
    anonymous = label("survey.yes" if survey.anonymous else "survey.no")
    ws.append([label("survey.xlsx_anonymous"), anonymous])
    ws.append([label("survey.xlsx_invited"), rate.invited])
    ws.append([label("survey.xlsx_started"), rate.started])
    ws.append([label("survey.xlsx_finished"), rate.finished])
    ws.append([label("survey.xlsx_rate"), round(rate.percent, 1)])
    ws.append([label("survey.xlsx_min_group"), results.min_group])
    ws.append([label("survey.xlsx_hidden_units"), results.hidden_units])
    ws.append([label("survey.xlsx_waiting"), results.waiting])
    columns = [
        label("survey.xlsx_group"),
        label("survey.xlsx_question_key"),
        label("survey.xlsx_question"),
        "n",
        label("survey.xlsx_mean"),
        "eNPS",
        label("survey.xlsx_distribution"),
    ]
    sheets = (
        ("Pertanyaan", [results.overall] if results.overall else []),
        ("Per unit", results.by_unit),
        ("Per putaran", results.by_round),
    )
    for title, groups in sheets:
        sheet = wb.create_sheet(title)
        _header(sheet, columns)
        for group in groups:
            for row in _group_rows(survey, group, group_name(group.name)):
                sheet.append(row)
    comments = wb.create_sheet("Komentar")
    _header(comments, [label("survey.xlsx_question_key"), label("survey.xlsx_comment")])
    for key, texts in results.comments.items():
        for text in texts:
            comments.append([key, text])
    if individual and not survey.anonymous:
        answers = wb.create_sheet("Jawaban")
        keys = [q.key for q in survey.questions]
        _header(answers, ["NIP", label("survey.xlsx_name"), label("survey.xlsx_round"), *keys])
        for nip, name, round_label, values in individual:
            answers.append([nip, name, round_label, *(_cell(values.get(k)) for k in keys)])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    """A spreadsheet cell for one answer value."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else value
