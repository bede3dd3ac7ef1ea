"""One Bot API call for an outbox row, and the stored column values of its outcome."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.delivery.errors import ErrorKind
from storage.queries.delivery import ClaimedRow


async def send_row(bot: Bot, row: ClaimedRow) -> Message:
    """Call the Bot API for one row (text, photo or document)."""
    markup = InlineKeyboardMarkup.de_json(row.reply_markup, bot) if row.reply_markup else None
    if row.attachment_kind == "photo" and row.attachment_file_id:
        return await bot.send_photo(
            row.chat_id,
            row.attachment_file_id,
            caption=row.text or None,
            parse_mode=row.parse_mode,
            reply_markup=markup,
        )
    if row.attachment_kind == "document" and row.attachment_file_id:
        return await bot.send_document(
            row.chat_id,
            row.attachment_file_id,
            caption=row.text or None,
            parse_mode=row.parse_mode,
            reply_markup=markup,
        )
    return await bot.send_message(
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


def error_kind(exc: TelegramError) -> ErrorKind:
    """Map a PTB exception to the error kinds of :mod:`bot.delivery.errors`."""
    if isinstance(exc, Forbidden):
        return "forbidden"
    if isinstance(exc, BadRequest):
        return "bad_request"
    if isinstance(exc, TimedOut):
        return "timeout"
    if isinstance(exc, NetworkError):
        return "network"
    return "other"


def retry_after_seconds(exc: RetryAfter) -> float:
    """``retry_after`` in seconds whether PTB gives an int or a timedelta."""
    value = getattr(exc, "_retry_after", None)
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(exc.retry_after if isinstance(exc.retry_after, int) else 1)
