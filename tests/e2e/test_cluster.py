"""Two real ``asn-bot run`` processes in webhook mode on one PostgreSQL, behind a balancer.

The emulator (in this process, so its record outlives the bots) is Telegram and the
round-robin balancer of ``docs/deploy.md``'s province setup; the two instances are started
with the environment of ``compose.yaml``'s ``bot1``/``bot2`` (``tests/cluster_processes.py``)
on a private database. One test walks the issue's whole scenario, each step waiting on a
condition with a deadline (a hang), never on a time:

a. 30 registered users send 3 commands each: every command answered exactly once, both
   instances used (the emulator's deliveries per backend);
b. a 3,000-recipient broadcast (``asn-bot broadcast send``) at ``BROADCAST_RATE_PER_SECOND``
   = 250 under the emulator's flood limit of 300/s; the instance holding the sender lock
   (``asn-bot status --json``) is SIGKILLed at a third: >= 98 % reached, nobody twice,
   flood 429s under 1 % of the sends, the survivor answers users during and after;
c. a scheduled broadcast due while the killed instance is dead fires once.

PostgreSQL only (several instances need it); skipped with the reason without a server,
failed instead when ``ASN_REQUIRE_POSTGRES`` is set (CI).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from sqlalchemy import func, select

from bot.emulator import EmulatorClient, EmulatorServer
from bot.emulator.client import EmulatedUser
from bot.roster.demo_data import DEMO_TELEGRAM_ID_BASE, load_demo
from bot.services.outbox_worker import wait_until_settled
from handlers.wiring import max_in_flight
from storage.db import Database
from storage.models.base import utcnow
from storage.models.delivery import Broadcast, OutboxMessage, ScheduledItem
from storage.models.people import Employee
from storage.queries import delivery as dq
from storage.queries import scheduling as sq
from tests.cluster_processes import (
    ROOT,
    WEBHOOK_PATH,
    BotProcess,
    bot_processes,
    instance_env,
    show_logs,
    wait_ready,
)
from tests.cluster_support import pg_database
from tests.test_delivery_support import emu
from tests.texts import shows
from tests.waiting import until

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]
__all__ = ["emu"]  # the control-API client fixture

TOKEN = "123456:CLUSTER-TEST"
USERS = 30
COMMANDS = (("/help", "help.title"), ("/profil", "profile.card"), ("/menu", "menu.title"))
RECIPIENTS = 3000
FLOOD_LIMIT = 300
RATE = 250
SCHEDULED_TO = 20  # recipients of the scheduled broadcast
BIG = "Pengumuman klaster"
SCHEDULED = "Jadwal klaster"
LIMIT_S = 60.0  # a hang, not a speed


@pytest.fixture
def cluster_url() -> Iterator[str]:
    """A private PostgreSQL database at head with 3,000 linked employees."""
    with pg_database(migrate=True) as url:
        asyncio.run(_seed(url))
        yield url


async def _seed(url: str) -> None:
    """3,000 linked demo employees (synthetic chats from ``DEMO_TELEGRAM_ID_BASE``)."""
    db = Database(url)
    try:
        async with db.transaction() as session:
            await load_demo(session, RECIPIENTS, linked=True)
    finally:
        await db.dispose()


@pytest.fixture
async def emulator() -> AsyncIterator[EmulatorServer]:
    """The emulator, retrying a refused delivery quickly on the next backend."""
    async with EmulatorServer(token=TOKEN) as server:
        server.state.webhook_retry_base = 0.02
        server.state.webhook_retry_max = 0.5
        server.state.flood_limit = FLOOD_LIMIT
        for n in range(RECIPIENTS):
            chat = {"id": DEMO_TELEGRAM_ID_BASE + n, "type": "private", "first_name": "ASN"}
            server.state.ensure_chat(chat)
        yield server


@pytest.fixture
async def cluster(
    cluster_url: str, emulator: EmulatorServer, tmp_path: Path
) -> AsyncIterator[list[BotProcess]]:
    """bot1 and bot2 running and ready, the emulator balancing across them; always killed."""
    instances = bot_processes(
        ["bot1", "bot2"], tmp_path, database_url=cluster_url, emulator_root=emulator.root_url,
        token=TOKEN, BROADCAST_RATE_PER_SECOND=str(RATE), INSTANCE_LEASE_SECONDS="3",
        SCHEDULER_POLL_SECONDS="1",
    )  # fmt: skip
    emulator.state.webhook_backends = [i.url for i in instances]
    try:
        for instance in instances:
            instance.start()
        await wait_ready(instances)
        await until(lambda: bool(emulator.state.webhook.get("url")), LIMIT_S)
        yield instances
    finally:
        for instance in instances:
            instance.kill()
        show_logs(instances)


def _cli(url: str, *args: str) -> str:
    """``asn-bot ARGS`` on the cluster's database (as an operator runs it); its output."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "DATABASE_URL": url}
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=LIMIT_S,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _texts(emulator: EmulatorServer, chat_id: int) -> list[str]:
    """What the bot sent to a chat, in order, without the broadcasts."""
    records = emulator.state.chats[chat_id].bot_messages
    texts = [str(r.source_text or r.message.get("text", "")) for r in records]
    return [t for t in texts if BIG not in t and SCHEDULED not in t]


class Tally:
    """Messages with a marker per chat, from the emulator's sent log, read incrementally
    (the predicates are polled while the emulator serves the bots in this process)."""

    def __init__(self, emulator: EmulatorServer, marker: str) -> None:
        self.log = emulator.state.sent_log
        self.marker = marker
        self.per_chat: Counter[int] = Counter()
        self.total = 0
        self._read = 0

    def update(self) -> Tally:
        """Count the entries logged since the last call; return self."""
        for entry in self.log[self._read :]:
            if self.marker in str(entry.get("text")):
                self.per_chat[int(entry["chat_id"])] += 1
                self.total += 1
        self._read = len(self.log)
        return self


def _replied(emulator: EmulatorServer, users: list[EmulatedUser], count: int) -> bool:
    """True when every user's chat holds ``count`` replies (broadcasts not counted)."""
    return all(len(_texts(emulator, u.chat_id)) >= count for u in users)


async def _commands_answered_once(emulator: EmulatorServer, users: list[EmulatedUser]) -> None:
    """a. Every user sends the three commands at once; each is answered, in order."""
    for command, _key in COMMANDS:
        await asyncio.gather(*(u.send(command) for u in users))
    await until(lambda: _replied(emulator, users, len(COMMANDS)), LIMIT_S)
    for user in users:
        texts = _texts(emulator, user.chat_id)
        assert len(texts) == len(COMMANDS), (user.chat_id, texts)
        for text, (command, key) in zip(texts, COMMANDS, strict=True):
            assert shows(text, key), (command, text)


async def _schedule(db: Database, run_at_in: float) -> tuple[int, int]:
    """A broadcast to the first employees, scheduled like ``asn-bot broadcast send --at``."""
    async with db.transaction() as session:
        ids = (await session.execute(select(Employee.id).order_by(Employee.id))).scalars()
        audience = {"kind": "employees", "employee_ids": list(ids)[:SCHEDULED_TO]}
        run_at = utcnow() + timedelta(seconds=run_at_in)
        broadcast = await dq.create_broadcast(
            session, text=SCHEDULED, audience=audience, scheduled_at=run_at
        )
        item = await sq.add_item(session, "broadcast", broadcast.id, run_at)
        return broadcast.id, item.id


def _sender(url: str) -> str:
    """The instance holding the sender lock, as ``asn-bot status --json`` names it."""
    report = json.loads(_cli(url, "status", "--json"))
    sending = [i["name"] for i in report["instances"] if i["sending"]]
    assert len(sending) == 1, report["instances"]
    return str(sending[0])


@pytest.mark.timeout(240)  # a hang guard: CI runs other tests on the same 2 cores
async def test_two_instances_answer_once_survive_a_kill_and_fire_schedules_once(
    cluster: list[BotProcess], emulator: EmulatorServer, emu: EmulatorClient, cluster_url: str,
) -> None:  # fmt: skip
    """The issue's scenario: a, b and c above, on one cluster."""
    users = [emu.user(DEMO_TELEGRAM_ID_BASE + n) for n in range(USERS)]
    # a. 30 users x 3 commands, exactly once each, through both instances.
    await _commands_answered_once(emulator, users)
    delivered = (await emu.webhook())["delivered"]
    assert set(delivered) == {i.url for i in cluster}, delivered  # both instances used
    assert sum(delivered.values()) == USERS * len(COMMANDS)

    # b. 3,000 recipients; the sender is SIGKILLed at a third.
    by_name = {i.name: i for i in cluster}
    victim = by_name[_sender(cluster_url)]
    survivor = next(i for i in cluster if i is not victim)
    _cli(cluster_url, "broadcast", "send", "--audience", "all", "--text", BIG)
    db = Database(cluster_url)
    try:
        async with db.transaction() as session:
            big_id = (
                await session.execute(select(Broadcast.id).where(Broadcast.text == BIG))
            ).scalar_one()
        big, small = Tally(emulator, BIG), Tally(emulator, SCHEDULED)
        await until(lambda: big.update().total > 0, LIMIT_S)
        # c. due a few seconds after the kill point (a third at the rate), armed by both.
        loop = asyncio.get_running_loop()
        due_in = RECIPIENTS / 3 / RATE + 3.0
        due_at = loop.time() + due_in
        scheduled_id, item_id = await _schedule(db, due_in)
        # The kill: at a third, and never later than just before the item falls due.
        await until(
            lambda: big.update().total >= RECIPIENTS // 3 or loop.time() >= due_at - 1.0,
            LIMIT_S,
        )
        victim.kill()
        assert big.update().total < RECIPIENTS, "the broadcast finished before the kill"

        # The survivor answers while it takes over the broadcast and after.
        asking = users[:5]
        for user in asking:
            await user.send("/help")
        await until(lambda: _replied(emulator, asking, len(COMMANDS) + 1), LIMIT_S)

        stats = await wait_until_settled(db, big_id, LIMIT_S)
        await until(lambda: small.update().total >= SCHEDULED_TO, LIMIT_S)
        scheduled = await wait_until_settled(db, scheduled_id, LIMIT_S)
        async with db.transaction() as session:
            item = await session.get(ScheduledItem, item_id)
            assert item is not None
            item_status = item.status
            rows = (
                await session.execute(
                    select(func.count()).where(OutboxMessage.broadcast_id == scheduled_id)
                )
            ).scalar_one()
        for user in asking:
            await user.send("/menu")
        await until(lambda: _replied(emulator, asking, len(COMMANDS) + 2), LIMIT_S)
    finally:
        await db.dispose()

    copies = big.update().per_chat
    flood, sends = emulator.state.flood_refused, len(emulator.state.sent_log)
    print(
        f"broadcast: {len(copies)} of {RECIPIENTS} reached, {stats.sent} recorded sent, "
        f"{stats.uncertain} uncertain; {flood} flood 429s in {sends} sends; "
        f"webhook deliveries {(await emu.webhook())['delivered']}"
    )
    assert max(copies.values()) == 1, "a recipient got the broadcast twice"
    assert len(copies) >= 0.98 * RECIPIENTS, (len(copies), stats)
    assert stats.uncertain <= 2 * max_in_flight(RATE), stats  # at most 2 rows per sender
    assert stats.sent + stats.uncertain == RECIPIENTS and stats.failed == 0, stats
    assert flood < 0.01 * sends, (flood, sends)
    assert _sender(cluster_url) == survivor.name
    attempts = (await emu.webhook())["attempts"]  # the balancer retried the dead one's
    assert any(a["backend"] == victim.url and a["status"] == 0 for a in attempts)
    # c. fired once: the item claimed once, one row and one message per recipient.
    assert item_status == "fired"
    assert rows == SCHEDULED_TO and scheduled.sent == SCHEDULED_TO
    assert set(small.update().per_chat.values()) == {1}
    assert len(small.per_chat) == SCHEDULED_TO
    # a, again at the end: nothing answered twice, late duplicates included.
    for n, user in enumerate(users):
        expected = [key for _c, key in COMMANDS]
        if n < len(asking):
            expected += ["help.title", "menu.title"]
        texts = _texts(emulator, user.chat_id)
        assert len(texts) == len(expected), (user.chat_id, texts)
        assert all(shows(t, k) for t, k in zip(texts, expected, strict=True)), texts


def test_the_drill_runs_what_the_deploy_guide_deploys() -> None:
    """The instances get the variables of compose.yaml's bots and .env's secrets; the guide
    shows the commands this test uses."""
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    bots = [compose["services"][name]["environment"] for name in ("bot1", "bot2")]
    env = instance_env("bot1", 8443, database_url="-", emulator_root="http://e", token="-")
    for bot in bots:
        assert set(bot) | {"TELEGRAM_BOT_TOKEN", "WEBHOOK_SECRET"} <= set(env)
        assert bot["UPDATE_MODE"] == env["UPDATE_MODE"] == "webhook"
    example = (ROOT / "deploy" / "compose.env.example").read_text(encoding="utf-8")
    assert f"WEBHOOK_PATH={WEBHOOK_PATH}\n" in example
    assert urlsplit(env["WEBHOOK_URL"]).path == WEBHOOK_PATH
    guide = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    for command in (
        "asn-bot status --json",
        "asn-bot broadcast send --audience all --text",
        "docker compose kill -s SIGKILL bot1",
    ):
        assert command in guide, command
