"""``asn-bot demo [--script]``: the offline demo, no Telegram account needed."""

from __future__ import annotations

import argparse
import asyncio
import logging
import time

from bot.app import dashboard_of
from bot.dashboard.links import signed_link
from bot.demo.interactive import run_console
from bot.demo.script import run_script
from bot.demo.session import DEMO_HR_ID, DemoWorld, demo_world
from bot.logging_setup import configure_logging
from bot.texts import DEFAULT_LOCALE, t


def cmd_demo(args: argparse.Namespace) -> int:
    """Run the demo (interactive or scripted)."""
    configure_logging(logging.ERROR)
    try:
        return asyncio.run(_demo(args))
    except AssertionError as exc:  # ScriptError, or the emulator refusing a step
        print("\n" + t(DEFAULT_LOCALE, "cli.demo.failed", error=exc))
        return 1


async def _demo(args: argparse.Namespace) -> int:
    """Start the world and either play the script or chat interactively."""
    started = time.monotonic()
    files = args.db.parent / "demo-files"
    async with demo_world(args.db, args.employees, files=files) as world:
        url = world.harness.server.base_url
        print(t(DEFAULT_LOCALE, "cli.demo.started", employees=args.employees, url=url))
        print(dashboard_line(world))
        if args.script:
            await run_script(world)
            seconds = round(time.monotonic() - started, 1)
            print("\n" + t(DEFAULT_LOCALE, "cli.demo.finished", seconds=seconds))
            return 0
        await run_console(world, _read_line)
    return 0


def dashboard_line(world: DemoWorld) -> str:
    """The local dashboard link for the demo HR officer, signed as Telegram signs it."""
    harness = world.harness
    assert harness.app is not None
    server = dashboard_of(harness.app)
    if server is None:
        return ""
    settings = harness.settings
    link = signed_link(
        server.base_url,
        settings.telegram_bot_token,
        DEMO_HR_ID,
        "Rina",
        harness.services.clock.now(),
    )
    return t(DEFAULT_LOCALE, "dash.demo_link", url=link, minutes=settings.dashboard_max_age // 60)


async def _read_line(prompt: str) -> str:
    """One line from the terminal, read without blocking the bot."""
    return await asyncio.to_thread(input, prompt)
