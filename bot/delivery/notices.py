"""Notices to every HR user about delivery work: late or missed scheduled items.

Rendered in each HR user's language; the caller sends them (they are about the engine
itself, so they do not wait in the outbox behind the work they report on).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n.dates import format_datetime
from bot.services.scheduler import FireOutcome
from bot.texts import t
from storage.queries import users

NOTICE_KEYS = {"late": "delivery.late", "missed": "delivery.missed", "failed": "delivery.missed"}


@dataclass(frozen=True)
class Notice:
    """One text for one chat."""

    chat_id: int
    text: str


async def hr_locales(session: AsyncSession, default_locale: str) -> dict[int, str]:
    """Every HR user's chat and language."""
    locales = {}
    for telegram_id in await users.users_with_role(session, "hr"):
        user = await users.get_user(session, telegram_id)
        locales[telegram_id] = (user.locale if user else None) or default_locale
    return locales


async def schedule_notices(
    session: AsyncSession, outcome: FireOutcome, zone: ZoneInfo, grace_minutes: int, locale: str
) -> list[Notice]:
    """The notice of a late, missed or failed scheduled item for every HR user (else none)."""
    key = NOTICE_KEYS.get(outcome.outcome)
    if key is None:
        return []
    params = {
        "id": outcome.item_id,
        "kind": outcome.kind,
        "grace": grace_minutes,
    }
    locales = await hr_locales(session, locale)
    return [
        Notice(chat_id, t(loc, key, **params, run_at=_shown(outcome.run_at, loc, zone),
                          fired_at=_shown(outcome.at, loc, zone)))
        for chat_id, loc in locales.items()
    ]  # fmt: skip


def _shown(moment: datetime, locale: str, zone: ZoneInfo) -> str:
    """A moment as HR lists show it: ``31-12-2026 08.00 WIB``."""
    return format_datetime(moment, locale, zone, "short")
