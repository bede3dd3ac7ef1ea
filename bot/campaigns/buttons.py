"""Typed buttons of /sosialisasi: edit one step's text or timing."""

from __future__ import annotations

from dataclasses import dataclass

from bot.callback_data import CallbackData


@dataclass(frozen=True)
class EditStepText(CallbackData, prefix="campaign-edit-text"):
    """Ask for a new text of step ``n`` (HR's language)."""

    step_id: int
    n: int


@dataclass(frozen=True)
class EditStepOffset(CallbackData, prefix="campaign-edit-offset"):
    """Ask for a new timing (days from the TMT, local time) of step ``n``."""

    step_id: int
    n: int
