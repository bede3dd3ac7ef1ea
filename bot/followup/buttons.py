"""Typed buttons of follow-up cases: the employee's answer, and HR's case actions."""

from __future__ import annotations

from dataclasses import dataclass

from bot.callback_data import CallbackData

# -- the employee, after an anonymous survey -------------------------------------------------


@dataclass(frozen=True)
class AllowContact(CallbackData, prefix="followup-contact-yes"):
    """Yes, BKPSDM may contact me about my placement (opens a named case)."""

    participation_id: int


@dataclass(frozen=True)
class DeclineContact(CallbackData, prefix="followup-contact-no"):
    """No contact, thank you (nothing is stored)."""

    participation_id: int


# -- HR: /tindak_lanjut -----------------------------------------------------------------------


@dataclass(frozen=True)
class CasesPage(CallbackData, prefix="followup-page"):
    """One page of open cases."""

    page: int


@dataclass(frozen=True)
class OpenCase(CallbackData, prefix="followup-open"):
    """The card of one case."""

    case_id: int


@dataclass(frozen=True)
class TakeCase(CallbackData, prefix="followup-take"):
    """The pressing officer becomes the case's owner."""

    case_id: int


@dataclass(frozen=True)
class NoteCase(CallbackData, prefix="followup-note"):
    """Note an action taken (typed next)."""

    case_id: int


@dataclass(frozen=True)
class CloseCase(CallbackData, prefix="followup-close"):
    """Close the case (the closing note is typed next)."""

    case_id: int


@dataclass(frozen=True)
class CorrectiveMove(CallbackData, prefix="followup-move"):
    """Start a corrective move of the employee in a draft plan."""

    case_id: int
