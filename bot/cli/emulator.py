"""``asn-bot emulator``: run the local Telegram Bot API emulator standalone."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal

from bot.emulator.server import DEFAULT_TOKEN, EmulatorServer


async def serve(args: argparse.Namespace, ready: asyncio.Event | None = None) -> None:
    """Start the emulator and serve until SIGINT/SIGTERM (or cancellation)."""
    backends = [b.strip() for b in (args.webhook_backends or "").split(",") if b.strip()]
    server = EmulatorServer(
        token=args.token or DEFAULT_TOKEN, host=args.host, port=args.port, webhook_backends=backends
    )
    server.state.latency_ms = args.latency_ms
    server.state.flood_limit = args.flood_limit
    await server.start()
    print(f"Bot API base_url:      {server.base_url}", flush=True)
    print(f"Bot API base_file_url: {server.base_file_url}", flush=True)
    print(f"Control API:           {server.control_url}", flush=True)
    print(f"Token:                 {server.token}", flush=True)
    if backends:
        print(f"Webhook backends:      {', '.join(backends)}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    if ready is not None:
        ready.set()
    try:
        await stop.wait()
    finally:
        await server.stop()


def run(args: argparse.Namespace) -> int:
    """Entry point of the subcommand."""
    asyncio.run(serve(args))
    return 0
