"""``GET /healthz`` (database reachable and at the newest migration) and ``GET /readyz``.

A balancer or orchestrator restarts an instance whose ``/healthz`` fails and sends
updates only to instances whose ``/readyz`` is 200 (503 while starting or stopping).
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.status import schema_head, schema_ok
from bot.web.gate import Gate
from bot.web.keys import DATABASE, GATE

log = logging.getLogger(__name__)
CHECK_WITHIN = 5.0


async def healthz(request: web.Request) -> web.Response:
    """200 when the database answers and its schema is current, else 503 saying which."""
    db = request.config_dict[DATABASE]
    body: dict[str, object] = {"schema_head": schema_head()}
    try:
        async with asyncio.timeout(CHECK_WITHIN), db.transaction() as session:
            current = await schema_ok(session)
    except (SQLAlchemyError, OSError, TimeoutError) as exc:
        log.warning("health check: database unreachable (%s)", type(exc).__name__)
        body.update(status="fail", database="unreachable", error=type(exc).__name__)
        return web.json_response(body, status=503)
    body.update(database="ok", schema="current" if current else "outdated")
    body["status"] = "ok" if current else "fail"
    return web.json_response(body, status=200 if current else 503)


async def readyz(request: web.Request) -> web.Response:
    """200 while the process takes updates; 503 while starting or stopping."""
    gate: Gate = request.config_dict[GATE]
    body = {"status": gate.phase, "in_flight": gate.in_flight}
    return web.json_response(body, status=200 if gate.ready else 503)
