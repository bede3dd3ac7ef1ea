"""Webhook mode through the real aiohttp listener and the emulator acting as a balancer.

Each bot instance here is the real Application run by ``BotRunner`` (the same code as
``asn-bot run``) on a free port; the emulator POSTs updates to the instances round-robin.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import text

from bot import metrics
from bot.app import build_application, services_of
from bot.emulator import EmulatorClient, EmulatorServer
from bot.harness import TEST_TOKEN, harness_settings
from bot.web.gate import Gate
from bot.web.mounts import mounts
from bot.web.server import BotRunner, build_web_app
from bot.web.webhook import SECRET_HEADER
from storage.db import Database
from tests.waiting import until

pytestmark = pytest.mark.e2e
SECRET = "w" * 16 + "-Secret_" + "9" * 16
WEBHOOK_URL = "https://bkpsdm.example.go.id/telegram/webhook"
PATH = "/telegram/webhook"
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = re.compile(r'^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? \S+$')


@pytest.fixture
async def emulator() -> AsyncIterator[EmulatorServer]:
    """The Bot API emulator, retrying failed deliveries quickly."""
    async with EmulatorServer(token=TEST_TOKEN) as server:
        server.state.webhook_retry_base = 0.01
        yield server


@pytest.fixture
async def client(emulator: EmulatorServer) -> AsyncIterator[EmulatorClient]:
    """Control-API client."""
    emu = EmulatorClient(emulator.control_url)
    yield emu
    await emu.close()


def _runner(emulator: EmulatorServer, db_url: str, mode: str = "webhook") -> BotRunner:
    """An instance of the bot on ``db_url`` listening on a free port."""
    settings = harness_settings(
        emulator, database_url=db_url, update_mode=mode, webhook_url=WEBHOOK_URL,
        webhook_secret=SECRET, dashboard_enabled=True,
    )  # fmt: skip
    app = build_application(settings, migrate=False, updater=mode == "polling")
    services = services_of(app)
    return BotRunner(app, settings, services.db, mounts=mounts(settings, services), port=0)


@asynccontextmanager
async def _instances(
    emulator: EmulatorServer, client: EmulatorClient, db_url: str, n: int
) -> AsyncIterator[list[BotRunner]]:
    """``n`` running instances on one database, the emulator balancing across them."""
    async with AsyncExitStack() as stack:
        runners = []
        for _ in range(n):
            runner = _runner(emulator, db_url)
            await runner.start()
            stack.push_async_callback(runner.stop)
            runners.append(runner)
        await client.set_webhook_backends([r.url for r in runners])
        yield runners


def _parse_metrics(text: str) -> dict[str, float]:
    """Samples of a text exposition, every line checked against the format."""
    samples: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("# HELP ") or line.startswith("# TYPE "):
            continue
        assert SAMPLE.match(line), line
        name, value = line.rsplit(" ", 1)
        samples[name] = float(value)
    return samples


async def test_webhook_path_secret_health_and_metrics(
    emulator: EmulatorServer, client: EmulatorClient, db_url: str
) -> None:
    """Only the path of WEBHOOK_URL takes updates, only with the secret; health is 200."""
    async with (
        _instances(emulator, client, db_url, 1) as (runner,),
        aiohttp.ClientSession() as http,
    ):
        url = runner.url
        for headers in ({}, {SECRET_HEADER: "x" * 40}, {SECRET_HEADER: SECRET[:-1]}):
            async with http.post(url + PATH, json={"update_id": 1}, headers=headers) as r:
                assert r.status == 403
        for path in ("/", "/webhook", PATH + "/x"):
            async with http.post(url + path, json={}, headers={SECRET_HEADER: SECRET}) as r:
                assert r.status == 404
        async with http.post(url + PATH, data=b"{", headers={SECRET_HEADER: SECRET}) as r:
            assert r.status == 400
        async with http.get(url + "/healthz") as r:
            assert r.status == 200
            body = await r.json()
            assert body["status"] == "ok" and body["schema"] == "current"
        async with http.get(url + "/readyz") as r:
            assert r.status == 200 and (await r.json())["status"] == "ready"
        handled = metrics.UPDATES_HANDLED.value()
        reply = await client.user(5001).ask("/help")
        assert reply.text
        async with http.get(url + "/metrics") as r:
            assert r.status == 200 and r.headers["Content-Type"].startswith("text/plain")
            samples = _parse_metrics(await r.text())
        assert samples["asn_updates_handled_total"] >= handled + 1
        assert samples['asn_webhook_requests_total{result="forbidden"}'] >= 3
        assert samples['asn_outbox_rows{status="pending"}'] == 0
        assert samples["asn_ready"] == 1
        assert (
            samples['asn_update_handler_seconds_bucket{le="+Inf"}']
            == samples["asn_update_handler_seconds_count"]
        )
    info = (await client.webhook())["webhook"]
    assert info["url"] == WEBHOOK_URL


async def test_dashboard_is_served_on_the_webhook_listener(
    emulator: EmulatorServer, client: EmulatorClient, db_url: str
) -> None:
    """Webhook mode: /dasbor/ is on the webhook listener; its API still needs initData."""
    async with (
        _instances(emulator, client, db_url, 1) as (runner,),
        aiohttp.ClientSession() as http,
    ):
        async with http.get(runner.url + "/dasbor/") as r:
            assert r.status == 200 and "text/html" in r.headers["Content-Type"]
        async with http.get(runner.url + "/dasbor/api/aspirations") as r:
            assert r.status == 401


async def test_two_instances_answer_each_update_once(
    emulator: EmulatorServer, client: EmulatorClient, db_url: str
) -> None:
    """10 users x 3 commands through two instances: both used, every command answered once."""
    async with _instances(emulator, client, db_url, 2) as runners:
        probe = client.user(6000)
        await probe.ask("/help")
        per_command = len(await client.sent_log(chat_id=probe.chat_id))
        users = [client.user(6001 + n) for n in range(10)]
        for _round in range(3):
            for user in users:
                await user.send("/help")
        expected = 3 * per_command
        await until(
            lambda: all(
                len(emulator.state.chats[u.chat_id].bot_messages) >= expected for u in users
            )
        )
        await asyncio.sleep(0.2)  # a duplicate would arrive now
        for user in users:
            assert len(emulator.state.chats[user.chat_id].bot_messages) == expected
        delivered = (await client.webhook())["delivered"]
        assert set(delivered) == {r.url for r in runners}
        assert sum(delivered.values()) == 31


async def test_refused_deliveries_are_retried_on_the_other_backend(
    emulator: EmulatorServer, client: EmulatorClient, db_url: str
) -> None:
    """A backend answering 500 makes the emulator retry; each update is handled once."""

    async def broken(_request: web.Request) -> web.Response:
        """A backend that always fails."""
        return web.Response(status=500)

    failing = web.Application()
    failing.router.add_post(PATH, broken)
    async with (
        TestServer(failing, host="127.0.0.1") as bad,
        _instances(emulator, client, db_url, 1) as (runner,),
    ):
        await client.set_webhook_backends([str(bad.make_url("")).rstrip("/"), runner.url])
        users = [client.user(6101 + n) for n in range(4)]
        for user in users:
            assert (await user.ask("/help")).text
        await asyncio.sleep(0.2)
        report = await client.webhook()
        assert 500 in {a["status"] for a in report["attempts"]}
        assert report["delivered"] == {runner.url: 4}
        counts = {len(emulator.state.chats[u.chat_id].bot_messages) for u in users}
        assert len(counts) == 1


async def test_graceful_stop_finishes_updates_in_flight(
    emulator: EmulatorServer, client: EmulatorClient, db_url: str
) -> None:
    """Stopping while an update is handled: not ready at once, the reply still goes out."""
    runner = _runner(emulator, db_url)
    await runner.start()
    stopped = False
    try:
        await client.set_webhook_backends([runner.url])
        await client.set_latency(300)  # the reply's sendMessage takes a while
        user = client.user(6201)
        await user.send("/help")
        await until(lambda: runner.gate.in_flight == 1)
        stopping = asyncio.create_task(runner.stop())
        await until(lambda: runner.gate.phase == "stopping")
        assert not runner.gate.ready
        await stopping
        stopped = True
        assert emulator.state.chats[user.chat_id].bot_messages, "the reply was sent before exit"
    finally:
        if not stopped:
            await runner.stop()


async def test_polling_mode_serves_metrics_and_health_without_a_webhook(
    emulator: EmulatorServer, client: EmulatorClient, db_url: str
) -> None:
    """With METRICS_PORT in polling mode: /metrics, /healthz, /readyz; no webhook route."""
    runner = _runner(emulator, db_url, mode="polling")
    await runner.start()
    try:
        assert (await client.user(6301).ask("/help")).text
        async with aiohttp.ClientSession() as http:
            async with http.post(runner.url + PATH, json={}) as r:
                assert r.status == 404
            for path in ("/healthz", "/readyz", "/metrics"):
                async with http.get(runner.url + path) as r:
                    assert r.status == 200, path
    finally:
        await runner.stop()


async def _web_client(gate: Gate, database: Database, emulator: EmulatorServer) -> TestClient:
    """A test client of the listener's app (the Application is built, not started)."""
    settings = harness_settings(
        emulator, update_mode="webhook", webhook_url=WEBHOOK_URL, webhook_secret=SECRET
    )
    app = build_application(settings, migrate=False, updater=False)
    web_app = build_web_app(app, settings, database, gate, webhook_path=PATH)
    client = TestClient(TestServer(web_app))
    await client.start_server()
    return client


@pytest.mark.parametrize("phase", ["starting", "stopping"])
async def test_not_ready_while_starting_or_stopping(
    phase: Any, db: Database, emulator: EmulatorServer
) -> None:
    """readyz and the webhook answer 503 (the balancer retries elsewhere); healthz still 200."""
    gate = Gate()
    gate.phase = phase
    web_client = await _web_client(gate, db, emulator)
    try:
        assert (await web_client.get("/readyz")).status == 503
        posted = await web_client.post(PATH, json={}, headers={SECRET_HEADER: SECRET})
        assert posted.status == 503
        assert (await web_client.get("/healthz")).status == 200
    finally:
        await web_client.close()


async def test_healthz_fails_on_an_old_schema_and_an_unreachable_database(
    db: Database, emulator: EmulatorServer
) -> None:
    """An outdated migration or no database at all: 503 naming which."""
    async with db.transaction() as session:
        current = (await session.execute(text("SELECT version_num FROM alembic_version"))).scalar()
        await session.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    web_client = await _web_client(Gate(), db, emulator)
    try:
        response = await web_client.get("/healthz")
        assert response.status == 503 and (await response.json())["schema"] == "outdated"
    finally:
        await web_client.close()
        async with db.transaction() as session:
            await session.execute(
                text("UPDATE alembic_version SET version_num = :v"), {"v": current}
            )
    nowhere = Database("postgresql+asyncpg://nobody@127.0.0.1:9/none")
    web_client = await _web_client(Gate(), nowhere, emulator)
    try:
        response = await web_client.get("/healthz")
        assert response.status == 503 and (await response.json())["database"] == "unreachable"
    finally:
        await web_client.close()
        await nowhere.dispose()


def _free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_asn_bot_run_in_webhook_mode_stops_cleanly_on_sigterm(
    emulator: EmulatorServer, client: EmulatorClient, db_url: str, tmp_path: Path
) -> None:
    """The real process: setWebhook with the secret, answers through the balancer, exit 0."""
    port = _free_port()
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TEST_TOKEN, "DATABASE_URL": db_url,
        "TELEGRAM_API_BASE_URL": emulator.base_url,
        "TELEGRAM_FILE_BASE_URL": emulator.base_file_url,
        "UPDATE_MODE": "webhook", "WEBHOOK_URL": WEBHOOK_URL, "WEBHOOK_SECRET": SECRET,
        "WEBHOOK_LISTEN": "127.0.0.1", "WEBHOOK_PORT": str(port), "LOG_LEVEL": "WARNING",
    }  # fmt: skip
    await client.set_webhook_backends([f"http://127.0.0.1:{port}"])
    log = (tmp_path / "bot.log").open("ab")
    bot = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stdout=log, stderr=log
    )
    try:
        await until(lambda: bool(emulator.state.webhook.get("url")), 60.0)
        assert emulator.state.webhook["secret_token"] == SECRET
        assert (await client.user(6401).ask("/help", timeout=30)).text
    finally:
        bot.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(bot.wait(), 60)
    assert code == 0, (tmp_path / "bot.log").read_text()[-2000:]
