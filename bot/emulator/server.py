"""The emulator's aiohttp application and ``EmulatorServer``, which runs it in-process."""

from __future__ import annotations

from aiohttp import web

from bot.emulator.botapi import make_api_handler, make_file_handler
from bot.emulator.control import STATE_KEY, add_routes
from bot.emulator.state import EmulatorState
from bot.emulator.webhook import WebhookDelivery

DEFAULT_TOKEN = "123456:TEST-TOKEN"
MAX_UPLOAD_BYTES = 60 * 1024 * 1024


def build_app(state: EmulatorState) -> web.Application:
    """aiohttp app serving the Bot API, file downloads and the control API for ``state``."""
    app = web.Application(client_max_size=MAX_UPLOAD_BYTES)
    app[STATE_KEY] = state
    api = make_api_handler(state)
    app.router.add_route("*", "/bot{token:[^/]+}/{method}", api)
    app.router.add_get("/file/bot{token:[^/]+}/{path:.+}", make_file_handler(state))
    add_routes(app)
    return app


class EmulatorServer:
    """A Telegram Bot API emulator listening on ``host:port`` (port 0 picks a free one)."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        host: str = "127.0.0.1",
        port: int = 0,
        webhook_backends: list[str] | None = None,
    ) -> None:
        self.token = token
        self.host = host
        self.port = port
        self.state = EmulatorState(token)
        self.state.webhook_backends = list(webhook_backends or [])
        self.delivery = WebhookDelivery(self.state)
        self._runner: web.AppRunner | None = None

    @property
    def root_url(self) -> str:
        """``http://host:port``."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """Value for ``ApplicationBuilder().base_url``."""
        return f"{self.root_url}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ``ApplicationBuilder().base_file_url``."""
        return f"{self.root_url}/file/bot"

    @property
    def control_url(self) -> str:
        """Root of the control API, for ``EmulatorClient``."""
        return f"{self.root_url}/_emu"

    async def start(self) -> None:
        """Bind and start serving."""
        self.state.closed = False
        runner = web.AppRunner(
            build_app(self.state), access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, backlog=1024)
        await site.start()
        server = site._server  # the asyncio Server, to learn the bound port
        if self.port == 0 and server is not None:
            sockets = getattr(server, "sockets", None) or []
            self.port = sockets[0].getsockname()[1]
        self._runner = runner
        await self.delivery.start()

    async def stop(self) -> None:
        """Wake long polls and stop serving."""
        self.state.shutdown()
        await self.delivery.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> EmulatorServer:
        """Start on entering ``async with``."""
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        """Stop on leaving ``async with``."""
        await self.stop()
