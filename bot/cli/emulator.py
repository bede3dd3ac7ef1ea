"""``asn-bot emulator``: run the local Telegram Bot API emulator standalone."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from typing import Any

from bot.emulator.server import DEFAULT_TOKEN, EmulatorServer


def register(sub: Any) -> None:
    """Add the ``emulator`` subcommand."""
    parser = sub.add_parser("emulator", help="run the local Telegram Bot API emulator")
    parser.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8081, help="port (0 = any free port)")
    parser.add_argument("--token", default=DEFAULT_TOKEN, help="bot token the emulator accepts")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay per Bot API call")
    parser.add_argument(
        "--flood-limit", type=float, default=None, help="global send* limit per second"
    )
    parser.set_defaults(func=run)


async def serve(args: argparse.Namespace, ready: asyncio.Event | None = None) -> None:
    """Start the emulator and serve until SIGINT/SIGTERM (or cancellation)."""
    server = EmulatorServer(token=args.token, host=args.host, port=args.port)
    server.state.latency_ms = args.latency_ms
    server.state.flood_limit = args.flood_limit
    await server.start()
    print(f"Bot API base_url:      {server.base_url}", flush=True)
    print(f"Bot API base_file_url: {server.base_file_url}", flush=True)
    print(f"Control API:           {server.control_url}", flush=True)
    print(f"Token:                 {server.token}", flush=True)
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
