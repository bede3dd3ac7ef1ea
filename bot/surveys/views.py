"""How a question and the summary look in chat: text and button rows (label, data)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from bot import callback_data as cb
from bot.surveys.definition import Question, SurveyDef
from bot.surveys.report import answer_label

Translate = Callable[..., str]
Rows = list[list[tuple[str, str]]]
CHECKED, UNCHECKED, CHOSEN = "☑️", "⬜", "✅ "
SCALE_ROW = 6


def _text(texts: dict[str, str], locale: str) -> str:
    """A localised option text."""
    return texts.get(locale) or texts["id"]


def _answer_rows(
    tr: Translate, locale: str, q: Question, pid: int, idx: int, current: Any, pending: Any
) -> Rows:
    """The answer buttons of one question."""

    def mark(value: Any) -> str:
        return CHOSEN if value == current else ""

    if q.kind == "likert":
        return [
            [(f"{mark(v)}{v} · {tr('survey.likert', value=v)}", cb.build("sv", "a", pid, idx, v))]
            for v in range(1, 6)
        ]
    if q.kind == "scale10":
        buttons = [(f"{mark(v)}{v}", cb.build("sv", "a", pid, idx, v)) for v in range(11)]
        return [buttons[:SCALE_ROW], buttons[SCALE_ROW:]]
    if q.kind == "single":
        return [
            [
                (
                    f"{mark(o.key)}{o.text.get(locale) or o.text['id']}",
                    cb.build("sv", "a", pid, idx, o.key),
                )
            ]
            for o in q.options
        ]
    if q.kind == "multi":
        chosen = (
            pending if isinstance(pending, list) else current if isinstance(current, list) else []
        )
        rows = [
            [
                (
                    f"{CHECKED if o.key in chosen else UNCHECKED} {_text(o.text, locale)}",
                    cb.build("sv", "t", pid, idx, o.key),
                )
            ]
            for o in q.options
        ]
        rows.append([(tr("survey.btn_done"), cb.build("sv", "d", pid, idx))])
        return rows
    return []


def question_view(
    tr: Translate, locale: str, survey: SurveyDef, pid: int, draft: dict[str, Any]
) -> tuple[str, Rows]:
    """Text ("3/9", the question, hints) and buttons of the current question."""
    idx = int(draft["idx"])
    q = survey.questions[idx]
    current = draft.get("answers", {}).get(q.key)
    pending = draft.get("pending", {}).get(q.key)
    lines = [tr("survey.progress", n=idx + 1, total=len(survey.questions))]
    lines.append(
        f"<b>{html.escape(q.label(locale))}</b>" + ("" if q.required else tr("survey.optional"))
    )
    if q.kind == "scale10":
        lines.append(tr("survey.scale_hint"))
    elif q.kind == "multi":
        lines.append(tr("survey.multi_hint"))
    elif q.kind == "text":
        lines.append(tr("survey.type_answer", limit=q.max_length))
        if current:
            lines.append(tr("survey.previous", answer=html.escape(str(current))))
    rows = _answer_rows(tr, locale, q, pid, idx, current, pending)
    nav = []
    if idx > 0:
        nav.append((tr("survey.btn_back"), cb.build("sv", "b", pid, idx)))
    if not q.required:
        nav.append((tr("survey.btn_skip"), cb.build("sv", "s", pid, idx)))
    if nav:
        rows.append(nav)
    return "\n".join(lines), rows


def summary_view(
    tr: Translate, locale: str, survey: SurveyDef, pid: int, draft: dict[str, Any]
) -> tuple[str, Rows]:
    """All answers for a last check, with Send and Change buttons."""
    answers = draft.get("answers", {})
    lines = [tr("survey.summary_title"), ""]
    for n, q in enumerate(survey.questions, start=1):
        value = answer_label(tr, locale, q, answers.get(q.key))
        lines.append(f"{n}. {html.escape(q.label(locale))}\n   → <i>{html.escape(value)}</i>")
    rows = [
        [
            (tr("survey.btn_send"), cb.build("sv", "ok", pid)),
            (tr("survey.btn_edit"), cb.build("sv", "ed", pid)),
        ]
    ]
    return "\n".join(lines), rows
