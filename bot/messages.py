"""One message value for everything the bot sends: direct replies and outbox rows alike.

Domain services return :class:`OutgoingMessage` values (text already rendered in the
recipient's language, buttons as typed callback data) without touching Telegram; the
handlers turn them into ``sendMessage`` calls, the outbox stores them as rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from bot.callback_data import CallbackData

ParseMode = Literal["HTML"] | None


@dataclass(frozen=True)
class Button:
    """An inline button: a typed callback payload, raw callback data, or a URL."""

    label: str
    data: CallbackData | str | None = None
    url: str | None = None

    def callback_data(self) -> str | None:
        """The packed callback data, if any."""
        if isinstance(self.data, CallbackData):
            return self.data.pack()
        return self.data

    def to_dict(self) -> dict[str, Any]:
        """The Bot API ``InlineKeyboardButton`` object."""
        if self.url is not None:
            return {"text": self.label, "url": self.url}
        return {"text": self.label, "callback_data": self.callback_data()}


@dataclass(frozen=True)
class OutgoingMessage:
    """Text, parse mode and inline buttons of one message."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = field(default_factory=tuple)
    parse_mode: ParseMode = "HTML"

    def markup_dict(self) -> dict[str, Any] | None:
        """The Bot API ``reply_markup`` object, or None without buttons."""
        if not self.buttons:
            return None
        return {"inline_keyboard": [[b.to_dict() for b in row] for row in self.buttons]}


def rows(*rows_: list[Button] | tuple[Button, ...]) -> tuple[tuple[Button, ...], ...]:
    """Buttons as a tuple of rows (skipping empty rows)."""
    return tuple(tuple(r) for r in rows_ if r)
