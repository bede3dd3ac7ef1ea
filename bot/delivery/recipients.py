"""Who a broadcast reaches: resolve an audience spec (``bot.delivery.audience``) to chats.

Unit names are fuzzy-picked here (domain) and the chats come from id-based storage queries
(``storage.queries.audiences``). Other features add audience kinds (e.g. ``survey_pending``)
with :func:`register_audience_resolver`. Materialising a broadcast resolves its audience at
that moment and queues one outbox row per chat.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.audience import AudienceError, pick_unit
from bot.delivery.compose import ANNOUNCEMENT_KIND, with_header
from bot.delivery.template import BROADCAST_PLACEHOLDERS, has_placeholders, render
from bot.texts import t
from storage.queries import audiences as aq
from storage.queries import broadcasts as bq

AudienceResolver = Callable[[AsyncSession, dict[str, Any]], Awaitable[list[int]]]
_RESOLVERS: dict[str, AudienceResolver] = {}


def register_audience_resolver(kind: str, resolver: AudienceResolver) -> None:
    """Let another feature add an audience kind (e.g. ``plan``, ``survey_pending``)."""
    _RESOLVERS[kind] = resolver


async def resolve_audience(session: AsyncSession, spec: dict[str, Any]) -> list[int]:
    """Chat ids of the reachable recipients of ``spec``, sorted and without duplicates."""
    kind = spec.get("kind")
    if kind == "all" or (kind == "role" and spec.get("role") == "employee"):
        return await aq.linked_chat_ids(session)
    if kind == "units":
        unit_ids = list(spec.get("unit_ids") or [])
        if not unit_ids:
            unit_ids = [u for u, _ in await resolve_units(session, spec.get("names") or [])]
        return await aq.linked_chat_ids(session, unit_ids=unit_ids)
    if kind == "employees":
        return await aq.linked_chat_ids(session, employee_ids=spec.get("employee_ids") or [])
    if kind == "role":
        return await aq.role_chat_ids(session, str(spec.get("role")))
    if isinstance(kind, str) and kind in _RESOLVERS:
        return sorted(set(await _RESOLVERS[kind](session, spec)))
    raise AudienceError("delivery.audience.unknown", value=str(kind))


async def resolve_units(session: AsyncSession, names: Iterable[str]) -> list[tuple[int, str]]:
    """Fuzzy-pick one unit per typed name; raise AudienceError when one is unknown."""
    by_name = {name: uid for uid, name in await aq.unit_names(session)}
    picked: dict[int, str] = {}
    for name in names:
        chosen = pick_unit(name, list(by_name))
        picked[by_name[chosen]] = chosen
    return sorted(picked.items())


async def materialize_broadcast(
    session: AsyncSession, broadcast_id: int, now: datetime, late: bool = False
) -> int:
    """Turn a scheduled/queued broadcast into outbox rows, resolving its audience now.

    Rows carry the dedup key ``b<id>:<chat>``, so running this twice inserts nothing new.
    Returns the number of rows inserted (0 when the broadcast is cancelled or finished).
    """
    broadcast = await bq.broadcast_to_materialize(session, broadcast_id)
    if broadcast is None:
        return 0
    chat_ids = await resolve_audience(session, broadcast.audience)
    texts = await personal_texts(session, broadcast.text, chat_ids)
    if broadcast.kind == ANNOUNCEMENT_KIND:  # HR's announcements say who speaks
        texts = {chat: with_header((texts or {}).get(chat, broadcast.text)) for chat in chat_ids}
    return await bq.queue_broadcast_rows(session, broadcast, chat_ids, now, late, texts)


async def personal_texts(
    session: AsyncSession, text: str, chat_ids: list[int]
) -> dict[int, str] | None:
    """Each chat's text with ``{nama}`` filled (None when the text has no placeholder)."""
    if not has_placeholders(text, BROADCAST_PLACEHOLDERS):
        return None
    names = await aq.names_of_chats(session, chat_ids)
    fallback = t(None, "bc.name_fallback")
    return {chat: render(text, {"nama": names.get(chat, fallback)}) for chat in chat_ids}
