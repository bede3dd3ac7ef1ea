"""Live progress of broadcasts: one HR message edited at most once per ``min_interval``.

``ProgressEditor`` throttles the edits of one message. ``ProgressTracker`` connects the
outbox worker's hooks to editors, finding the message from ``Broadcast.progress_chat_id``
and ``progress_message_id`` so that progress resumes after a restart.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.delivery.errors import SEND_ERRORS, failure_of
from bot.services.sender import Sender
from bot.texts import t
from storage.db import Database
from storage.queries.delivery import BroadcastStats, broadcast_stats, get_broadcast
from storage.queries.users import get_user

log = logging.getLogger(__name__)
Render = Callable[[], Awaitable[str]]


class ProgressEditor:
    """Edits one message with ``render()`` output, never more often than ``min_interval``."""

    def __init__(
        self,
        sender: Sender,
        chat_id: int,
        message_id: int,
        render: Render,
        min_interval: float = 2.0,
    ) -> None:
        self.sender = sender
        self.chat_id = chat_id
        self.message_id = message_id
        self.render = render
        self.min_interval = min_interval
        self.edits = 0
        self._dirty = False
        self._last_edit = float("-inf")
        self._last_text = ""
        self._task: asyncio.Task[None] | None = None

    def poke(self) -> None:
        """Something changed: edit soon (coalescing all pokes until the next edit)."""
        self._dirty = True
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=f"progress-{self.message_id}")

    @property
    def task(self) -> asyncio.Task[None] | None:
        """The running throttled-edit task, if any."""
        return self._task

    async def finish(self, text: str) -> None:
        """Stop throttled edits and show ``text`` now."""
        self._dirty = False
        if self._task is not None and not self._task.done():
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self._edit(text)

    async def _run(self) -> None:
        """Edit while dirty, waiting out the interval since the previous edit."""
        loop = asyncio.get_running_loop()
        while self._dirty:
            wait = self._last_edit + self.min_interval - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            self._dirty = False
            await self._edit(await self.render())

    async def _edit(self, text: str) -> None:
        """One edit; an unchanged text is skipped."""
        if text == self._last_text:
            return
        self._last_edit = asyncio.get_running_loop().time()
        try:
            await self.sender.edit_message_text(
                text, chat_id=self.chat_id, message_id=self.message_id
            )
        except SEND_ERRORS as exc:
            failure = failure_of(exc)
            if not failure.not_modified:
                log.warning("progress edit failed (%s): %s", failure.kind, failure.description)
                return
        self._last_text = text
        self.edits += 1


def render_progress(locale: str, broadcast_id: int, stats: BroadcastStats) -> str:
    """The live progress line."""
    return t(locale, "delivery.progress", id=broadcast_id, **_figures(stats))


def render_done(locale: str, broadcast_id: int, stats: BroadcastStats) -> str:
    """The final totals with failure reasons."""
    text = t(locale, "delivery.done", id=broadcast_id, **_figures(stats))
    if stats.failures_by_reason:
        lines = "\n".join(
            t(locale, "delivery.reason_line", reason=reason, count=count)
            for reason, count in sorted(stats.failures_by_reason.items(), key=lambda i: -i[1])
        )
        text += "\n\n" + t(locale, "delivery.done_reasons", reasons=lines)
    return text


def _figures(stats: BroadcastStats) -> dict[str, int]:
    """The numbers used by the progress texts."""
    return {
        "total": stats.total,
        "sent": stats.sent,
        "failed": stats.failed,
        "unreachable": stats.unreachable,
        "pending": stats.pending,
        "uncertain": stats.uncertain,
    }


class ProgressTracker:
    """Worker hooks that keep each broadcast's progress message up to date."""

    def __init__(
        self, db: Database, sender: Sender, locale: str = "id", min_interval: float = 2.0
    ) -> None:
        self.db = db
        self.sender = sender
        self.locale = locale
        self.min_interval = min_interval
        self._editors: dict[int, ProgressEditor | None] = {}
        self._lookups: dict[int, asyncio.Task[None]] = {}
        self._locales: dict[int, str] = {}

    def on_progress(self, broadcast_ids: set[int]) -> None:
        """Worker hook: rows of these broadcasts changed state."""
        for broadcast_id in broadcast_ids:
            editor = self._editors.get(broadcast_id)
            if editor is not None:
                editor.poke()
            elif broadcast_id not in self._editors and broadcast_id not in self._lookups:
                self._lookups[broadcast_id] = asyncio.create_task(self._attach(broadcast_id))

    async def on_done(self, broadcast_id: int) -> None:
        """Worker hook: the broadcast finished; show the totals."""
        lookup = self._lookups.pop(broadcast_id, None)
        if lookup is not None:  # it may be waiting out ``min_interval``; the worker must not
            lookup.cancel()  # wait for that (campaign steps and notices have no progress message)
            await asyncio.gather(lookup, return_exceptions=True)
        editor = self._editors.pop(broadcast_id, None) or await self._editor_for(broadcast_id)
        if editor is not None:
            stats = await self._stats(broadcast_id)
            locale = self._locales.pop(broadcast_id, self.locale)
            await editor.finish(render_done(locale, broadcast_id, stats))

    async def close(self) -> None:
        """Stop pending lookups and throttled edits (before the sender's HTTP pool closes)."""
        tasks = list(self._lookups.values())
        tasks += [e.task for e in self._editors.values() if e is not None and e.task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._lookups.clear()
        self._editors.clear()

    async def _attach(self, broadcast_id: int) -> None:
        """Find the progress message of a broadcast (None when it has none) and edit it.

        A broadcast without a progress message yet is looked up again after
        ``min_interval`` (the message is sent just after the rows are committed).
        """
        editor = await self._editor_for(broadcast_id)
        if editor is None:
            await asyncio.sleep(self.min_interval)
            self._lookups.pop(broadcast_id, None)
            return
        self._editors[broadcast_id] = editor
        self._lookups.pop(broadcast_id, None)
        if editor is not None:
            editor.poke()

    async def _editor_for(self, broadcast_id: int) -> ProgressEditor | None:
        """Build an editor from the broadcast's stored progress message ids."""
        async with self.db.transaction() as session:
            broadcast = await get_broadcast(session, broadcast_id)
            if broadcast is None or not broadcast.progress_chat_id:
                return None
            hr_user = await get_user(session, broadcast.progress_chat_id)
        if not broadcast.progress_message_id:
            return None
        locale = (hr_user.locale if hr_user else None) or self.locale
        self._locales[broadcast_id] = locale

        async def render() -> str:
            """Current figures as text, in HR's language."""
            return render_progress(locale, broadcast_id, await self._stats(broadcast_id))

        return ProgressEditor(
            self.sender,
            broadcast.progress_chat_id,
            broadcast.progress_message_id,
            render,
            self.min_interval,
        )

    async def _stats(self, broadcast_id: int) -> BroadcastStats:
        """Figures of one broadcast."""
        async with self.db.transaction() as session:
            return await broadcast_stats(session, broadcast_id)
