"""The dashboard in real headless Chromium (Debian's ``chromium``, driven by Playwright).

Opens the page with signed launch data in the URL fragment (as Telegram passes it), filters
the aspiration table, accepts one aspiration (database and the employee's chat show it),
opens a plan and sees the workload chart drawn on its canvas. Screenshots go to
``tests/artifacts/`` (ignored by git). Skipped, with the reason, without Chromium or Playwright.
"""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from storage.models import Aspiration
from tests.conftest import HR_ID
from tests.dashboard_support import EMP_ID, dashboard_bot, page_link, seed_aspirations, seed_plan
from tests.texts import shows

CHROMIUM = os.environ.get("ASN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
INK = """() => {
  const canvas = document.getElementById('workload-chart');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]) painted++;
  return {painted, chart: !!window.Chart.getChart(canvas)};
}"""

playwright_api = pytest.importorskip(
    "playwright.async_api", reason="Playwright for Python is not installed (dev dependency)"
)
NO_CHROMIUM = f"no Chromium at {CHROMIUM}: apt-get install -y chromium (or set ASN_CHROMIUM)"
if not Path(CHROMIUM).exists() and os.environ.get("ASN_REQUIRE_BROWSER"):
    pytest.fail(NO_CHROMIUM + " (ASN_REQUIRE_BROWSER is set)", pytrace=False)
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=NO_CHROMIUM)


async def test_filter_accept_plan_and_workload_chart(db_url: str, backend: str) -> None:
    """The HR officer's walk through the dashboard, in a phone-sized window."""
    ARTIFACTS.mkdir(exist_ok=True)
    async with dashboard_bot(db_url) as harness:
        ids = await seed_aspirations(harness, extra=4)
        await seed_plan(harness, ids[1])
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                page = await browser.new_page(viewport={"width": 412, "height": 915})
                await page.goto(page_link(harness, HR_ID))
                await page.wait_for_selector("body[data-ready='1']")
                assert await page.locator("tr.row").count() == 5
                await page.select_option("select[name=kind]", "rotation")
                await page.wait_for_selector("#asp-total[data-total='2']")
                assert await page.locator("tr.row").count() == 2
                await page.screenshot(path=ARTIFACTS / f"dashboard-filtered-{backend}.png")

                await page.select_option("select[name=kind]", "")
                await page.wait_for_selector("#asp-total[data-total='5']")
                await page.locator("tr.row", has_text="Andi Saputra").click()
                accept = page.locator("#asp-detail button[data-decision=accept]")
                await accept.click()  # first press asks to confirm
                await accept.click()
                await page.wait_for_selector("#asp-detail:not(:has(button[data-decision]))")
                await page.screenshot(path=ARTIFACTS / f"dashboard-accepted-{backend}.png")

                await page.click("#tab-plans")
                await page.wait_for_selector("#plan-name")
                assert await page.locator(".card[data-move]").count() == 1
                await page.screenshot(path=ARTIFACTS / f"dashboard-plan-{backend}.png")
                await page.click("#to-workload")
                await page.wait_for_selector("canvas#workload-chart")
                await page.wait_for_function(
                    "() => window.Chart && Chart.getChart('workload-chart')"
                )
                ink = await page.evaluate(INK)
                await page.screenshot(path=ARTIFACTS / f"dashboard-workload-{backend}.png")
            finally:
                await browser.close()
        assert ink["chart"] and ink["painted"] > 1000, ink
        async with harness.services.db.transaction() as session:
            accepted = await session.get(Aspiration, ids[0])
            assert accepted is not None and accepted.status == "accepted"
        await harness.advance(timedelta(minutes=3))  # the accept's undo window
        await harness.settle()
        messages = await harness.client.messages(EMP_ID)
        assert any(shows(m.text, "asp.notify") for m in messages)
