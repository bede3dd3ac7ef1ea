"""The shared audience picker of the HR sending flows (/umumkan, survey sending).

HR chooses everyone, some units (typed letters, fuzzy-matched, toggled with buttons) or a
role; the picker counts the recipients and hands the audience spec to the flow's own
confirmation. Each flow gives its flow name and its text keys; the draft lives in the HR
user's conversation state, so buttons act only on the presser's own draft.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot import callback_data as cb
from bot.delivery.audience import ROLES
from bot.unit_search import NameIndex
from handlers.flows import expect_text
from handlers.request import Request, keyboard
from storage.models import ConversationState, Unit
from storage.queries import conversation
from storage.queries import delivery as dq

MAX_UNIT_BUTTONS = 5
BASE_KINDS = ("all", "units", "role")

ConfirmFn = Callable[[Request, ConversationState, dict[str, Any], int], Awaitable[None]]


@dataclass(frozen=True)
class AudienceTexts:
    """Text keys of one flow's picker (``aud`` selects on ``$kind``, ``role`` on ``$role``)."""

    stale: str
    aud: str
    role: str
    choose_role: str
    ask_unit: str
    unit_none: str
    unit_matches: str
    btn_units_done: str
    no_units: str
    no_recipients: str


@dataclass(frozen=True)
class AudiencePicker:
    """Audience steps and buttons of one flow, parametrised by flow name and text keys."""

    flow: str
    texts: AudienceTexts
    escape: Callable[[str], str]
    audience_steps: tuple[str, ...] = ("audience", "confirm", "units")
    extra_audiences: Mapping[str, str] = field(default_factory=dict)
    on_empty: Callable[[Request], None] | None = None

    async def draft(self, request: Request, *steps: str) -> ConversationState | None:
        """The presser's own draft when it is at one of ``steps``; else say it is stale."""
        state = await conversation.get_state(request.session, request.telegram_id)
        if state is None or state.flow != self.flow or (steps and state.step not in steps):
            request.answer(request.t(self.texts.stale), alert=True)
            return None
        return state

    def audience_rows(self, request: Request) -> list[list[tuple[str, str]]]:
        """One button row per base audience kind."""
        return [
            [(request.t(self.texts.aud, kind=kind), cb.build(self.flow, "aud", kind))]
            for kind in BASE_KINDS
        ]

    async def handle(self, request: Request, data: cb.CallbackData, confirm: ConfirmFn) -> bool:
        """Handle a picker button (aud / role / unit / units_done); False for other actions."""
        action = data.action
        if action == "aud":
            await self.choose_audience(request, data.arg(0), confirm)
        elif action == "role":
            await self._choose_role(request, data.arg(0), confirm)
        elif action == "unit":
            await self._toggle_unit(request, data.int_arg(0))
        elif action == "units_done":
            await self._units_done(request, confirm)
        else:
            return False
        return True

    async def choose_audience(self, request: Request, kind: str, confirm: ConfirmFn) -> None:
        """Audience button: everyone, units (typed, fuzzy-picked) or a role (buttons)."""
        state = await self.draft(request, *self.audience_steps)
        if state is None:
            return
        request.answer()
        if kind == "all":
            await self.confirm(request, state, {"kind": "all"}, confirm)
        elif kind == "units":
            await request.set_state(self.flow, "units", {**state.data, "unit_ids": []})
            request.reply_key(self.texts.ask_unit, chosen="-")
        elif kind == "role":
            rows = [
                [(request.t(self.texts.role, role=r), cb.build(self.flow, "role", r))]
                for r in ROLES
            ]
            request.reply(request.t(self.texts.choose_role), keyboard(rows))
        else:
            raise cb.CallbackDataError("unknown audience")

    async def _choose_role(self, request: Request, role: str, confirm: ConfirmFn) -> None:
        """Role button."""
        if role not in ROLES:
            raise cb.CallbackDataError("unknown role")
        state = await self.draft(request, "audience", "confirm")
        if state is not None:
            request.answer()
            await self.confirm(request, state, {"kind": "role", "role": role}, confirm)

    async def _units_done(self, request: Request, confirm: ConfirmFn) -> None:
        """ "Done" under the unit buttons: confirm the chosen units."""
        state = await self.draft(request, "units")
        if state is None:
            return
        request.answer()
        unit_ids = [int(i) for i in state.data.get("unit_ids") or []]
        if not unit_ids:
            request.reply_key(self.texts.no_units)
            return
        names = await unit_names(request, unit_ids)
        spec = {"kind": "units", "unit_ids": unit_ids, "names": names}
        await self.confirm(request, state, spec, confirm)

    async def units_step(self, request: Request, state: ConversationState) -> None:
        """Typed letters of a unit name: offer the best fuzzy matches as toggle buttons."""
        query = expect_text(request, max_len=100)
        if query is None:
            return
        rows_of_units = select(Unit.id, Unit.name).order_by(Unit.name)
        units = list((await request.session.execute(rows_of_units)).all())
        matches = NameIndex([name for _, name in units]).search(query, limit=MAX_UNIT_BUTTONS)
        if not matches:
            request.reply_key(self.texts.unit_none, query=self.escape(query))
            return
        chosen = await unit_names(request, [int(i) for i in state.data.get("unit_ids") or []])
        rows = [
            [(units[m.index][1][:60], cb.build(self.flow, "unit", units[m.index][0]))]
            for m in matches
        ]
        rows.append([(request.t(self.texts.btn_units_done), cb.build(self.flow, "units_done"))])
        text = request.t(self.texts.unit_matches, chosen=self.escape(", ".join(chosen) or "-"))
        request.reply(text, keyboard(rows))

    async def _toggle_unit(self, request: Request, unit_id: int) -> None:
        """Add or remove a unit from the draft's audience."""
        state = await self.draft(request, "units")
        if state is None:
            return
        if await request.session.get(Unit, unit_id) is None:
            raise cb.CallbackDataError("unknown unit")
        ids = [int(i) for i in state.data.get("unit_ids") or []]
        ids = [i for i in ids if i != unit_id] if unit_id in ids else [*ids, unit_id]
        await request.set_state(self.flow, "units", {**state.data, "unit_ids": ids})
        names = ", ".join(await unit_names(request, ids)) or "-"
        request.answer(names[:190])
        request.reply(
            request.t(self.texts.ask_unit, chosen=self.escape(names)),
            keyboard([[(request.t(self.texts.btn_units_done), cb.build(self.flow, "units_done"))]]),
        )

    async def confirm(
        self, request: Request, state: ConversationState, spec: dict[str, Any], then: ConfirmFn
    ) -> None:
        """Count the recipients; back to the audience step when none, else call ``then``."""
        count = len(await dq.resolve_audience(request.session, spec))
        if count == 0:
            await request.set_state(self.flow, "audience", {**state.data, "unit_ids": []})
            request.reply_key(self.texts.no_recipients)
            if self.on_empty is not None:
                self.on_empty(request)
            return
        data = {**state.data, "audience": spec, "count": count}
        await request.set_state(self.flow, "confirm", data)
        await then(request, state, spec, count)

    def describe(self, request: Request, spec: dict[str, Any]) -> str:
        """A short human description of an audience spec."""
        kind = spec.get("kind")
        if kind == "units":
            return ", ".join(spec.get("names") or [])
        if kind == "role":
            return request.t(self.texts.role, role=str(spec.get("role")))
        if kind in self.extra_audiences:
            return f"{request.t(self.extra_audiences[str(kind)])} #{spec.get('id')}"
        return request.t(self.texts.aud, kind="all")


def example_time(request: Request) -> str:
    """Tomorrow 08:00 in the bot's time zone, as an example of a typed send time."""
    return (datetime.now(request.settings.tz) + timedelta(days=1)).strftime("%Y-%m-%d 08:00")


async def unit_names(request: Request, unit_ids: list[int]) -> list[str]:
    """Names of the chosen units, in choice order."""
    names = []
    for unit_id in unit_ids:
        unit = await request.session.get(Unit, unit_id)
        if unit is not None:
            names.append(unit.name)
    return names
