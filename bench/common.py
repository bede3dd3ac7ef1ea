"""Helpers shared by the benchmarks: free ports, waiting for a listener, child processes."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def wait_port(port: int, limit_s: float = 30) -> None:
    """Wait until something listens on ``port``."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.1)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise RuntimeError(f"nothing listens on port {port}")


def spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start a child process with its output discarded."""
    return subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def spawn_emulator(
    port: int, token: str, env: dict[str, str], *extra: str
) -> subprocess.Popen[bytes]:
    """Start ``asn-bot emulator`` on ``port`` in a child process (``extra``: more options)."""
    args = [sys.executable, "-m", "bot", "emulator", "--port", str(port), "--token", token]
    return spawn([*args, *extra], env)
