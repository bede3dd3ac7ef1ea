"""/rekomendasi: open positions that fit the employee, with reasons and "add to aspiration".

Also holds shared helpers for the HR views in ``handlers.matching_hr``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from telegram.ext import Application

from bot.aspirations import draft as d
from bot.aspirations.rules import MAX_PREFERENCES
from bot.callback_data import CallbackData
from bot.conversations import RESUME_STEP
from bot.matching import service_employee as recommending
from bot.matching.explain import explanation_lines
from bot.matching.service import Match
from bot.matching.service_employee import Added, NotAdded, OpenDraft, Refusal
from bot.messages import Button, OutgoingMessage
from handlers import aspirations_steps as asp_steps
from handlers.aspirations_common import refuse_no_window
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.flows import PAUSED, resume_step
from handlers.request import Request
from handlers.request import escape_html as esc

MAX_MESSAGE = 4096
SAFE_MESSAGE = 3900  # room for the "…and N more" line
TOP_RECOMMENDATIONS = 5
REFUSAL_KEYS: dict[Refusal, str] = {
    "closed": "match.closed",
    "busy": "match.rec.busy",
    "has_aspiration": "match.rec.has_aspiration",
    "not_for_unit": "match.rec.not_for_unit",
    "already": "match.rec.already",
    "full": "match.rec.full",
    "rotation_other_unit": "match.rec.rotation_other_unit",
}


@dataclass(frozen=True)
class AddRecommended(CallbackData, prefix="recommend-add"):
    """Add a recommended open position to the aspiration draft."""

    position_pk: int


def fit_message(head: str, blocks: Sequence[str], more: Callable[[int], str]) -> str:
    """``head`` plus as many ``blocks`` as fit in one message, then ``more(left_out)``."""
    text = head
    for i, block in enumerate(blocks):
        if len(text) + len(block) + 2 > SAFE_MESSAGE:
            return text + "\n\n" + more(len(blocks) - i)
        text += "\n\n" + block
    return text[:MAX_MESSAGE]


def join_limited(request: Request, head: str, blocks: Sequence[str]) -> str:
    """:func:`fit_message` with the translated "…and N more" line."""
    return fit_message(head, blocks, lambda count: request.t("match.more", count=count))


def reasons(request: Request, match: Match) -> str:
    """The explanation lines of one match, as bullet points."""
    lines = explanation_lines(match.explanation, match.employee, match.position, request.locale)
    return "\n".join("• " + esc(line) for line in lines)


async def rekomendasi_cmd(request: Request) -> None:
    """Show the employee's top open positions with reasons and add-to-aspiration buttons."""
    employee = request.employee
    assert employee is not None
    request.typing()
    state = await request.get_state()
    draft = dict(state.data) if state is not None and state.flow == asp_steps.FLOW else None
    found = await recommending.recommend(
        request.services.matching, request.session, employee, draft, TOP_RECOMMENDATIONS
    )
    rec = found.recommendation
    if not rec.competences:
        text = request.t("match.rec.vague")
        if rec.unplaced:
            unplaced = ", ".join(rec.unplaced)[:300]
            text += "\n\n" + request.t("match.rec.unplaced", items=esc(unplaced))
        request.reply(text)
        return
    skills = esc(", ".join(rec.competences))
    if rec.open_positions == 0:
        request.reply_key("match.rec.no_positions")
        return
    if not rec.matches:
        request.reply_key("match.rec.none", skills=skills)
        return
    blocks, buttons = [], []
    for n, (match, pk) in enumerate(zip(rec.matches, found.position_pks, strict=True), start=1):
        spec = match.position
        head = request.t(
            "match.rec.item", n=n, title=esc(spec.title), unit=esc(spec.unit),
            code=esc(spec.position_id), percent=round(match.score * 100),
        )  # fmt: skip
        blocks.append(head + "\n" + reasons(request, match))
        if pk is not None:
            buttons.append((Button(request.t("match.rec.btn_add", n=n), AddRecommended(pk)),))
    text = join_limited(request, request.t("match.rec.title", skills=skills), blocks)
    request.send(OutgoingMessage(text, tuple(buttons)))


async def add_pressed(request: Request, data: AddRecommended) -> None:
    """Add a recommended position to the employee's aspiration draft and continue it."""
    request.answer()
    employee = request.employee
    assert employee is not None
    state = await request.get_state()
    in_draft = state is not None and state.flow == asp_steps.FLOW
    draft = None
    if state is not None and in_draft:
        kept = {k: v for k, v in state.data.items() if k != RESUME_STEP}
        draft = OpenDraft(kept, resume_step(state, d.ELIG))
    now = request.now()
    result = await recommending.add_to_aspiration(
        request.session, now, request.settings, employee, data.position_pk,
        draft=draft, busy=state is not None and not in_draft and state.step != PAUSED,
    )  # fmt: skip
    if isinstance(result, NotAdded):
        request.reply_key(REFUSAL_KEYS[result.reason], max=MAX_PREFERENCES)
    elif isinstance(result, Added):
        request.reply_key(
            "match.rec.added", title=esc(result.title), unit=esc(result.unit), n=result.count
        )
        await asp_steps.goto(request, result.step, result.draft)
    else:
        await refuse_no_window(request, now)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /rekomendasi and its buttons."""
    add_command(
        app,
        "rekomendasi",
        rekomendasi_cmd,
        description_key="cmd.rekomendasi",
        menu_key="menu.rekomendasi",
    )
    add_button(app, AddRecommended, add_pressed, linked=True)
