"""The dashboard's JSON API on a real port: who is let in, and actions through the chat's services.

Launch data that is missing, forged, signed for another bot or too old is refused with 401;
a valid user without the role gets 403 on every endpoint; roles are loaded for each call, so
an action after the role was taken away is refused; an accept changes the database and the
employee reads the chat's notice.
"""

from __future__ import annotations

from datetime import timedelta

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.dashboard.routes import ROUTES
from bot.harness import BotHarness
from storage.models import Aspiration, AuditEntry, MoveRuleOverride, PlanMove
from storage.queries.users import revoke_role
from tests.conftest import APPROVER_ID, HR_ID
from tests.dashboard_support import (
    EMP_ID,
    OUTSIDER_ID,
    base_url,
    dashboard_bot,
    headers,
    seed_aspirations,
    seed_candidates,
    seed_plan,
    signed,
)
from tests.factories import UNITS
from tests.texts import shows

OTHER_BOT_TOKEN = "654321:ANOTHER-BOT-TOKEN"


def _concrete(path: str) -> str:
    """A route path with its placeholders filled in."""
    return path.replace(r"{fmt:csv|xlsx}", "csv").replace(r"{id:\d+}", "1")


async def _call(
    harness: BotHarness, method: str, path: str, init: str | None, body: object = None
) -> tuple[int, object]:
    """One API call; (status, JSON body or None)."""
    url = base_url(harness) + "api" + path
    auth = headers(init) if init is not None else {}
    async with (
        aiohttp.ClientSession() as http,
        http.request(method, url, headers=auth, json=body) as response,
    ):
        is_json = response.content_type == "application/json"
        return response.status, (await response.json() if is_json else None)


async def test_bad_launch_data_is_refused_with_401(db_url: str) -> None:
    """Missing, malformed, forged, other bot's and expired launch data: 401, nothing shown."""
    async with dashboard_bot(db_url) as harness:
        await seed_aspirations(harness)
        good = signed(harness, HR_ID)
        forged = good.replace("Uji", "Ujo")
        other_bot = signed(harness, HR_ID, token=OTHER_BOT_TOKEN)
        old = signed(harness, HR_ID, at=harness.services.clock.now() - timedelta(hours=2))
        for init in (None, "", "not-a-query", forged, other_bot, old):
            status, body = await _call(harness, "GET", "/aspirations", init)
            assert (status, body) == (401, {"error": "unauthorized"}), init
        status, body = await _call(harness, "GET", "/aspirations", good)
        assert status == 200 and isinstance(body, dict) and body["total"] == 3


async def test_max_age_is_configurable(db_url: str) -> None:
    """DASHBOARD_MAX_AGE decides how old signed data may be."""
    async with dashboard_bot(db_url, dashboard_max_age=7200) as harness:
        old = signed(harness, HR_ID, at=harness.services.clock.now() - timedelta(minutes=90))
        assert (await _call(harness, "GET", "/me", old))[0] == 200


async def test_employee_and_stranger_are_refused_on_every_endpoint(db_url: str) -> None:
    """A valid employee (or unknown user) gets 403 everywhere, audited, and nothing changes."""
    async with dashboard_bot(db_url) as harness:
        await seed_aspirations(harness)
        for user_id in (EMP_ID, OUTSIDER_ID):
            init = signed(harness, user_id)
            for method, path, _roles, _fn in ROUTES:
                body = {"decision": "accept"} if method == "POST" else None
                status, answer = await _call(harness, method, _concrete(path), init, body)
                assert (status, answer) == (403, {"error": "forbidden"}), (user_id, path)
        async with harness.services.db.transaction() as session:
            statuses = (await session.execute(select(Aspiration.status))).scalars().all()
            denied = await session.scalar(
                select(func.count()).where(AuditEntry.action == "access.denied")
            )
        assert set(statuses) == {"submitted"}
        assert denied == 2 * len(ROUTES)


async def test_approver_sees_plans_and_workload_only(db_url: str) -> None:
    """Approvers read the plan board and the workload; HR-only endpoints answer 403."""
    async with dashboard_bot(db_url) as harness:
        await seed_aspirations(harness)
        init = signed(harness, APPROVER_ID)
        for method, path, roles, _fn in ROUTES:
            body = {"decision": "verify"} if method == "POST" else None
            status, _ = await _call(harness, method, _concrete(path), init, body)
            assert status == (200 if "approver" in roles else 403), path


async def test_hr_filters_sorts_and_pages(db_url: str) -> None:
    """Filters are query parameters and the server pages the table."""
    async with dashboard_bot(db_url) as harness:
        await seed_aspirations(harness, extra=4)
        init = signed(harness, HR_ID)
        status, body = await _call(harness, "GET", "/aspirations?size=2&sort=-name", init)
        assert status == 200 and isinstance(body, dict)
        assert (body["total"], body["pages"], len(body["rows"])) == (5, 3, 2)
        names = [r["name"] for r in body["rows"]]
        assert names == sorted(names, reverse=True)
        _, rotation = await _call(harness, "GET", "/aspirations?kind=rotation", init)
        assert isinstance(rotation, dict) and rotation["total"] == 2
        assert {r["kind"] for r in rotation["rows"]} == {"rotation"}
        _, none = await _call(harness, "GET", "/aspirations?status=accepted", init)
        assert isinstance(none, dict) and none["total"] == 0


async def test_role_removed_after_page_load_refuses_the_action(db_url: str) -> None:
    """HR loads the table, loses the role, then presses accept: 403 and no change."""
    async with dashboard_bot(db_url) as harness:
        await seed_aspirations(harness)
        init = signed(harness, HR_ID)
        status, body = await _call(harness, "GET", "/aspirations", init)
        assert status == 200 and isinstance(body, dict)
        first = body["rows"][0]["id"]
        async with harness.services.db.transaction() as session:
            assert await revoke_role(session, HR_ID, "hr") == 1
        decision = {"decision": "accept"}
        status, _ = await _call(harness, "POST", f"/aspirations/{first}/decide", init, decision)
        assert status == 403
        async with harness.services.db.transaction() as session:
            aspiration = await session.get(Aspiration, first)
            assert aspiration is not None and aspiration.status == "submitted"


@pytest.mark.parametrize("decision", ["accept", "reject"])
async def test_decision_changes_db_and_tells_the_employee(db_url: str, decision: str) -> None:
    """A decision through the API is the chat's: status, then the chat's notice to the employee."""
    async with dashboard_bot(db_url) as harness:
        await seed_aspirations(harness)
        init = signed(harness, HR_ID)
        _, body = await _call(harness, "GET", "/aspirations?sort=id", init)
        assert isinstance(body, dict)
        target = next(r for r in body["rows"] if r["name"] == "Andi Saputra")
        path = f"/aspirations/{target['id']}/decide"
        if decision == "reject":  # a note is required, as in chat
            status, answer = await _call(harness, "POST", path, init, {"decision": "reject"})
            assert (status, answer) == (400, {"outcome": "needs_note"})
        note = "Formasi penuh." if decision == "reject" else ""
        status, answer = await _call(
            harness, "POST", path, init, {"decision": decision, "note": note}
        )
        assert status == 200 and isinstance(answer, dict) and answer["outcome"] == "decided"
        assert answer["notified"] is True
        status, _ = await _call(harness, "POST", path, init, {"decision": decision, "note": note})
        assert status == 409  # the state machine of the chat: not twice
        async with harness.services.db.transaction() as session:
            aspiration = await session.get(Aspiration, target["id"])
            assert aspiration is not None
            assert aspiration.status == ("accepted" if decision == "accept" else "rejected")
        await harness.advance(timedelta(minutes=3))  # past the accept's undo window
        await harness.settle()
        messages = await harness.client.messages(EMP_ID)
        assert any(shows(m.text, "asp.notify") for m in messages), [m.text for m in messages]


async def test_export_is_the_chat_export(db_url: str) -> None:
    """CSV and XLSX come from the chat's formula-safe export, audited."""
    async with dashboard_bot(db_url) as harness:
        await seed_aspirations(harness)
        init = signed(harness, HR_ID)
        url = base_url(harness) + "api/aspirations.csv"
        async with aiohttp.ClientSession() as http, http.get(url, headers=headers(init)) as r:
            assert r.status == 200 and "attachment" in r.headers["Content-Disposition"]
            text = (await r.read()).decode("utf-8-sig")
        assert "Andi Saputra" in text
        async with harness.services.db.transaction() as session:
            exported = await session.scalar(
                select(func.count()).where(AuditEntry.action == "aspiration.exported")
            )
        assert exported == 1


async def test_page_and_texts_are_served_without_data(db_url: str) -> None:
    """The page, its assets and its words are public and hold no data; texts in both locales."""
    async with dashboard_bot(db_url) as harness:
        root = base_url(harness)
        async with aiohttp.ClientSession() as http:
            for path in ("", "static/app.js", "static/chart.umd.min.js", "texts/en.json"):
                async with http.get(root + path) as response:
                    assert response.status == 200, path
            async with http.get(root + "texts/id.json") as response:
                words = await response.json()
            async with http.get(root + "texts/xx.json") as response:
                assert response.status == 404
        assert words["tab_aspirations"] == "Aspirasi"


async def test_plan_board_and_workload(db_url: str) -> None:
    """The board groups moves by status with their rules; the workload is before/after the plan."""
    async with dashboard_bot(db_url) as harness:
        ids = await seed_aspirations(harness)
        plan_id = await seed_plan(harness, ids[0])
        init = signed(harness, APPROVER_ID)
        status, body = await _call(harness, "GET", f"/plans?plan={plan_id}", init)
        assert status == 200 and isinstance(body, dict)
        plan = body["plan"]
        assert [c["status"] for c in plan["columns"]] == ["draft"]
        [move] = plan["columns"][0]["moves"]
        assert move["name"] == "Andi Saputra" and move["to_unit"] == UNITS[1]
        assert plan["approval"] == {"decided": 0, "waiting": 1, "total": 1}
        status, work = await _call(harness, "GET", f"/workload?plan={plan_id}", init)
        assert status == 200 and isinstance(work, dict)
        by_unit = {r["unit"]: r for r in work["rows"]}
        assert by_unit[UNITS[1]]["after"] == by_unit[UNITS[1]]["before"] + 1
        assert by_unit[UNITS[2]]["after"] == by_unit[UNITS[2]]["before"] - 1
        status, _ = await _call(harness, "GET", "/workload?plan=9999", init)
        assert status == 404


async def test_hr_reads_every_page(db_url: str) -> None:
    """Every GET endpoint answers HR with data of its page (empty pages included)."""
    async with dashboard_bot(db_url) as harness:
        await seed_aspirations(harness)
        init = signed(harness, HR_ID)
        for method, path, _roles, _fn in ROUTES:
            if method == "GET" and "{" not in path:
                status, _ = await _call(harness, method, path, init)
                assert status == 200, path
        _, surveys = await _call(harness, "GET", "/surveys", init)
        assert isinstance(surveys, dict)  # the packaged survey, no answers: no figures shown
        assert (surveys["survey"]["responses"], surveys["survey"]["overall"]) == (0, None)
        _, candidates = await _call(harness, "GET", "/candidates", init)
        assert isinstance(candidates, dict) and candidates["positions"] == []
        status, _ = await _call(harness, "GET", "/candidates?position=999", init)
        assert status == 404


async def test_dasbor_command_offers_the_mini_app(db_url: str) -> None:
    """/dasbor gives HR the web_app button when the public URL is set; else says it is not set."""
    url = "https://bkpsdm.example.go.id/dasbor/"
    async with dashboard_bot(db_url, dashboard_public_url=url) as harness:
        reply = await harness.user(HR_ID).ask("/dasbor")
        assert shows(reply.text, "dash.open")
        assert reply.raw["reply_markup"]["inline_keyboard"][0][0]["web_app"] == {"url": url}
    async with dashboard_bot(db_url) as harness:
        reply = await harness.user(APPROVER_ID).ask("/dasbor")
        assert shows(reply.text, "dash.not_configured")


async def test_add_to_a_chosen_draft_plan_with_a_reason(db_url: str) -> None:
    """Draf plans are listed latest first; a blocking rule answers needs_reason with the rule
    results and nothing is saved; resent with a reason the move lands in the plan chosen."""
    async with dashboard_bot(db_url) as harness:
        world = await seed_candidates(harness)
        init = signed(harness, HR_ID)
        status, drafts = await _call(harness, "GET", "/plans/drafts", init)
        assert status == 200 and isinstance(drafts, dict)
        assert [p["id"] for p in drafts["plans"]] == list(reversed(world.plans))
        _, ranked = await _call(harness, "GET", f"/candidates?position={world.position}", init)
        assert isinstance(ranked, dict)
        marks = {c["employee_id"]: c["asked_text"] for c in ranked["candidates"]}
        assert marks[world.aspiring].startswith("🙋") and marks.get(world.other, "") == ""
        tmt = (harness.services.clock.now().date() + timedelta(days=60)).isoformat()
        move = {"position": world.position, "employee": world.aspiring, "plan": world.plans[0],
                "tmt": tmt, "rationale": "Penguatan TI."}  # fmt: skip
        status, body = await _call(harness, "POST", "/plans/moves", init, move)
        assert status == 409 and isinstance(body, dict) and body["outcome"] == "needs_reason"
        assert any(p["outcome"] == "blocking" for p in body["problems"])
        async with harness.services.db.transaction() as session:
            assert await session.scalar(select(func.count()).select_from(PlanMove)) == 0
        move["override_reason"] = "Kebutuhan mendesak."
        status, body = await _call(harness, "POST", "/plans/moves", init, move)
        assert status == 200 and isinstance(body, dict) and body["outcome"] == "added"
        async with harness.services.db.transaction() as session:
            saved = await session.get(PlanMove, body["move"])
            assert saved is not None
            assert (saved.plan_id, saved.employee_id) == (world.plans[0], world.aspiring)
            reasons = (await session.execute(select(MoveRuleOverride.reason))).scalars().all()
        assert reasons and set(reasons) == {"Kebutuhan mendesak."}


async def test_add_to_a_plan_that_is_not_draft_is_refused(db_url: str) -> None:
    """A plan id that is not a Draf plan (or a role taken away) saves nothing."""
    async with dashboard_bot(db_url) as harness:
        world = await seed_candidates(harness)
        init = signed(harness, HR_ID)
        tmt = (harness.services.clock.now().date() + timedelta(days=60)).isoformat()
        move = {"position": world.position, "employee": world.other, "plan": 9999, "tmt": tmt}
        status, body = await _call(harness, "POST", "/plans/moves", init, move)
        assert (status, isinstance(body, dict) and body["outcome"]) == (409, "not_draft")
        async with harness.services.db.transaction() as session:
            await revoke_role(session, HR_ID, "hr")
        move["plan"] = world.plans[1]
        status, _ = await _call(harness, "POST", "/plans/moves", init, move)
        assert status == 403
        async with harness.services.db.transaction() as session:
            assert await session.scalar(select(func.count()).select_from(PlanMove)) == 0
