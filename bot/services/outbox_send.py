"""One Bot API call for an outbox row, and the stored column values of its outcome."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.services.sender import Sender, SentMessage
from storage.queries.delivery import ClaimedRow


async def send_row(sender: Sender, row: ClaimedRow) -> SentMessage:
    """Call the Bot API for one row (text, photo or document); the markup goes as JSON."""
    markup = row.reply_markup or None
    if row.attachment_kind == "photo" and row.attachment_file_id:
        return await sender.send_photo(
            row.chat_id,
            row.attachment_file_id,
            caption=row.text or None,
            parse_mode=row.parse_mode,
            reply_markup=markup,
        )
    if row.attachment_kind == "document" and row.attachment_file_id:
        return await sender.send_document(
            row.chat_id,
            row.attachment_file_id,
            caption=row.text or None,
            parse_mode=row.parse_mode,
            reply_markup=markup,
        )
    return await sender.send_message(
        row.chat_id, row.text, parse_mode=row.parse_mode, reply_markup=markup
    )


def outcome_values(
    now: datetime,
    worker_id: str,
    status: str,
    error: str | None,
    *,
    retry_in: float | None = None,
    message_id: int | None = None,
) -> dict[str, Any]:
    """Column values of an outcome (every key always present for bulk update)."""
    return {
        "status": status,
        "error": error,
        "sent_at": now if status == "sent" else None,
        "telegram_message_id": message_id,
        "next_attempt_at": now + timedelta(seconds=retry_in or 0.0),
        "claimed_by": None if status == "pending" else worker_id,
        "claimed_at": None if status == "pending" else now,
    }
