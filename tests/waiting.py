"""Waiting in tests for a state another task or process reaches, without timing thresholds."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


async def until(predicate: Callable[[], bool], limit: float = 15.0) -> None:
    """Return once ``predicate()`` holds; fail after ``limit`` seconds (a hang, not a speed)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not predicate():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.01)
