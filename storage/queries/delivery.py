"""Facade of the delivery-engine queries: re-exports broadcasts, outbox rows and audiences.

The queries live in ``storage.queries.broadcasts``, ``storage.queries.outbox_rows`` and
``storage.queries.audiences``; this module keeps ``storage.queries.delivery`` importable for
the many callers that use it as one namespace. Resolving an audience spec and materialising
a broadcast are the domain's: ``bot.delivery.recipients``. Never commits.
"""

from __future__ import annotations

from storage.queries.audiences import linked_chat_ids, role_chat_ids, unit_names
from storage.queries.broadcasts import (
    BroadcastStats,
    broadcast_stats,
    broadcast_to_materialize,
    cancel_broadcast,
    create_broadcast,
    failed_rows,
    finish_broadcasts,
    get_broadcast,
    list_broadcasts,
    mark_broadcast_missed,
    queue_broadcast_rows,
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
    release_claims,
    release_rows,
    take_back_claims,
)

__all__ = [
    "INSERT_CHUNK",
    "BroadcastStats",
    "ClaimedRow",
    "Recipient",
    "apply_results",
    "broadcast_stats",
    "broadcast_to_materialize",
    "cancel_broadcast",
    "claim_batch",
    "create_broadcast",
    "enqueue_messages",
    "failed_rows",
    "finish_broadcasts",
    "get_broadcast",
    "linked_chat_ids",
    "list_broadcasts",
    "mark_broadcast_missed",
    "mark_in_flight",
    "mark_users_unreachable",
    "next_due_time",
    "queue_broadcast_rows",
    "reclaim_stale",
    "release_claims",
    "release_rows",
    "role_chat_ids",
    "start_broadcasts",
    "take_back_claims",
    "unit_names",
]
