"""The dashboard in real headless Chromium (Debian's ``chromium``, driven by Playwright).

Opens the page with signed launch data in the URL fragment (as Telegram passes it), filters
the aspiration table, accepts one aspiration (database and the employee's chat show it),
opens a plan and sees the workload chart drawn on its canvas; on Kandidat adds the 🙋-marked
asker to a chosen Draf plan with the reason a blocking rule needs, and sees the Survei bars
and the Pengiriman table. Screenshots go to
``tests/artifacts/`` (ignored by git). Skipped, with the reason, without Chromium or Playwright.
"""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.models import Aspiration, PlanMove
from tests.conftest import HR_ID
from tests.dashboard_support import (
    EMP_ID,
    dashboard_bot,
    page_link,
    seed_announcement,
    seed_aspirations,
    seed_candidates,
    seed_plan,
    seed_survey_answers,
)
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


async def test_candidates_add_with_reason_surveys_and_deliveries(db_url: str, backend: str) -> None:
    """Kandidat: pick the post, the asker is marked 🙋, add them to the older Draf plan — the
    blocking rule shows with a reason field, resent with the reason; the survey's bars and the
    delivery table are drawn."""
    ARTIFACTS.mkdir(exist_ok=True)
    async with dashboard_bot(db_url, survey_min_group=1) as harness:
        world = await seed_candidates(harness)
        await seed_survey_answers(harness, [world.aspiring, world.other])
        await seed_announcement(harness)
        tmt = (harness.services.clock.now().date() + timedelta(days=60)).isoformat()
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                page = await browser.new_page(viewport={"width": 412, "height": 915})
                await page.goto(page_link(harness, HR_ID))
                await page.wait_for_selector("body[data-ready='1']")
                await page.click("#tab-candidates")
                await page.wait_for_selector("select[name=draft]")
                assert await page.input_value("select[name=draft]") == str(world.plans[1])
                await page.select_option("select[name=draft]", str(world.plans[0]))
                await page.select_option("select[name=position]", str(world.position))
                row = page.locator(f"tr.cand[data-employee='{world.aspiring}']")
                await row.wait_for()
                assert await row.locator(".asked[data-choice='1']").count() == 1
                other = page.locator(f"tr.cand[data-employee='{world.other}']")
                assert await other.locator(".asked").count() == 0
                await row.locator("input[name=tmt]").fill(tmt)
                await row.locator("input[name=rationale]").fill("Penguatan TI.")
                await row.locator("button[name=add]").click()
                await row.locator("textarea[name=override]").wait_for(state="visible")
                assert await row.locator("li[data-outcome=blocking]").count() >= 1
                await page.screenshot(path=ARTIFACTS / f"dashboard-needs-reason-{backend}.png")
                await row.locator("textarea[name=override]").fill("Kebutuhan mendesak.")
                await row.locator("button[name=add]").click()
                await page.wait_for_selector(
                    f"tr.cand[data-employee='{world.aspiring}'][data-added]"
                )
                await page.screenshot(path=ARTIFACTS / f"dashboard-added-{backend}.png")

                await page.click("#tab-surveys")
                await page.wait_for_selector("select[name=survey]")
                await page.select_option("select[name=survey]", label="Iklim kerja")
                await page.wait_for_selector("#rate")
                await page.wait_for_selector(".panel .bar")
                assert await page.locator(".panel .bar").count() >= 5
                await page.screenshot(path=ARTIFACTS / f"dashboard-surveys-{backend}.png")

                await page.click("#tab-deliveries")
                await page.wait_for_selector("table tbody tr[data-id]")
                assert await page.locator("table tbody tr[data-id]").count() == 1
                await page.screenshot(path=ARTIFACTS / f"dashboard-deliveries-{backend}.png")
            finally:
                await browser.close()
        async with harness.services.db.transaction() as session:
            move = (await session.execute(select(PlanMove))).scalar_one()
        assert (move.plan_id, move.employee_id) == (world.plans[0], world.aspiring)
        assert move.override_reason == "Kebutuhan mendesak."
