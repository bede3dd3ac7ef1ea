"""Personal data: masking for screens, hashing for logs, the user's own data export.

The per-feature exporters and erasers are storage queries (``storage.queries.privacy``); the
export here renders the texts they mark (:class:`storage.types.TextKey`) in the user's language.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.texts import t
from storage.models import BotUser
from storage.queries import privacy as privacy_queries
from storage.types import TextKey


def mask_nip(nip: str) -> str:
    """Show only the last 4 digits of a NIP."""
    return "•" * max(0, len(nip) - 4) + nip[-4:]


def mask_phone(phone: str) -> str:
    """Show only the last 3 digits of a phone number."""
    return "•" * max(0, len(phone) - 3) + phone[-3:]


def pseudonym(value: str) -> str:
    """A short stable hash for correlating log lines without revealing the value."""
    return hashlib.sha256(value.encode()).hexdigest()[:10]


def render_texts(value: Any, locale: str | None) -> Any:
    """``value`` with every :class:`storage.types.TextKey` inside replaced by its text."""
    if isinstance(value, TextKey):
        return t(locale, value.key)
    if isinstance(value, dict):
        return {k: render_texts(v, locale) for k, v in value.items()}
    if isinstance(value, list):
        return [render_texts(v, locale) for v in value]
    return value


async def export_user_data(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """Everything the bot holds about ``user`` (UU PDP), its notes in the user's language."""
    data = await privacy_queries.export_user_data(session, user)
    rendered: dict[str, Any] = render_texts(data, user.locale)
    return rendered
