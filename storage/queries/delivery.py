"""Facade of the delivery-engine queries: re-exports broadcasts, outbox rows and audiences.

The queries live in ``storage.queries.broadcasts``, ``storage.queries.outbox_rows`` and
``storage.queries.audiences``; this module keeps ``storage.queries.delivery`` importable for
the many callers that use it as one namespace. Never commits.
"""

from __future__ import annotations

from storage.queries.audiences import (
    AudienceResolver,
    register_audience_resolver,
    resolve_audience,
    resolve_units,
)
from storage.queries.broadcasts import (
    BroadcastStats,
    broadcast_stats,
    cancel_broadcast,
    create_broadcast,
    failed_rows,
    finish_broadcasts,
    get_broadcast,
    list_broadcasts,
    mark_broadcast_missed,
    materialize_broadcast,
    start_broadcasts,
)
from storage.queries.outbox_rows import (
    INSERT_CHUNK,
    ClaimedRow,
    Recipient,
    apply_results,
    claim_batch,
    enqueue_messages,
    mark_in_flight,
    mark_users_unreachable,
    next_due_time,
    reclaim_stale,
    release_rows,
)

__all__ = [
    "INSERT_CHUNK",
    "AudienceResolver",
    "BroadcastStats",
    "ClaimedRow",
    "Recipient",
    "apply_results",
    "broadcast_stats",
    "cancel_broadcast",
    "claim_batch",
    "create_broadcast",
    "enqueue_messages",
    "failed_rows",
    "finish_broadcasts",
    "get_broadcast",
    "list_broadcasts",
    "mark_broadcast_missed",
    "mark_in_flight",
    "mark_users_unreachable",
    "materialize_broadcast",
    "next_due_time",
    "reclaim_stale",
    "register_audience_resolver",
    "release_rows",
    "resolve_audience",
    "resolve_units",
    "start_broadcasts",
]
