"""``mount_dashboard``: the dashboard's routes on an aiohttp application.

Served under ``/dasbor/``:

- ``/dasbor/`` and ``/dasbor/static/…`` — the page, its script, style and the vendored chart
  library (no data in them; the same for everybody);
- ``/dasbor/texts/<locale>.json`` — the page's words (public, no data);
- ``/dasbor/api/…`` — the JSON API; every call needs ``Authorization: tma <initData>``
  (``access.guarded``). Roles per endpoint: see ``ROUTES``.
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from bot.dashboard import api_aspirations as asp
from bot.dashboard import api_plans as plans
from bot.dashboard import api_reports as reports
from bot.dashboard.access import HR, OFFICE, Call, DashboardServices, Endpoint, guarded
from bot.dashboard.texts import ui_texts
from bot.texts import LOCALES

PREFIX = "/dasbor"
STATIC_DIR = Path(__file__).parent / "static"
NO_STORE = {"Cache-Control": "no-store"}


async def me(call: Call) -> web.StreamResponse:
    """GET /dasbor/api/me: the viewer's locale and roles (which pages to offer)."""
    return web.json_response({"locale": call.locale, "roles": sorted(call.roles)})


# (method, path under /dasbor/api, roles, endpoint). Approvers see plans and workload only;
# everything that decides, exports or shows people's aspirations, candidates, survey results
# or deliveries is HR's, as in chat.
ROUTES: tuple[tuple[str, str, frozenset[str], Endpoint], ...] = (
    ("GET", "/me", OFFICE, me),
    ("GET", "/aspirations", HR, asp.aspirations),
    ("GET", r"/aspirations.{fmt:csv|xlsx}", HR, asp.export),
    ("GET", r"/aspirations/{id:\d+}", HR, asp.aspiration),
    ("POST", r"/aspirations/{id:\d+}/decide", HR, asp.decide),
    ("GET", "/candidates", HR, plans.candidates),
    ("GET", "/plans/drafts", HR, plans.drafts),
    ("POST", "/plans/moves", HR, plans.add_to_plan),
    ("GET", "/plans", OFFICE, plans.plans),
    ("GET", "/workload", OFFICE, plans.workload_view),
    ("GET", "/surveys", HR, reports.surveys),
    ("GET", "/deliveries", HR, reports.deliveries),
)


async def _index(_request: web.Request) -> web.StreamResponse:
    """The page itself."""
    return web.FileResponse(STATIC_DIR / "index.html", headers=NO_STORE)


async def _texts(request: web.Request) -> web.StreamResponse:
    """The page's words in one locale."""
    locale = request.match_info["locale"]
    if locale not in LOCALES:
        raise web.HTTPNotFound()
    return web.json_response(ui_texts(locale))


async def _to_index(_request: web.Request) -> web.StreamResponse:
    """``/dasbor`` without the slash."""
    raise web.HTTPFound(f"{PREFIX}/")


def mount_dashboard(web_app: web.Application, services: DashboardServices) -> None:
    """Add the dashboard's page, texts and API under ``/dasbor/`` to ``web_app``."""
    router = web_app.router
    router.add_get(PREFIX, _to_index)
    router.add_get(f"{PREFIX}/", _index)
    router.add_get(PREFIX + "/texts/{locale}.json", _texts)
    router.add_static(f"{PREFIX}/static", STATIC_DIR)
    for method, path, roles, endpoint in ROUTES:
        router.add_route(method, f"{PREFIX}/api{path}", guarded(services, roles, endpoint))
