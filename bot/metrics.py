"""Process metrics in the Prometheus text format (a small writer; no client library).

The counters and histograms below are module-level, one set per process, incremented where
the work happens (the update processor, the outbox senders, the webhook route);
:func:`render` writes them, plus gauges measured at scrape time (outbox rows waiting), as
the text exposition format 0.0.4 that ``/metrics`` serves. Labels carry codes only, never
personal data.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
Labels = tuple[tuple[str, str], ...]


def _labels(labels: Labels, extra: Labels = ()) -> str:
    """``{a="x",b="y"}`` (empty when there are none), values escaped."""
    pairs = labels + extra
    if not pairs:
        return ""
    escaped = (
        (k, v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")) for k, v in pairs
    )
    return "{" + ",".join(f'{k}="{v}"' for k, v in escaped) + "}"


def _number(value: float) -> str:
    """A sample value as Prometheus writes it."""
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


@dataclass
class Counter:
    """A monotonically increasing count per label set."""

    name: str
    help: str
    values: dict[Labels, float] = field(default_factory=dict)

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        """Add ``amount`` to the series of ``labels``."""
        key = tuple(sorted(labels.items()))
        self.values[key] = self.values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        """The current count of one series (0 when never incremented)."""
        return self.values.get(tuple(sorted(labels.items())), 0.0)

    def lines(self) -> list[str]:
        """Exposition lines."""
        out = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} counter"]
        out += [f"{self.name}{_labels(k)} {_number(v)}" for k, v in sorted(self.values.items())]
        return out


@dataclass
class Histogram:
    """Observations counted into cumulative buckets, with their sum and count."""

    name: str
    help: str
    buckets: Sequence[float] = LATENCY_BUCKETS
    counts: list[int] = field(default_factory=list)
    total: float = 0.0
    count: int = 0

    def observe(self, value: float) -> None:
        """Record one observation."""
        if not self.counts:
            self.counts = [0] * len(self.buckets)
        for index, bound in enumerate(self.buckets):
            if value <= bound:
                self.counts[index] += 1
        self.total += value
        self.count += 1

    def lines(self) -> list[str]:
        """Exposition lines (buckets cumulative, then ``+Inf``, sum and count)."""
        counts = self.counts or [0] * len(self.buckets)
        out = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} histogram"]
        for bound, n in zip(self.buckets, counts, strict=True):
            out.append(f'{self.name}_bucket{{le="{_number(bound)}"}} {n}')
        out.append(f'{self.name}_bucket{{le="+Inf"}} {self.count}')
        out.append(f"{self.name}_sum {_number(self.total)}")
        out.append(f"{self.name}_count {self.count}")
        return out


@dataclass(frozen=True)
class Gauge:
    """A value measured at scrape time, one sample per label set."""

    name: str
    help: str
    samples: tuple[tuple[Labels, float], ...]

    def lines(self) -> list[str]:
        """Exposition lines."""
        out = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} gauge"]
        out += [f"{self.name}{_labels(k)} {_number(v)}" for k, v in self.samples]
        return out


UPDATES_HANDLED = Counter("asn_updates_handled_total", "Updates handled by this process.")
UPDATE_SECONDS = Histogram(
    "asn_update_handler_seconds", "Time from an update getting a slot until it is handled."
)
UPDATES_DROPPED = Counter("asn_updates_dropped_total", "Updates dropped beyond a user's queue cap.")
WEBHOOK_REQUESTS = Counter(
    "asn_webhook_requests_total", "Webhook requests by result (accepted, forbidden, ...)."
)
OUTBOX_RESULTS = Counter(
    "asn_outbox_sends_total",
    "Outbox send attempts by result: sent, failed, unreachable, retry, flood_wait (429).",
)
OUTBOX_STATUS = {  # a send's stored status (and error) -> its result label
    "sent": "sent",
    "failed": "failed",
    "unreachable": "unreachable",
    "uncertain": "uncertain",
}


def count_outbox_result(status: str, error: str | None) -> None:
    """Count one outbox send by its stored outcome (``pending`` = a retry, 429 apart)."""
    if status == "pending":
        OUTBOX_RESULTS.inc(result="flood_wait" if error == "flood_wait" else "retry")
    else:
        OUTBOX_RESULTS.inc(result=OUTBOX_STATUS.get(status, "other"))


COLLECTED: tuple[Counter | Histogram, ...] = (
    UPDATES_HANDLED,
    UPDATE_SECONDS,
    UPDATES_DROPPED,
    WEBHOOK_REQUESTS,
    OUTBOX_RESULTS,
)


def render(gauges: Iterable[Gauge] = ()) -> str:
    """Every metric of this process plus ``gauges``, in the text exposition format."""
    lines: list[str] = []
    for metric in (*COLLECTED, *gauges):
        lines += metric.lines()
    return "\n".join(lines) + "\n"
