"""The shared audience picker of the HR sending flows (/umumkan, survey sending).

HR chooses everyone, some units (typed letters, fuzzy-matched, toggled with buttons) or a
role; the picker counts the recipients and hands the audience spec to the flow's own
confirmation. Each flow gives its flow name, its text keys and its typed button classes
(``bot.delivery.buttons.PickerButtons``); the draft lives in the HR user's conversation
state, so buttons act only on the presser's own draft. The rules (counting, unit search)
are ``bot.delivery.picker``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application

from bot.callback_data import CallbackDataError
from bot.delivery import picker
from bot.delivery.buttons import (
    BaseAudience,
    ChooseAudience,
    ChooseRole,
    PickerButtons,
    Role,
    ToggleUnit,
    UnitsDone,
)
from bot.messages import Button, OutgoingMessage
from handlers.buttons import add_button
from handlers.context import services_of
from handlers.dates import date_example
from handlers.flows import Accepts, expect_text
from handlers.request import Request, escape_html
from storage.models import ConversationState

BASE_KINDS: tuple[BaseAudience, ...] = ("all", "units", "role")
ROLES: tuple[Role, ...] = ("hr", "approver", "employee")
ConfirmFn = Callable[[Request, ConversationState, dict[str, Any], int], Awaitable[None]]


@dataclass(frozen=True)
class AudienceTexts:
    """The text keys one flow uses for the picker."""

    stale: str
    audiences: Mapping[BaseAudience, str]  # audience kind -> button label key
    roles: Mapping[str, str]  # role -> label key
    choose_role: str
    ask_unit: str
    unit_none: str
    unit_matches: str
    btn_units_done: str
    no_units: str
    no_recipients: str


@dataclass(frozen=True)
class AudiencePicker:
    """Audience steps and buttons of one flow, parametrised by flow name, texts and buttons."""

    flow: str
    texts: AudienceTexts
    buttons: PickerButtons
    then: ConfirmFn  # shows the flow's confirmation for (spec, count)
    audience_steps: tuple[str, ...] = ("audience", "confirm", "units")
    extra_audiences: Mapping[Any, str] = field(default_factory=dict)  # kind -> label key
    on_empty: Callable[[Request], None] | None = None

    def register(
        self, app: Application[Any, Any, Any, Any, Any, Any], roles: Collection[str]
    ) -> None:
        """Route this flow's picker buttons and its unit step (``roles`` only)."""
        add_button(app, self.buttons.audience, self.audience_pressed, roles=roles)
        add_button(app, self.buttons.role, self.role_pressed, roles=roles)
        add_button(app, self.buttons.unit, self.unit_pressed, roles=roles)
        add_button(app, self.buttons.units_done, self.units_done_pressed, roles=roles)
        flow = services_of(app).flows.flow(self.flow)
        flow.on("units", self.units_step, accepts=Accepts.TEXT, roles=roles)

    async def draft(self, request: Request, *steps: str) -> ConversationState | None:
        """The presser's own draft when it is at one of ``steps``; else say it is stale."""
        state = await request.get_state()
        if state is None or state.flow != self.flow or (steps and state.step not in steps):
            request.answer(request.t(self.texts.stale), alert=True)
            return None
        return state

    def audience_buttons(self, request: Request) -> list[tuple[Button, ...]]:
        """One button row per base audience kind."""
        return [
            (Button(request.t(self.texts.audiences[kind]), self.buttons.audience(kind)),)
            for kind in BASE_KINDS
        ]

    async def audience_pressed(self, request: Request, data: ChooseAudience) -> None:
        """Audience button: everyone, units (typed, fuzzy-picked) or a role (buttons)."""
        state = await self.draft(request, *self.audience_steps)
        if state is None:
            return
        request.answer()
        if data.kind == "all":
            await self.confirm(request, state, {"kind": "all"})
        elif data.kind == "units":
            await request.set_state(self.flow, "units", {**state.data, "unit_ids": []})
            request.reply_key(self.texts.ask_unit, chosen="-")
        else:
            rows = [(Button(request.t(self.texts.roles[r]), self.buttons.role(r)),) for r in ROLES]
            request.send(OutgoingMessage(request.t(self.texts.choose_role), tuple(rows)))

    async def role_pressed(self, request: Request, data: ChooseRole) -> None:
        """Role button."""
        state = await self.draft(request, "audience", "confirm")
        if state is not None:
            request.answer()
            await self.confirm(request, state, {"kind": "role", "role": data.role})

    async def units_done_pressed(self, request: Request, _data: UnitsDone) -> None:
        """ "Done" under the unit buttons: confirm the chosen units."""
        state = await self.draft(request, "units")
        if state is None:
            return
        request.answer()
        spec = await picker.units_audience(request.session, _unit_ids(state))
        if spec is None:
            request.reply_key(self.texts.no_units)
            return
        await self.confirm(request, state, spec)

    async def units_step(self, request: Request, state: ConversationState) -> None:
        """Typed letters of a unit name: offer the best fuzzy matches as toggle buttons."""
        query = expect_text(request, max_len=100)
        if query is None:
            return
        matches = await picker.find_units(request.session, query)
        if not matches:
            request.reply_key(self.texts.unit_none, query=escape_html(query))
            return
        chosen = await picker.unit_names(request.session, _unit_ids(state))
        rows = [(Button(name[:60], self.buttons.unit(unit_id)),) for unit_id, name in matches]
        rows.append((self._done_button(request),))
        chosen_text = escape_html(", ".join(chosen) or "-")
        text = request.t(self.texts.unit_matches, chosen=chosen_text)
        request.send(OutgoingMessage(text, tuple(rows)))

    async def unit_pressed(self, request: Request, data: ToggleUnit) -> None:
        """Add or remove a unit from the draft's audience."""
        state = await self.draft(request, "units")
        if state is None:
            return
        ids = await picker.toggle_unit(request.session, _unit_ids(state), data.unit_id)
        if ids is None:
            raise CallbackDataError("unknown unit")
        await request.set_state(self.flow, "units", {**state.data, "unit_ids": ids})
        names = ", ".join(await picker.unit_names(request.session, ids)) or "-"
        request.answer(names[:190])
        text = request.t(self.texts.ask_unit, chosen=escape_html(names))
        request.send(OutgoingMessage(text, ((self._done_button(request),),)))

    async def confirm(
        self, request: Request, state: ConversationState, spec: dict[str, Any]
    ) -> None:
        """Count the recipients: none, back to the audience step; else the flow's confirmation."""
        count = await picker.count_recipients(request.session, spec)
        if count == 0:
            await request.set_state(self.flow, "audience", {**state.data, "unit_ids": []})
            request.reply_key(self.texts.no_recipients)
            if self.on_empty is not None:
                self.on_empty(request)
            return
        await request.set_state(
            self.flow, "confirm", {**state.data, "audience": spec, "count": count}
        )
        await self.then(request, state, spec, count)

    async def ask_when(self, request: Request, key: str) -> None:
        """Confirmed draft: go to the ``when`` step and ask for a local time (text ``key``)."""
        state = await self.draft(request, "confirm")
        if state is None:
            return
        request.answer()
        await request.set_state(self.flow, "when", dict(state.data))
        request.reply_key(key, tz=request.settings.timezone, example=example_time(request))

    async def abort(self, request: Request, key: str) -> None:
        """Drop the draft at any step; the pressed message says so (text ``key``)."""
        if await self.draft(request) is None:
            return
        request.answer()
        await request.clear_state()
        request.edit_or_reply(request.t(key))

    def describe(self, request: Request, spec: dict[str, Any]) -> str:
        """A short human description of an audience spec."""
        kind = spec.get("kind")
        if kind == "units":
            return ", ".join(spec.get("names") or [])
        if kind == "role":
            return request.t(self.texts.roles[str(spec.get("role"))])
        if kind in self.extra_audiences:
            return f"{request.t(self.extra_audiences[str(kind)])} #{spec.get('id')}"
        return request.t(self.texts.audiences["all"])

    def _done_button(self, request: Request) -> Button:
        """The "done choosing units" button."""
        return Button(request.t(self.texts.btn_units_done), self.buttons.units_done())


def _unit_ids(state: ConversationState) -> list[int]:
    """The units chosen so far in a draft."""
    return [int(i) for i in state.data.get("unit_ids") or []]


def example_time(request: Request) -> str:
    """Tomorrow 08.00 in the bot's time zone, as an example of a typed send time."""
    return date_example(request, with_time=True)
