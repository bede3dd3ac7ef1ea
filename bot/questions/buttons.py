"""Typed buttons of general questions and the FAQ (employees, and HR's queue and editing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.callback_data import CallbackData

FaqField = Literal["question_id", "answer_id", "question_en", "answer_en"]

# -- the employee: /tanya_bkpsdm -------------------------------------------------------------


@dataclass(frozen=True)
class ShowFaq(CallbackData, prefix="faq-show"):
    """The answer of one FAQ entry."""

    entry_id: int


@dataclass(frozen=True)
class FaqMenu(CallbackData, prefix="faq-menu"):
    """Back to the FAQ list."""


@dataclass(frozen=True)
class AskOwnQuestion(CallbackData, prefix="general-question-ask"):
    """ "My question is not here": type it for HR."""


# -- HR: /pertanyaan ------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionsPage(CallbackData, prefix="general-question-page"):
    """One page of open questions."""

    page: int


@dataclass(frozen=True)
class AnswerGeneralQuestion(CallbackData, prefix="general-question-answer"):
    """Answer one question (typed next)."""

    question_id: int


# -- HR: /faq -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FaqList(CallbackData, prefix="faq-admin-list"):
    """The FAQ entries, for editing."""


@dataclass(frozen=True)
class FaqOpen(CallbackData, prefix="faq-admin-open"):
    """One entry with its edit buttons."""

    entry_id: int


@dataclass(frozen=True)
class FaqAdd(CallbackData, prefix="faq-admin-add"):
    """Add an entry (its texts are typed next)."""


@dataclass(frozen=True)
class FaqEdit(CallbackData, prefix="faq-admin-edit"):
    """Replace (or clear) one text of an entry."""

    entry_id: int
    field: FaqField


@dataclass(frozen=True)
class FaqRemove(CallbackData, prefix="faq-admin-remove"):
    """Ask to confirm removing an entry."""

    entry_id: int


@dataclass(frozen=True)
class FaqRemoveConfirm(CallbackData, prefix="faq-admin-remove-yes"):
    """Remove the entry."""

    entry_id: int
