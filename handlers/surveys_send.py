"""HR sends a survey in chat: /survei → "Kirim" → audience → count → now or a local time.

The draft (survey id, chosen units, audience, count) lives in the HR user's conversation
state (``svs`` flow), so buttons act only on the presser's own draft, and every button is
re-checked for the ``hr`` role. Sending goes through :func:`bot.surveys.sending.send_survey`,
the same function the ``asn-bot survey send`` command calls.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.delivery.audience import ROLES, AudienceError
from bot.delivery.compose import parse_local_time
from bot.surveys.sending import TIME_FORMAT, SendError, send_survey
from bot.unit_search import NameIndex
from handlers.base import handler
from handlers.flows import expect_text
from handlers.request import Request, keyboard
from storage.models import ConversationState, Unit
from storage.models.surveys import Survey
from storage.queries import audit, conversation
from storage.queries import delivery as dq
from storage.queries import surveys as q

FLOW = "svs"
HR = ("hr",)
MAX_UNIT_BUTTONS = 5


def send_button(request: Request, survey_id: int) -> tuple[str, str]:
    """The "send" button of one survey in the /survei list."""
    return request.t("survey.btn_send_to", id=survey_id), cb.build(FLOW, "pick", survey_id)


async def _draft(request: Request, *steps: str) -> ConversationState | None:
    """The presser's own sending draft at one of ``steps``; else say the button is stale."""
    state = await conversation.get_state(request.session, request.telegram_id)
    if state is None or state.flow != FLOW or (steps and state.step not in steps):
        request.answer(request.t("survey.send_stale"), alert=True)
        return None
    return state


def _ask_audience(request: Request, title: str) -> None:
    """The audience buttons."""
    rows = [
        [(request.t(f"survey.aud_{kind}"), cb.build(FLOW, "aud", kind))]
        for kind in ("all", "units", "role")
    ]
    rows.append([(request.t("survey.btn_abort"), cb.build(FLOW, "abort"))])
    text = request.t("survey.send_choose_audience", title=html.escape(title))
    request.reply(text, keyboard(rows))


async def _pick(request: Request, survey_id: int) -> None:
    """Start a sending of ``survey_id``."""
    survey = await request.session.get(Survey, survey_id)
    if survey is None:
        request.answer(request.t("survey.unknown_survey"), alert=True)
        return
    request.answer()
    await request.set_state(FLOW, "audience", {"survey_id": survey.id, "unit_ids": []})
    _ask_audience(request, q.definition_of(survey).title_in(request.locale))


async def send_callback(request: Request) -> None:
    """Every button of the sending flow (HR only, on the presser's own draft)."""
    query = request.update.callback_query
    data = cb.parse(query.data if query else None)
    action = data.action
    if action == "pick":
        await _pick(request, data.int_arg(0))
    elif action == "aud":
        await _choose_audience(request, data.arg(0))
    elif action == "role":
        role = data.arg(0)
        if role not in ROLES:
            raise cb.CallbackDataError("unknown role")
        state = await _draft(request, "audience", "confirm")
        if state is not None:
            request.answer()
            await _confirm(request, state, {"kind": "role", "role": role})
    elif action == "unit":
        await _toggle_unit(request, data.int_arg(0))
    elif action == "units_done":
        state = await _draft(request, "units")
        if state is None:
            return
        request.answer()
        unit_ids = [int(i) for i in state.data.get("unit_ids") or []]
        if not unit_ids:
            request.reply_key("survey.send_no_units")
            return
        names = await _unit_names(request, unit_ids)
        await _confirm(request, state, {"kind": "units", "unit_ids": unit_ids, "names": names})
    elif action in ("now", "sched", "abort"):
        await _final_action(request, action)
    else:
        raise cb.CallbackDataError("unknown action")


async def _choose_audience(request: Request, kind: str) -> None:
    """Audience button: everyone, units (typed, fuzzy-picked) or a role (buttons)."""
    state = await _draft(request, "audience", "confirm", "units")
    if state is None:
        return
    request.answer()
    if kind == "all":
        await _confirm(request, state, {"kind": "all"})
    elif kind == "units":
        await request.set_state(FLOW, "units", {**state.data, "unit_ids": []})
        request.reply_key("survey.send_ask_unit", chosen="-")
    elif kind == "role":
        rows = [[(request.t(f"survey.role_{r}"), cb.build(FLOW, "role", r))] for r in ROLES]
        request.reply(request.t("survey.send_choose_role"), keyboard(rows))
    else:
        raise cb.CallbackDataError("unknown audience")


async def units_step(request: Request, state: ConversationState) -> None:
    """Typed letters of a unit name: offer the best fuzzy matches as toggle buttons."""
    query = expect_text(request, max_len=100)
    if query is None:
        return
    units = list((await request.session.execute(select(Unit.id, Unit.name))).all())
    matches = NameIndex([name for _, name in units]).search(query, limit=MAX_UNIT_BUTTONS)
    if not matches:
        request.reply_key("survey.send_unit_none", query=html.escape(query))
        return
    chosen = await _unit_names(request, [int(i) for i in state.data.get("unit_ids") or []])
    rows = [[(units[m.index][1][:60], cb.build(FLOW, "unit", units[m.index][0]))] for m in matches]
    rows.append([(request.t("survey.btn_units_done"), cb.build(FLOW, "units_done"))])
    request.reply(
        request.t("survey.send_unit_matches", chosen=html.escape(", ".join(chosen) or "-")),
        keyboard(rows),
    )


async def _toggle_unit(request: Request, unit_id: int) -> None:
    """Add or remove a unit from the draft's audience."""
    state = await _draft(request, "units")
    if state is None:
        return
    if await request.session.get(Unit, unit_id) is None:
        raise cb.CallbackDataError("unknown unit")
    ids = [int(i) for i in state.data.get("unit_ids") or []]
    ids = [i for i in ids if i != unit_id] if unit_id in ids else [*ids, unit_id]
    await request.set_state(FLOW, "units", {**state.data, "unit_ids": ids})
    names = ", ".join(await _unit_names(request, ids)) or "-"
    request.answer(names[:190])
    request.reply(
        request.t("survey.send_ask_unit", chosen=html.escape(names)),
        keyboard([[(request.t("survey.btn_units_done"), cb.build(FLOW, "units_done"))]]),
    )


async def _confirm(request: Request, state: ConversationState, spec: dict[str, Any]) -> None:
    """Count the recipients now and offer send now / schedule / cancel."""
    count = len(await dq.resolve_audience(request.session, spec))
    if count == 0:
        await request.set_state(FLOW, "audience", {**state.data, "unit_ids": []})
        request.reply_key("survey.send_no_recipients")
        return
    await request.set_state(FLOW, "confirm", {**state.data, "audience": spec, "count": count})
    rows = [
        [(request.t("survey.btn_send_now"), cb.build(FLOW, "now"))],
        [(request.t("survey.btn_send_later"), cb.build(FLOW, "sched"))],
        [(request.t("survey.btn_abort"), cb.build(FLOW, "abort"))],
    ]
    text = request.t(
        "survey.send_confirm",
        id=state.data.get("survey_id"),
        count=count,
        audience=html.escape(describe(request, spec)),
    )
    request.reply(text, keyboard(rows))


def describe(request: Request, spec: dict[str, Any]) -> str:
    """A short human description of an audience spec."""
    kind = spec.get("kind")
    if kind == "units":
        return ", ".join(spec.get("names") or [])
    if kind == "role":
        return request.t(f"survey.role_{spec.get('role')}")
    return request.t("survey.aud_all")


async def _final_action(request: Request, action: str) -> None:
    """Send now, ask for a time, or abandon the draft."""
    state = await _draft(request, "confirm") if action != "abort" else await _draft(request)
    if state is None:
        return
    request.answer()
    if action == "abort":
        await request.clear_state()
        request.edit_or_reply(request.t("survey.send_aborted"))
    elif action == "sched":
        await request.set_state(FLOW, "when", dict(state.data))
        tz = request.settings.tz
        example = (datetime.now(tz) + timedelta(days=1)).strftime("%Y-%m-%d 08:00")
        request.reply_key("survey.send_ask_when", tz=request.settings.timezone, example=example)
    else:
        await _send(request, state, None)


async def when_step(request: Request, state: ConversationState) -> None:
    """The local opening time "YYYY-MM-DD HH:MM": validate, then schedule the sending."""
    text = expect_text(request, max_len=40)
    if text is None:
        return
    at = parse_local_time(text, request.settings.tz)
    if at is None:
        value, tz = html.escape(text), request.settings.timezone
        request.reply_key("survey.send_bad_time", value=value, tz=tz)
        return
    await _send(request, state, at)


async def _send(request: Request, state: ConversationState, at: datetime | None) -> None:
    """Create the round through the shared path and confirm with its id."""
    scheduler = request.services.extras.get("scheduler")
    if scheduler is None:
        request.reply_key("survey.send_unavailable")
        return
    try:
        sent = await send_survey(
            request.session,
            int(state.data["survey_id"]),
            dict(state.data["audience"]),
            schedule=scheduler.schedule,
            actor=audit.actor_of(request.telegram_id),
            now=scheduler.clock.now(),
            run_at=at,
            tz=request.settings.tz,
        )
    except (SendError, AudienceError) as exc:
        request.reply_key(exc.key, **exc.params)
        return
    await request.clear_state()
    tz = request.settings.tz
    key = "survey.send_done_later" if at is not None else "survey.send_done_now"
    request.reply_key(
        key,
        round=sent.round_id,
        id=sent.survey_id,
        count=sent.count,
        when=sent.run_at.astimezone(tz).strftime(TIME_FORMAT),
        closes=sent.closes_at.astimezone(tz).strftime(TIME_FORMAT),
        tz=request.settings.timezone,
    )


async def waiting_buttons_step(request: Request, _state: ConversationState) -> None:
    """Text typed while buttons are expected."""
    request.reply_key("survey.send_use_buttons")


async def _unit_names(request: Request, unit_ids: list[int]) -> list[str]:
    """Names of the chosen units, in choice order."""
    names = []
    for unit_id in unit_ids:
        unit = await request.session.get(Unit, unit_id)
        if unit is not None:
            names.append(unit.name)
    return names


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install the sending buttons and steps (HR only)."""
    app.add_handler(
        CallbackQueryHandler(handler(roles=HR)(send_callback), pattern=cb.pattern(FLOW))
    )
    flows = app.bot_data["services"].flows
    flows.on(FLOW, "units", units_step)
    flows.on(FLOW, "when", when_step)
    flows.on(FLOW, "audience", waiting_buttons_step)
    flows.on(FLOW, "confirm", waiting_buttons_step)
