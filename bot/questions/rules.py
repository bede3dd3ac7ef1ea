"""Pure rules of general questions and the FAQ: working days, and which language to show."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

LANGUAGES = ("id", "en")
FIELDS = {  # language -> (question field, answer field) of a FAQ entry
    "id": ("question_id", "answer_id"),
    "en": ("question_en", "answer_en"),
}
SATURDAY = 5


def add_working_days(start: date, days: int) -> date:
    """The day ``days`` working days (Monday to Friday) after ``start``."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < SATURDAY:
            left -= 1
    return day


def complete_languages(values: Mapping[str, str]) -> list[str]:
    """The languages in which a FAQ entry has both its question and its answer."""
    return [
        lang
        for lang in LANGUAGES
        if values.get(FIELDS[lang][0], "").strip() and values.get(FIELDS[lang][1], "").strip()
    ]


def shown_language(values: Mapping[str, str], locale: str) -> str | None:
    """The reader's language when the entry is complete in it, else another complete one."""
    complete = complete_languages(values)
    if locale in complete:
        return locale
    return complete[0] if complete else None
