"""``GET /metrics``: this process's counters and histograms plus the outbox queue depth."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot import metrics
from bot.web.keys import DATABASE, GATE
from storage.queries.operations import OPEN_STATUSES, outbox_counts

log = logging.getLogger(__name__)
CHECK_WITHIN = 5.0


async def metrics_handler(request: web.Request) -> web.Response:
    """The Prometheus text exposition; the queue depth is left out when the database fails."""
    gauges = [
        metrics.Gauge(
            "asn_ready", "1 while this process takes updates.",
            (((), 1.0 if request.config_dict[GATE].ready else 0.0),),
        ),
        metrics.Gauge(
            "asn_updates_in_flight", "Updates taken and not finished yet.",
            (((), float(request.config_dict[GATE].in_flight)),),
        ),
    ]  # fmt: skip
    try:
        async with asyncio.timeout(CHECK_WITHIN), request.config_dict[DATABASE].transaction() as s:
            counts = await outbox_counts(s, OPEN_STATUSES)
    except (SQLAlchemyError, OSError, TimeoutError) as exc:
        log.warning("metrics: outbox depth not read (%s)", type(exc).__name__)
    else:
        samples = tuple(((("status", k),), float(v)) for k, v in counts.items())
        gauges.append(
            metrics.Gauge("asn_outbox_rows", "Outbox rows waiting or on their way.", samples)
        )
    text = metrics.render(gauges)
    return web.Response(body=text.encode(), headers={"Content-Type": metrics.CONTENT_TYPE})
