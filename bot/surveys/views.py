"""How a question and the summary look in chat: one message value with typed buttons."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from bot.messages import Button, OutgoingMessage
from bot.surveys.buttons import (
    AnswerQuestion,
    ConfirmOptions,
    PreviousQuestion,
    ReviseAnswers,
    SkipQuestion,
    SubmitAnswers,
    ToggleOption,
)
from bot.surveys.definition import Question, SurveyDef
from bot.surveys.report import LIKERT_VALUES, answer_label

Translate = Callable[..., str]
Rows = list[tuple[Button, ...]]
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
        """The "chosen" mark for the stored answer."""
        return CHOSEN if value == current else ""

    def answer(value: object) -> AnswerQuestion:
        """The answer button's payload."""
        return AnswerQuestion(pid, idx, str(value))

    if q.kind == "likert":
        return [
            (Button(f"{mark(v)}{v} · {tr('survey.likert', value=v)}", answer(v)),)
            for v in LIKERT_VALUES
        ]
    if q.kind == "scale10":
        buttons = [Button(f"{mark(v)}{v}", answer(v)) for v in range(11)]
        return [tuple(buttons[:SCALE_ROW]), tuple(buttons[SCALE_ROW:])]
    if q.kind == "single":
        return [
            (Button(f"{mark(o.key)}{_text(o.text, locale)}", answer(o.key)),) for o in q.options
        ]
    if q.kind == "multi":
        chosen = (
            pending if isinstance(pending, list) else current if isinstance(current, list) else []
        )
        rows: Rows = [
            (
                Button(
                    f"{CHECKED if o.key in chosen else UNCHECKED} {_text(o.text, locale)}",
                    ToggleOption(pid, idx, o.key),
                ),
            )
            for o in q.options
        ]
        rows.append((Button(tr("survey.btn_done"), ConfirmOptions(pid, idx)),))
        return rows
    return []


def question_view(
    tr: Translate, locale: str, survey: SurveyDef, pid: int, draft: dict[str, Any]
) -> OutgoingMessage:
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
        nav.append(Button(tr("survey.btn_back"), PreviousQuestion(pid, idx)))
    if not q.required:
        nav.append(Button(tr("survey.btn_skip"), SkipQuestion(pid, idx)))
    if nav:
        rows.append(tuple(nav))
    return OutgoingMessage("\n".join(lines), tuple(rows))


def summary_view(
    tr: Translate, locale: str, survey: SurveyDef, pid: int, draft: dict[str, Any]
) -> OutgoingMessage:
    """All answers for a last check, with Send and Change buttons."""
    answers = draft.get("answers", {})
    lines = [tr("survey.summary_title"), ""]
    for n, q in enumerate(survey.questions, start=1):
        value = answer_label(tr, locale, q, answers.get(q.key))
        lines.append(f"{n}. {html.escape(q.label(locale))}\n   → <i>{html.escape(value)}</i>")
    buttons = (
        Button(tr("survey.btn_send"), SubmitAnswers(pid)),
        Button(tr("survey.btn_edit"), ReviseAnswers(pid)),
    )
    return OutgoingMessage("\n".join(lines), (buttons,))


def draft_view(
    tr: Translate, locale: str, survey: SurveyDef, pid: int, draft: dict[str, Any]
) -> OutgoingMessage:
    """The current question, or the summary once every question was passed."""
    if draft["idx"] >= len(survey.questions):
        return summary_view(tr, locale, survey, pid, draft)
    return question_view(tr, locale, survey, pid, draft)
