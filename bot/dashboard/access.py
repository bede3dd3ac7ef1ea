"""Who is asking: Telegram's signed launch data, then the user and roles loaded *now*.

Every API call goes through :func:`guarded`: the ``Authorization: tma <initData>`` header is
checked (401 when missing, forged, signed for another bot or older than
``DASHBOARD_MAX_AGE``), then — inside the call's one transaction, serialised per user like a
chat update — the user, linked employee and roles are loaded with the same query the chat
handlers use (``storage.queries.users.load_identity``). A user without one of the
endpoint's roles gets 403 and an ``access.denied`` audit entry, as in chat. Because the role
is loaded for each call, an action after the role was taken away is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from bot.dashboard import initdata
from storage.queries import audit, users

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.matching.service import MatchingService
    from bot.services.clock import Clock
    from storage.db import Database

log = logging.getLogger(__name__)

HR = frozenset({"hr"})
OFFICE = frozenset({"hr", "approver"})  # HR and approvers (PPK) read plans and workload


class Wakeable(Protocol):
    """The outbox worker, as far as the dashboard needs it."""

    def wake(self) -> None:
        """Look for due rows now."""


class DashboardServices(Protocol):
    """What the dashboard uses of the bot's service container (``handlers.context.Services``)."""

    @property
    def settings(self) -> Settings: ...
    @property
    def db(self) -> Database: ...
    @property
    def clock(self) -> Clock: ...
    @property
    def matching(self) -> MatchingService: ...
    @property
    def outbox(self) -> Wakeable: ...


@dataclass
class Call:
    """One authorised API call: the request, its transaction and the viewer."""

    web: web.Request
    services: DashboardServices
    session: AsyncSession
    telegram_id: int
    roles: frozenset[str]
    locale: str
    after_commit: list[Callable[[], None]] = field(default_factory=list)

    @property
    def settings(self) -> Settings:
        """The bot's settings."""
        return self.services.settings

    def now(self) -> datetime:
        """The current time from the one service clock."""
        return self.services.clock.now()

    def wake_outbox(self) -> None:
        """Let the outbox worker send what this call queued, once it is committed."""
        self.after_commit.append(self.services.outbox.wake)


Endpoint = Callable[[Call], Awaitable[web.StreamResponse]]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def refusal(status: int, reason: str) -> web.Response:
    """A JSON error answer (``{"error": reason}``)."""
    return web.json_response({"error": reason}, status=status)


def launch_user(request: web.Request, services: DashboardServices) -> initdata.LaunchUser:
    """The user of the request's signed launch data; InitDataError when it does not hold."""
    raw = initdata.from_header(request.headers.get("Authorization"))
    settings = services.settings
    return initdata.validate(
        raw, settings.telegram_bot_token, services.clock.now(), settings.dashboard_max_age
    )


def guarded(services: DashboardServices, roles: frozenset[str], fn: Endpoint) -> Handler:
    """``fn`` behind the launch-data check and the role check of this very moment."""

    async def handle(request: web.Request) -> web.StreamResponse:
        try:
            launch = launch_user(request, services)
        except initdata.InitDataError as exc:
            log.info("dashboard: refused launch data (%s)", exc)
            return refusal(401, "unauthorized")
        response: web.StreamResponse | None = None
        async with services.db.transaction(serialize_key=launch.id) as session:
            user, _employee, held = await users.load_identity(session, launch.id)
            if held & roles:
                locale = user.locale or _launch_locale(launch, services.settings.default_locale)
                call = Call(request, services, session, launch.id, held, locale)
                response = await fn(call)
            else:
                actor = audit.actor_of(launch.id)
                await audit.record(session, actor, "access.denied", "dashboard", request.path)
        if response is None:
            return refusal(403, "forbidden")
        for action in call.after_commit:
            action()
        return response

    return handle


def _launch_locale(launch: initdata.LaunchUser, default: str) -> str:
    """The user's Telegram language when the bot speaks it, else the bot's default."""
    return "en" if launch.language_code.lower().startswith("en") else default


Json = dict[str, Any]
