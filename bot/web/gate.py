"""Readiness of one bot process and the updates it is handling (for a graceful stop)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, Literal

log = logging.getLogger(__name__)
Phase = Literal["starting", "ready", "stopping"]


class Gate:
    """Whether updates are taken (``ready``), and the tasks handling the ones taken."""

    def __init__(self) -> None:
        self.phase: Phase = "starting"
        self._tasks: set[asyncio.Task[Any]] = set()

    @property
    def ready(self) -> bool:
        """True while the process takes updates."""
        return self.phase == "ready"

    @property
    def in_flight(self) -> int:
        """Updates taken and not finished yet."""
        return len(self._tasks)

    def run(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Handle an update in a task the stop waits for."""
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        """Forget a finished task; log an error that escaped PTB's error handler."""
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("update task failed: %s", type(task.exception()).__name__)

    async def drain(self) -> None:
        """Stop taking updates and wait until every one taken has finished."""
        self.phase = "stopping"
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
