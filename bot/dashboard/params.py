"""Reading the API's query strings and bodies, and showing times, without trusting them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from aiohttp import web

from bot.dashboard.access import Call
from bot.i18n.dates import format_datetime

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


def as_int(value: str | None) -> int:
    """A non-negative integer, 0 for anything else."""
    text = (value or "").strip()
    return int(text) if text.isdigit() and len(text) < 12 else 0


def choice(value: str | None, allowed: Sequence[str]) -> str | None:
    """``value`` when it is one of ``allowed``, else None (no filter)."""
    return value if value in allowed else None


def page_of(query: Mapping[str, str]) -> tuple[int, int]:
    """(page number from 0, page size) of a query string."""
    size = as_int(query.get("size")) or PAGE_SIZE
    return as_int(query.get("page")), min(size, MAX_PAGE_SIZE)


def when(call: Call, value: datetime | None) -> str:
    """A stored UTC time in the bot's time zone, short (``27-11-2026 09.00 WIB``)."""
    return format_datetime(value, call.locale, call.settings.tz, "short") if value else "-"


async def json_body(call: Call) -> dict[str, Any]:
    """The request's JSON object (400 when it is not one)."""
    try:
        body = await call.web.json()
    except ValueError as exc:
        raise web.HTTPBadRequest(text='{"error": "bad_request"}') from exc
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text='{"error": "bad_request"}')
    return body
