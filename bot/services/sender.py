"""What the delivery engine needs from Telegram: four Bot API calls, as a Protocol.

``telegram.Bot`` satisfies :class:`Sender` structurally, so the engine (outbox worker,
progress tracker) takes any object with these methods and imports no Telegram types;
tests and benchmarks pass a real ``Bot`` talking to the emulator. The failures these
calls raise are classified in one place, ``bot.delivery.errors``.
"""

from __future__ import annotations

from typing import Any, Protocol

# A ``reply_markup`` as the Bot API JSON object (``{"inline_keyboard": [...]}``), the form
# outbox rows store; the Bot serialises it unchanged.
MarkupJson = Any


class SentMessage(Protocol):
    """The part of a sent message the engine keeps."""

    @property
    def message_id(self) -> int:
        """Telegram's id of the message in its chat."""
        ...


class Sender(Protocol):
    """The Bot API calls of the outbox worker and the progress tracker."""

    async def send_message(
        self,
        chat_id: int,
        text: str,
        *,
        parse_mode: str | None = None,
        reply_markup: MarkupJson = None,
    ) -> SentMessage:
        """Send a text message."""
        ...

    async def send_photo(
        self,
        chat_id: int,
        photo: str,
        *,
        caption: str | None = None,
        parse_mode: str | None = None,
        reply_markup: MarkupJson = None,
    ) -> SentMessage:
        """Send a photo by file id, with an optional caption."""
        ...

    async def send_document(
        self,
        chat_id: int,
        document: str,
        *,
        caption: str | None = None,
        parse_mode: str | None = None,
        reply_markup: MarkupJson = None,
    ) -> SentMessage:
        """Send a document by file id, with an optional caption."""
        ...

    async def edit_message_text(self, text: str, *, chat_id: int, message_id: int) -> object:
        """Replace the text of a message the bot sent."""
        ...
