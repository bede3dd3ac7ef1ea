"""The metrics writer, and the outbox counters through the real delivery engine."""

from __future__ import annotations

import pytest

from bot import metrics
from bot.delivery.outbox import queue_message
from bot.harness import BotHarness
from bot.messages import OutgoingMessage


def test_counter_histogram_and_gauge_render_in_the_text_format() -> None:
    """Labels sorted and escaped, buckets cumulative up to +Inf, sum and count."""
    counter = metrics.Counter("x_total", "Things.")
    counter.inc(result="ok")
    counter.inc(2, result='a"b')
    histogram = metrics.Histogram("y_seconds", "Time.", buckets=(0.1, 1.0))
    for value in (0.05, 0.5, 5.0):
        histogram.observe(value)
    gauge = metrics.Gauge("z", "Depth.", (((("status", "pending"),), 3.0),))
    lines = counter.lines() + histogram.lines() + gauge.lines()
    assert lines == [
        "# HELP x_total Things.", "# TYPE x_total counter",
        'x_total{result="a\\"b"} 2', 'x_total{result="ok"} 1',
        "# HELP y_seconds Time.", "# TYPE y_seconds histogram",
        'y_seconds_bucket{le="0.1"} 1', 'y_seconds_bucket{le="1"} 2',
        'y_seconds_bucket{le="+Inf"} 3', "y_seconds_sum 5.55", "y_seconds_count 3",
        "# HELP z Depth.", "# TYPE z gauge", 'z{status="pending"} 3',
    ]  # fmt: skip
    assert metrics.render([gauge]).endswith('z{status="pending"} 3\n')


@pytest.mark.parametrize(
    ("status", "error", "result"),
    [
        ("sent", None, "sent"),
        ("failed", "bad_request", "failed"),
        ("unreachable", "blocked", "unreachable"),
        ("pending", "flood_wait", "flood_wait"),
        ("pending", "network", "retry"),
    ],
)
def test_outbox_outcomes_are_counted_by_result(status: str, error: str | None, result: str) -> None:
    """A 429 is ``flood_wait``; any other retry ``retry``."""
    before = metrics.OUTBOX_RESULTS.value(result=result)
    metrics.count_outbox_result(status, error)
    assert metrics.OUTBOX_RESULTS.value(result=result) == before + 1


async def test_outbox_sends_and_429_are_counted(harness: BotHarness) -> None:
    """A 429 then a send of one outbox row: one flood_wait and one sent."""
    await harness.client.register_chat(4711)
    await harness.client.add_fault(
        "sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1, chat_id=4711
    )
    sent = metrics.OUTBOX_RESULTS.value(result="sent")
    flood = metrics.OUTBOX_RESULTS.value(result="flood_wait")
    async with harness.services.db.transaction() as session:
        await queue_message(session, 4711, OutgoingMessage("halo"), "metrics-test")
    harness.services.outbox.wake()
    await harness.client.wait_sent(1, chat_id=4711)
    assert await harness.settle()
    assert metrics.OUTBOX_RESULTS.value(result="flood_wait") == flood + 1
    assert metrics.OUTBOX_RESULTS.value(result="sent") == sent + 1
