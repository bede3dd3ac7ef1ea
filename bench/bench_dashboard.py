"""Benchmark: the HR dashboard's page load with 5,000 aspirations (server-side pagination).

``.venv/bin/python -m bench.bench_dashboard`` — a fresh SQLite database with 5,000 generated
employees, each with one aspiration in an open window; the real bot on the emulator with its
dashboard on a free port of 127.0.0.1. Timed over HTTP (median of ``--runs``):

- baseline: one trivial static request (``/dasbor/static/app.css``);
- page load: what the browser fetches before the first table shows — the HTML, script,
  style, chart library, texts, ``/api/me`` and the first page of ``/api/aspirations``;
- the first API page alone, and a filtered, sorted page far into the table.

The ratio page load / baseline is the figure to compare across machines; the issue asks for
a page load under 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import aiohttp
from sqlalchemy import insert, select

from bot.app import dashboard_of
from bot.dashboard.initdata import sign
from bot.harness import running_bot
from bot.roster.demo_data import load_demo
from storage.db import Database
from storage.migrate import upgrade_async
from storage.models import Aspiration, AspirationWindow, Employee, utcnow

HR_ID = 100100
ASSETS = ("", "static/app.css", "static/app.js", "static/chart.umd.min.js", "texts/id.json")
STATUSES = ("submitted", "verified", "returned", "accepted", "rejected")
KINDS = ("rotation", "other_unit", "out", "other")


async def seed(url: str, count: int) -> None:
    """``count`` employees, each with one aspiration in one open window."""
    await upgrade_async(url)
    db = Database(url)
    rnd = random.Random(7)
    try:
        async with db.transaction() as session:
            await load_demo(session, count, seed=7)
            now = utcnow()
            window = AspirationWindow(
                name="Periode Bench", starts_at=now - timedelta(days=1),
                ends_at=now + timedelta(days=30), unit_ids=[],
            )  # fmt: skip
            session.add(window)
            await session.flush()
            ids = (await session.execute(select(Employee.id))).scalars().all()
            rows = [
                {"reference": f"ASP-2026-{n:06d}", "window_id": window.id, "employee_id": e,
                 "status": rnd.choice(STATUSES), "kind": rnd.choice(KINDS),
                 "preferences": [{"unit": "Dinas Kesehatan", "unit_id": None, "position": ""}],
                 "reason_category": "career", "reason_text": "Bench.",
                 "willing_to_relocate": True, "relocate_note": "", "eligible": rnd.random() > 0.2,
                 "eligibility_problems": [], "hr_note": "", "submitted_at": now,
                 "created_at": now, "updated_at": now}
                for n, e in enumerate(ids, start=1)
            ]  # fmt: skip
            await session.execute(insert(Aspiration), rows)
    finally:
        await db.dispose()


async def timed(http: aiohttp.ClientSession, urls: list[str], auth: dict[str, str]) -> float:
    """Seconds to fetch ``urls`` one after another (bodies read)."""
    start = time.perf_counter()
    for url in urls:
        async with http.get(url, headers=auth if "/api/" in url else None) as response:
            await response.read()
            assert response.status == 200, (url, response.status)
    return time.perf_counter() - start


async def run(count: int, runs: int) -> None:
    """Seed, start the bot with its dashboard, and time the requests."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}"
        await seed(url, count)
        async with running_bot(
            database_url=url, admin_telegram_ids=[HR_ID], migrate=False,
            dashboard_enabled=True, dashboard_port=0,
        ) as harness:  # fmt: skip
            assert harness.app is not None
            server = dashboard_of(harness.app)
            assert server is not None
            base = server.base_url
            user = {"id": HR_ID, "first_name": "Bench", "language_code": "id"}
            init = sign(harness.settings.telegram_bot_token, user, harness.services.clock.now())
            auth = {"Authorization": f"tma {init}"}
            first_page = base + "api/aspirations"
            deep = base + "api/aspirations?status=submitted&eligibility=yes&sort=-name&page=30"
            cases = {
                "baseline: one static request": [base + "static/app.css"],
                "page load (HTML, assets, texts, me, first page)": [
                    *(base + a for a in ASSETS), base + "api/me", first_page,
                ],
                "first API page alone": [first_page],
                "filtered, sorted page 31": [deep],
            }  # fmt: skip
            async with aiohttp.ClientSession() as http:
                for urls in cases.values():  # warm up
                    await timed(http, urls, auth)
                results = {
                    name: statistics.median([await timed(http, urls, auth) for _ in range(runs)])
                    for name, urls in cases.items()
                }
    baseline = results["baseline: one static request"]
    print(f"{count:,} aspirations, median of {runs} runs")
    for name, seconds in results.items():
        print(f"  {name:<50} {seconds * 1000:8.1f} ms   {seconds / baseline:6.1f}× baseline")


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aspirations", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(run(args.aspirations, args.runs))


if __name__ == "__main__":
    main()
