"""The emulator delivers webhooks: secret header, round-robin backends, retries, chat order."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot
from telegram.error import BadRequest, Conflict

from bot.emulator import EmulatorClient, EmulatorServer
from bot.emulator.webhook import SECRET_HEADER, target_url, update_chat_key
from tests.waiting import until

pytestmark = pytest.mark.e2e
SECRET = "s" * 40


@dataclass
class Backend:
    """A webhook receiver that records what it got and answers with ``statuses`` first."""

    name: str
    statuses: list[int] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    secrets: list[str | None] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    url: str = ""
    _runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.Response:
        """Record the POST; answer the next scripted status, else 200."""
        self.paths.append(request.path)
        self.secrets.append(request.headers.get(SECRET_HEADER))
        status = self.statuses.pop(0) if self.statuses else 200
        if status == 200:
            self.received.append(await request.json())
        return web.Response(status=status)

    async def start(self) -> None:
        """Serve on a free port."""
        app = web.Application()
        app.router.add_post("/{tail:.*}", self.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        """Stop serving."""
        if self._runner is not None:
            await self._runner.cleanup()


@pytest.fixture
async def backends() -> AsyncIterator[list[Backend]]:
    """Two webhook receivers."""
    pair = [Backend("a"), Backend("b")]
    for backend in pair:
        await backend.start()
    yield pair
    for backend in pair:
        await backend.stop()


@pytest.fixture
async def emulator() -> AsyncIterator[EmulatorServer]:
    """An emulator on a free port."""
    async with EmulatorServer() as server:
        yield server


@pytest.fixture
async def client(emulator: EmulatorServer) -> AsyncIterator[EmulatorClient]:
    """Control-API client."""
    emu = EmulatorClient(emulator.control_url)
    yield emu
    await emu.close()


@pytest.fixture
async def bot(emulator: EmulatorServer) -> AsyncIterator[Bot]:
    """A real PTB Bot pointed at the emulator."""
    async with Bot(emulator.token, base_url=emulator.base_url) as tg_bot:
        yield tg_bot


def _texts(backend: Backend) -> list[str]:
    """Texts of the messages a backend received, in arrival order."""
    return [u["message"]["text"] for u in backend.received if "message" in u]


async def test_round_robin_to_two_backends_with_secret_and_path(
    emulator: EmulatorServer, client: EmulatorClient, bot: Bot, backends: list[Backend]
) -> None:
    """Each update reaches one backend once, alternating, on the webhook's path and secret."""
    await client.set_webhook_backends([b.url for b in backends])
    await bot.set_webhook("https://bot.example.go.id/telegram/webhook", secret_token=SECRET)
    for user_id in range(1, 11):
        await client.user(user_id).send("/start")
    await until(lambda: sum(len(b.received) for b in backends) == 10)
    ids = [u["update_id"] for b in backends for u in b.received]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 10
    assert [len(b.received) for b in backends] == [5, 5]
    assert {p for b in backends for p in b.paths} == {"/telegram/webhook"}
    assert {s for b in backends for s in b.secrets} == {SECRET}
    report = await client.webhook()
    assert sorted(report["delivered"].values()) == [5, 5]
    assert "secret_token" not in report["webhook"]
    assert (await bot.get_webhook_info()).pending_update_count == 0


async def test_refused_delivery_is_retried_on_the_next_backend(
    emulator: EmulatorServer, client: EmulatorClient, bot: Bot, backends: list[Backend]
) -> None:
    """A 500 and a dead backend are retried until a backend answers 2xx; the error is shown."""
    first, second = backends
    second.statuses = [500, 500]
    dead = "http://127.0.0.1:9"  # discard port: connection refused
    await client.set_webhook_backends([dead, second.url, first.url], retry_base=0.01)
    await bot.set_webhook("http://127.0.0.1/hook")
    await client.user(7).send("hello")
    await until(lambda: len(first.received) + len(second.received) == 1)
    attempts = (await client.webhook())["attempts"]
    assert [a["status"] for a in attempts] == [0, 500, 200]
    info = await bot.get_webhook_info()
    assert info.pending_update_count == 0
    assert info.last_error_message is not None and "500" in info.last_error_message


async def test_one_chat_stays_in_order_while_a_delivery_is_retried(
    emulator: EmulatorServer, client: EmulatorClient, bot: Bot, backends: list[Backend]
) -> None:
    """The next update of a chat waits until the previous one was accepted."""
    first, second = backends
    first.statuses = [503, 503, 503]
    await client.set_webhook_backends([first.url, second.url], retry_base=0.01)
    user = client.user(8)
    await user.send("1")
    await user.send("2")
    await user.send("3")
    await bot.set_webhook("http://127.0.0.1/hook")
    await until(lambda: len(first.received) + len(second.received) == 3)
    arrived = sorted((u["update_id"], u["message"]["text"]) for b in backends for u in b.received)
    assert [text for _, text in arrived] == ["1", "2", "3"]
    log = [(a["update_id"], a["status"]) for a in (await client.webhook())["attempts"]]
    delivered_order = [uid for uid, status in log if status == 200]
    assert delivered_order == sorted(delivered_order)


async def test_get_updates_conflict_and_pending_until_deleted(
    emulator: EmulatorServer, client: EmulatorClient, bot: Bot, backends: list[Backend]
) -> None:
    """409 while a webhook is set; with it deleted, undelivered updates go to getUpdates."""
    backends[0].statuses = [500] * 1000
    await client.set_webhook_backends([backends[0].url], retry_base=0.01, retry_max=0.02)
    await bot.set_webhook("http://127.0.0.1/hook")
    with pytest.raises(Conflict):
        await bot.get_updates()
    await client.user(9).send("/start")
    await until(lambda: len(backends[0].paths) >= 2)
    info = await bot.get_webhook_info()
    assert info.pending_update_count == 1 and info.last_error_date is not None
    assert await bot.delete_webhook()
    updates = await bot.get_updates()
    assert [u.message.text for u in updates if u.message] == ["/start"]


async def test_set_webhook_refuses_a_malformed_secret(bot: Bot) -> None:
    """Telegram allows 1-256 characters of A-Z a-z 0-9 _ - in a secret token."""
    with pytest.raises(BadRequest, match=r"(?i)secret token"):
        await bot.set_webhook("https://example.invalid/hook", secret_token="no spaces allowed")


@pytest.mark.parametrize(
    ("webhook", "backend", "expected"),
    [
        ("https://h.example/telegram/webhook", None, "https://h.example/telegram/webhook"),
        ("https://h.example/telegram/webhook", "http://127.0.0.1:8001/",
         "http://127.0.0.1:8001/telegram/webhook"),
        ("https://h.example/hook?x=1", "http://b:1", "http://b:1/hook?x=1"),
        ("https://h.example", "http://b:1", "http://b:1/"),
    ],
)  # fmt: skip
def test_target_url(webhook: str, backend: str | None, expected: str) -> None:
    """A backend replaces scheme, host and port; path and query are kept."""
    assert target_url(webhook, backend) == expected


@pytest.mark.parametrize(
    ("update", "key"),
    [
        ({"update_id": 1, "message": {"chat": {"id": 5}, "from": {"id": 6}}}, 5),
        ({"update_id": 1, "callback_query": {"from": {"id": 6}, "data": "x",
                                             "message": {"chat": {"id": 7}}}}, 7),
        ({"update_id": 1, "callback_query": {"from": {"id": 6}, "data": "x"}}, 6),
        ({"update_id": 1, "poll": {"id": "p"}}, None),
    ],
)  # fmt: skip
def test_update_chat_key(update: dict[str, Any], key: int | None) -> None:
    """Order is kept per chat; a button press on an inline message per user."""
    assert update_chat_key(update) == key
