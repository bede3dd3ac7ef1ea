"""Fair update processing: one user's burst never stalls another user (no timing thresholds)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from telegram import Chat, Message, Update, User

from bot.update_processor import PerUserUpdateProcessor, outside_slot

_ids = iter(range(1, 1_000_000))


def _update(user_id: int) -> Update:
    """A private text message from ``user_id``."""
    user = User(user_id, f"u{user_id}", is_bot=False)
    chat = Chat(user_id, Chat.PRIVATE)
    message = Message(next(_ids), datetime.now(UTC), chat, from_user=user, text="hi")
    return Update(next(_ids), message=message)


async def _work(done: list[str], tag: str) -> None:
    """A handler that takes a little time."""
    await asyncio.sleep(0.002)
    done.append(tag)


async def _feed(processor: PerUserUpdateProcessor, updates: list[tuple[str, Update]]) -> list[str]:
    """Start every update at once (as PTB does) and return the completion order."""
    done: list[str] = []
    tasks = [
        asyncio.create_task(processor.process_update(update, _work(done, tag)))
        for tag, update in updates
    ]
    await asyncio.gather(*tasks)
    return done


async def test_burst_of_one_user_does_not_delay_another() -> None:
    """B's single update finishes among the first few, not after A's 150."""
    processor = PerUserUpdateProcessor(max_concurrent_updates=4, max_queued_per_user=1000)
    burst = [(f"a{i}", _update(1)) for i in range(150)]
    done = await _feed(processor, [*burst, ("b", _update(2))])
    assert done.index("b") <= 3
    assert [t for t in done if t.startswith("a")] == [f"a{i}" for i in range(150)]  # FIFO


async def test_queue_cap_drops_the_excess_and_warns_once() -> None:
    """Beyond the cap a burst is dropped, the sender is told once, others are unaffected."""
    processor = PerUserUpdateProcessor(max_concurrent_updates=4, max_queued_per_user=5)
    warned: list[int] = []

    async def overflow(update: Update) -> None:
        assert update.effective_user is not None
        warned.append(update.effective_user.id)

    processor.on_overflow = overflow
    done = await _feed(processor, [*((f"a{i}", _update(1)) for i in range(30)), ("b", _update(2))])
    assert [t for t in done if t.startswith("a")] == [f"a{i}" for i in range(5)]
    assert "b" in done
    assert warned == [1]
    # after the queue drained, a new message is processed again
    assert await _feed(processor, [("a-later", _update(1))]) == ["a-later"]


@pytest.mark.parametrize("slots", [1, 2])
async def test_waiting_outside_the_slot_lets_others_run(slots: int) -> None:
    """A handler waiting out a 429 gives its slot back, so other users are answered."""
    processor = PerUserUpdateProcessor(max_concurrent_updates=slots)
    release = asyncio.Event()
    done: list[str] = []

    async def waits_on_retry_after() -> None:
        async with outside_slot():
            await release.wait()
        done.append("slow")

    slow = [
        asyncio.create_task(processor.process_update(_update(10 + i), waits_on_retry_after()))
        for i in range(slots)
    ]
    await asyncio.sleep(0.01)
    await processor.process_update(_update(2), _work(done, "other"))
    assert done == ["other"]
    release.set()
    await asyncio.gather(*slow)
    assert done.count("slow") == slots
