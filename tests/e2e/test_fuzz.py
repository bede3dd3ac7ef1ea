"""Fuzz: thousands of random updates from linked, unlinked and inactive users.

Random updates (``tests/e2e/fuzz_updates.py``, seeded) are injected through the emulator's
raw update API into the real bot, a few per user at a time, waiting until the bot has handled
each round. Afterwards: no error was logged (the error handler logs every unhandled
exception at ERROR), the bot still answers /start, and no message, button, alert or file
the bot sent to a person or a group carries another person's name, NIP (plain or masked)
or phone number.

``ASN_FUZZ_UPDATES`` sets the number of updates (default 2,000, as in CI; the README quotes
a 10,000 run), ``ASN_FUZZ_SEED`` the seed.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import random
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

from telegram import Update
from telegram.ext import TypeHandler

from bot.harness import BotHarness
from handlers.start import ConsentAnswer
from tests.conftest import APPROVER_ID, HR_ID
from tests.e2e.fuzz_updates import GROUPS, Sender, UpdateFuzzer
from tests.e2e.security_world import World, seed_world

UPDATES = int(os.environ.get("ASN_FUZZ_UPDATES", "2000"))
SEED = int(os.environ.get("ASN_FUZZ_SEED", "20260311"))
LINKED = list(range(8501, 8513))
INACTIVE = list(range(8601, 8605))
UNLINKED = list(range(8701, 8707))
NEWCOMER = 8799  # says /start after the fuzz
PER_USER_PER_ROUND = 4  # well below MAX_QUEUED_UPDATES_PER_USER
log = logging.getLogger(__name__)


class ErrorLog(logging.Handler):
    """Collects every ERROR (or worse) record of any logger."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record."""
        self.records.append(record)


@contextmanager
def errors_logged() -> Iterator[ErrorLog]:
    """Capture ERROR records on the root logger for the duration of the block."""
    handler = ErrorLog()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


class Rounds:
    """Injects updates round by round and waits until the bot has handled each round."""

    def __init__(self, harness: BotHarness) -> None:
        self.harness = harness
        self.seen: set[int] = set()
        assert harness.app is not None
        harness.app.add_handler(TypeHandler(Update, self._arrived), group=-1000)

    async def _arrived(self, update: Update, _context: object) -> None:
        """Note that the bot started handling ``update``."""
        self.seen.add(update.update_id)

    async def run(self, updates: list[tuple[str, dict[str, object]]]) -> None:
        """Inject one round and wait until every update of it is handled."""
        app = self.harness.app
        assert app is not None
        ids = await self.harness.client.inject_updates(updates)
        deadline = time.monotonic() + 60
        idle_checks = 0
        while idle_checks < 2:
            assert time.monotonic() < deadline, "the bot did not finish a round within 60 s"
            await asyncio.sleep(0.01)
            done = (
                self.seen.issuperset(ids) and app.update_processor.current_concurrent_updates == 0
            )
            idle_checks = idle_checks + 1 if done else 0


def _senders(world: World) -> list[Sender]:
    """Everyone who fuzzes: linked, inactive and unlinked users."""
    ids = [*(p.telegram_id for p in world.people), *world.strangers]
    return [Sender(tg, f"Pengguna{tg}") for tg in ids]


async def _fuzz(harness: BotHarness, world: World, count: int) -> None:
    """Send ``count`` random updates, a few per user per round."""
    services = harness.services
    fuzzer = UpdateFuzzer(
        random.Random(SEED),
        commands=list(services.commands.specs),
        prefixes=sorted(services.commands.buttons),
        avoid={form for p in world.people for form in p.secrets()},
    )
    senders, rounds, sent = _senders(world), Rounds(harness), 0
    rng = random.Random(SEED + 1)
    while sent < count:
        batch = []
        for sender in senders:
            for _ in range(rng.randint(0, PER_USER_PER_ROUND)):
                batch.append(fuzzer.update(sender))
        batch = batch[: count - sent]
        await rounds.run(batch)
        sent += len(batch)


def _file_text(data: bytes) -> str:
    """The readable text of a sent file (every member of an XLSX/ZIP)."""
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = b"".join(archive.read(name) for name in archive.namelist())
    return data.decode("utf-8", "replace")


async def _seen_by(harness: BotHarness, chat_id: int) -> list[str]:
    """Every text, button label, alert and file content the bot sent to ``chat_id``."""
    client, seen = harness.client, []
    for msg in await client.messages(chat_id):
        seen.append(msg.text)
        seen.extend(msg.button_labels)
        if msg.document:
            seen.append(_file_text(await client.get_bytes(f"/files/{msg.document['file_id']}")))
    answers = await client._call("GET", "/callback_answers", chat_id=chat_id)
    seen.extend(a["text"] or "" for a in answers)
    return seen


async def _assert_no_leaks(harness: BotHarness, world: World) -> None:
    """Nobody received another person's name, NIP or phone; groups received nobody's."""
    for chat_id in [*(p.telegram_id for p in world.people), *world.strangers]:
        secrets = world.secrets_except(chat_id)
        for text in await _seen_by(harness, chat_id):
            leaked = [owner for secret, owner in secrets.items() if secret in text]
            assert not leaked, (chat_id, leaked, text[:300])
    everyone = world.secrets_except(0)
    for group_id, _kind in GROUPS:
        for text in await _seen_by(harness, group_id):
            assert not [s for s in everyone if s in text], text[:300]
    allowed = {*LINKED, *INACTIVE, *UNLINKED, NEWCOMER, HR_ID, APPROVER_ID, *(g for g, _ in GROUPS)}
    stray = {entry["chat_id"] for entry in await harness.client.sent_log()} - allowed
    assert not stray, f"the bot wrote to chats nobody fuzzed from: {sorted(stray)}"


async def test_random_updates_break_nothing_and_leak_nothing(harness: BotHarness) -> None:
    """N random updates: no unhandled error, /start still answered, no one sees others' data."""
    services = harness.services
    world = await seed_world(
        services.db, linked=LINKED, inactive=INACTIVE, strangers=UNLINKED, now=services.clock.now()
    )
    await harness.client.register_chats([*LINKED, *INACTIVE, *UNLINKED, HR_ID, APPROVER_ID])
    for group_id, kind in GROUPS:
        await harness.client.register_chat(group_id, chat_type=kind, name="Grup ASN")
    started = time.monotonic()
    with errors_logged() as errors:
        await _fuzz(harness, world, UPDATES)
        newcomer = harness.user(NEWCOMER)
        await newcomer.send("/start")
        consent = (await newcomer.replies(2))[-1]
        assert ConsentAnswer("yes").pack() in consent.callback_data[0]
    log.warning("fuzz: %d updates in %.1f s", UPDATES, time.monotonic() - started)
    problems = [
        f"{r.name}: {r.getMessage()} {r.exc_info and r.exc_info[1]!r}" for r in errors.records
    ]
    assert problems == []
    from collections import Counter

    log_ = await harness.client.sent_log()
    c = Counter((e.get("method"), (e.get("text") or "")[:50]) for e in log_)
    for k, v in c.most_common(80):
        print(v, k)
    print(len(log_), "sent")
    answers = await harness.client._call("GET", "/callback_answers")
    c = Counter((a["text"] or "")[:50] for a in answers)
    for k, v in c.most_common(20):
        print("ANS", v, k)
    await _assert_no_leaks(harness, world)
