"""Real ``asn-bot run`` processes in webhook mode behind the emulator acting as the balancer.

Used by ``tests/e2e/test_cluster.py`` and ``bench/bench_cluster.py``. Each instance is
``python -m bot run`` (this checkout's code) with the environment of one compose service
(``compose.yaml``: ``UPDATE_MODE=webhook``, ``WEBHOOK_URL``, ``WEBHOOK_LISTEN``,
``WEBHOOK_PORT``, ``DATABASE_URL``, ``INSTANCE_ID``) plus what ``.env`` gives it there
(token, webhook secret) and the emulator's addresses; its output goes to a log file.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
SECRET = "cluster-" + "S3cret_" * 4 + "x"  # a WEBHOOK_SECRET: 32+ of [A-Za-z0-9_-]
WEBHOOK_PATH = "/telegram/webhook"
START_LIMIT_S = 60.0


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def instance_env(
    name: str, port: int, *, database_url: str, emulator_root: str, token: str, **extra: str
) -> dict[str, str]:
    """The environment of one instance; ``extra`` adds settings (``BROADCAST_RATE_PER_SECOND``)."""
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),  # this checkout's code, whatever the venv has installed
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_API_BASE_URL": f"{emulator_root}/bot",
        "TELEGRAM_FILE_BASE_URL": f"{emulator_root}/file/bot",
        "DATABASE_URL": database_url,
        "UPDATE_MODE": "webhook",
        "WEBHOOK_URL": emulator_root + WEBHOOK_PATH,  # the public address: the balancer's
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
        "WEBHOOK_SECRET": SECRET,
        "INSTANCE_ID": name,
        "DASHBOARD_ENABLED": "false",
        "LOG_LEVEL": "INFO",
        **extra,
    }


@dataclass
class BotProcess:
    """One ``asn-bot run`` child: started, waited for, killed; its output in ``log_path``."""

    name: str
    port: int
    log_path: Path
    env: dict[str, str] = field(repr=False)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The instance's listener, a backend of the balancer."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start ``python -m bot run`` in the repository root."""
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip

    @property
    def alive(self) -> bool:
        """True while the process runs."""
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL (a crash) and reap it."""
        if self.alive:
            assert self.proc is not None
            self.proc.send_signal(signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()

    def stop(self, limit: float = 30.0) -> int | None:
        """SIGTERM (a graceful stop), SIGKILL after ``limit`` seconds; the exit code."""
        if self.proc is None:
            return None
        if self.alive:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(limit)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.proc.returncode

    def log_tail(self, chars: int = 4000) -> str:
        """The end of the instance's output."""
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]


def bot_processes(names: list[str], log_dir: Path, **env_args: str) -> list[BotProcess]:
    """Instances named ``names`` on free ports (not started); ``env_args`` as ``instance_env``."""
    out = []
    for name in names:
        port = free_port()
        env = instance_env(name, port, **env_args)
        out.append(BotProcess(name, port, log_dir / f"{name}.log", env))
    return out


async def wait_ready(instances: list[BotProcess], limit: float = START_LIMIT_S) -> None:
    """Wait until every instance answers ``/readyz`` with 200; fail with its log if it exits."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    pending = list(instances)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as http:
        while pending:
            for instance in list(pending):
                if not instance.alive:
                    raise AssertionError(
                        f"{instance.name} exited while starting:\n{instance.log_tail()}"
                    )
                try:
                    async with http.get(instance.url + "/readyz") as response:
                        if response.status == 200:
                            pending.remove(instance)
                except (aiohttp.ClientError, TimeoutError):
                    pass
            if pending:
                assert loop.time() < deadline, f"not ready in {limit:.0f} s: {pending[0].name}"
                await asyncio.sleep(0.1)


def show_logs(instances: list[BotProcess]) -> None:
    """Print each instance's log tail (pytest shows it when the test failed)."""
    for instance in instances:
        print(f"----- {instance.name} ({instance.log_path}) -----\n{instance.log_tail()}")
