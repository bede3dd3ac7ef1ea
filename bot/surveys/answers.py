"""Answer rules: what each question kind accepts, and moving through a draft.

A draft is ``{"idx": int, "answers": {question_key: value}}`` where a value is an int
(Likert 1-5, scale 0-10), an option key (single), a list of option keys (multi) or a
string (text). Skipped optional questions have no entry.
"""

from __future__ import annotations

from typing import Any

from bot.surveys.definition import Question, SurveyDef


class AnswerError(ValueError):
    """An answer is not acceptable; ``key`` names the text explaining why."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def validate(question: Question, value: Any) -> Any:
    """Return the normalised answer or raise AnswerError (never stores anything)."""
    if question.is_scale:
        low, high = question.scale_range
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError("survey.err_not_number", low=low, high=high)
        if not low <= value <= high:
            raise AnswerError("survey.err_range", low=low, high=high)
        return value
    if question.kind == "single":
        if value not in question.option_keys():
            raise AnswerError("survey.err_option")
        return value
    if question.kind == "multi":
        if not isinstance(value, list) or not value:
            raise AnswerError("survey.err_pick_one")
        if any(v not in question.option_keys() for v in value):
            raise AnswerError("survey.err_option")
        return [k for k in question.option_keys() if k in value]  # definition order, no dupes
    if not isinstance(value, str) or not value.strip():
        raise AnswerError("survey.err_empty")
    text = value.strip()
    if len(text) > question.max_length:
        raise AnswerError("survey.err_too_long", limit=question.max_length, length=len(text))
    return text


def parse_typed(question: Question, text: str) -> Any:
    """Turn a typed message into an answer for ``question`` (AnswerError when it is not one)."""
    if question.kind == "text":
        return validate(question, text)
    if question.is_scale:
        low, high = question.scale_range
        raw = text.strip()
        if not raw.lstrip("-").isdigit():
            raise AnswerError("survey.err_not_number", low=low, high=high)
        return validate(question, int(raw))
    raise AnswerError("survey.err_use_buttons")


def button_value(question: Question, raw: str) -> Any:
    """Decode the value part of an answer button (forged values raise AnswerError)."""
    if question.is_scale:
        low, high = question.scale_range
        if not raw.lstrip("-").isdigit():
            raise AnswerError("survey.err_not_number", low=low, high=high)
        return validate(question, int(raw))
    if question.kind == "single":
        return validate(question, raw)
    raise AnswerError("survey.err_use_buttons")


def toggle(question: Question, current: Any, option: str) -> list[str]:
    """Add or remove ``option`` in a multiple-choice selection."""
    if question.kind != "multi" or option not in question.option_keys():
        raise AnswerError("survey.err_option")
    chosen = list(current) if isinstance(current, list) else []
    if option in chosen:
        chosen.remove(option)
    else:
        chosen.append(option)
    return [k for k in question.option_keys() if k in chosen]


def new_draft() -> dict[str, Any]:
    """An empty draft at the first question."""
    return {"idx": 0, "answers": {}, "pending": {}}


def answer(survey: SurveyDef, draft: dict[str, Any], value: Any) -> dict[str, Any]:
    """Record ``value`` for the current question and move to the next one."""
    q = survey.questions[draft["idx"]]
    answers = dict(draft.get("answers", {}))
    answers[q.key] = validate(q, value)
    return {"idx": draft["idx"] + 1, "answers": answers, "pending": {}}


def skip(survey: SurveyDef, draft: dict[str, Any]) -> dict[str, Any]:
    """Skip the current question (only optional ones)."""
    q = survey.questions[draft["idx"]]
    if q.required:
        raise AnswerError("survey.err_required")
    answers = dict(draft.get("answers", {}))
    answers.pop(q.key, None)
    return {"idx": draft["idx"] + 1, "answers": answers, "pending": {}}


def back(draft: dict[str, Any]) -> dict[str, Any]:
    """Go back one question (the earlier answer is kept until changed)."""
    return {**draft, "idx": max(0, int(draft["idx"]) - 1), "pending": {}}


def is_complete(survey: SurveyDef, draft: dict[str, Any]) -> bool:
    """True when every question was passed and every required one answered."""
    answers = draft.get("answers", {})
    return draft["idx"] >= len(survey.questions) and all(
        q.key in answers for q in survey.questions if q.required
    )


def final_answers(survey: SurveyDef, draft: dict[str, Any]) -> dict[str, Any]:
    """Re-validate the whole draft before it is stored (AnswerError if anything is off)."""
    answers = draft.get("answers", {})
    clean: dict[str, Any] = {}
    for q in survey.questions:
        if q.key in answers:
            clean[q.key] = validate(q, answers[q.key])
        elif q.required:
            raise AnswerError("survey.err_required")
    return clean
