"""Typed button payloads of the move rules: freeze periods and the Minister's approval."""

from __future__ import annotations

from dataclasses import dataclass

from bot.callback_data import CallbackData


@dataclass(frozen=True)
class AddFreeze(CallbackData, prefix="freeze-add"):
    """Start adding an election freeze period."""


@dataclass(frozen=True)
class RemoveFreeze(CallbackData, prefix="freeze-remove"):
    """Remove a stored freeze period."""

    period_id: int


@dataclass(frozen=True)
class RecordApproval(CallbackData, prefix="move-freeze-approval"):
    """Record the Minister of Home Affairs' written approval of a move (number, date)."""

    move_id: int
