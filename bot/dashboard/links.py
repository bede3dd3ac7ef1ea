"""A dashboard link with signed launch data, as Telegram opens it (the offline demo, benches)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from bot.dashboard import initdata


def signed_link(
    base_url: str, bot_token: str, user_id: int, first_name: str, now: datetime, locale: str = "id"
) -> str:
    """``<base_url>#tgWebAppData=<initData>``: what the page reads outside Telegram."""
    user = {"id": user_id, "first_name": first_name, "language_code": locale}
    return f"{base_url}#tgWebAppData={quote(initdata.sign(bot_token, user, now))}"
