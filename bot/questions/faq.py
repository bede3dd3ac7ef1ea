"""The FAQ: shown to employees in their language, edited by HR in chat (audited).

An entry may be written in Indonesian, English or both; a reader sees it in their own
language when it is complete there (question and answer), else in the other. Every entry
keeps at least one complete language: an edit that would leave none is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.questions.rules import FIELDS, complete_languages, shown_language
from storage.models.questions import FaqEntry
from storage.queries import audit
from storage.queries import questions as q

TEXT_FIELDS = ("question_id", "answer_id", "question_en", "answer_en")


@dataclass(frozen=True)
class FaqItem:
    """One entry as a reader sees it."""

    entry_id: int
    question: str
    answer: str


def _values(entry: FaqEntry) -> dict[str, str]:
    """The four texts of an entry."""
    return {name: str(getattr(entry, name) or "") for name in TEXT_FIELDS}


def _item(entry: FaqEntry, locale: str) -> FaqItem | None:
    """The entry in the reader's language (or the other complete one)."""
    values = _values(entry)
    lang = shown_language(values, locale)
    if lang is None:
        return None
    question, answer = FIELDS[lang]
    return FaqItem(entry.id, values[question], values[answer])


async def faq_for(session: AsyncSession, locale: str) -> list[FaqItem]:
    """The FAQ as the reader sees it, in the order entries were added."""
    items = (_item(entry, locale) for entry in await q.faq_entries(session))
    return [item for item in items if item is not None]


async def faq_item(session: AsyncSession, entry_id: int, locale: str) -> FaqItem | None:
    """One entry as the reader sees it, or None when it is gone."""
    entry = await q.faq_entry(session, entry_id)
    return _item(entry, locale) if entry is not None else None


async def entries(session: AsyncSession) -> list[FaqEntry]:
    """Every entry with all its texts (for HR)."""
    return await q.faq_entries(session)


async def entry(session: AsyncSession, entry_id: int) -> FaqEntry | None:
    """One entry with all its texts, or None."""
    return await q.faq_entry(session, entry_id)


async def add_entry(session: AsyncSession, actor_id: int, values: dict[str, str]) -> int | None:
    """Store a new entry; None when no language has both a question and an answer."""
    clean = {name: values.get(name, "").strip() for name in TEXT_FIELDS}
    if not complete_languages(clean):
        return None
    added = await q.add_faq(session, clean, actor_id)
    await audit.record(session, audit.actor_of(actor_id), "faq.added", "faq", added.id)
    return added.id


async def edit_entry(
    session: AsyncSession, now: datetime, actor_id: int, entry_id: int, field: str, text: str
) -> Literal["saved", "incomplete", "gone"]:
    """Replace (empty text: clear) one text of an entry, keeping one complete language."""
    found = await q.faq_entry(session, entry_id)
    if found is None or field not in TEXT_FIELDS:
        return "gone"
    values = {**_values(found), field: text.strip()}
    if not complete_languages(values):
        return "incomplete"
    if not await q.update_faq(session, entry_id, {field: values[field]}, actor_id, now):
        return "gone"
    await audit.record(
        session, audit.actor_of(actor_id), "faq.edited", "faq", entry_id, field=field
    )
    return "saved"


async def remove_entry(session: AsyncSession, actor_id: int, entry_id: int) -> bool:
    """Delete an entry (audited); False when it was already gone."""
    if not await q.remove_faq(session, entry_id):
        return False
    await audit.record(session, audit.actor_of(actor_id), "faq.removed", "faq", entry_id)
    return True
