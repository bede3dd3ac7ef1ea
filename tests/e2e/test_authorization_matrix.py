"""Authorization matrix: every entry point of the registries, tried by people without the role.

The entry points come from the registries the bot is built from: commands
(``services.commands.specs``), typed buttons (``services.commands.buttons``), conversation
steps (``services.flows.flows``) and the file upload outside a conversation. Everything that
is not on the short PUBLIC lists below is an HR or approver action; removing the role from
its registration makes these tests fail (the static test, and the refusal expected below).

Each privileged action is tried by a linked employee and by a stranger who never
registered: by command, by a forged button of every class (a valid payload built from the
field types, each ``Literal`` value once), and by a typed message at each step (the
conversation state is written straight into the database, the message is of a kind the
step accepts). An inactive employee tries every entry point, public ones included. All are
refused with the expected text, and nothing is written: every table holds the same rows
before and after, except the ``access.denied`` audit entries and the cleared conversations.
"""

from __future__ import annotations

import asyncio
import functools
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from sqlalchemy import select

from bot.app import build_application, services_of
from bot.callback_data import CallbackData
from bot.config import load_settings
from bot.emulator.client import EmulatedUser
from bot.harness import BotHarness
from bot.services.clock import Clock
from handlers.context import Services
from handlers.flows import Accepts
from storage.db import Database
from storage.models import Base
from storage.queries import conversation
from tests.e2e.security_world import World, seed_world
from tests.texts import shows

refused_with = functools.cache(shows)  # the same few refusal texts, over and over

PUBLIC_COMMANDS = frozenset(
    {"start", "menu", "help", "cancel", "bahasa", "profil", "rekomendasi", "aspirasi",
     "status", "usulan", "isi_survei", "tanya_bkpsdm"}
)  # fmt: skip
PUBLIC_BUTTONS = frozenset(
    {"registration-consent", "menu-open", "language-set", "recommend-add", "sv",
     "profile-add", "profile-list", "profile-edit", "profile-delete", "profile-export",
     "profile-unlink", "profile-unlink-confirm", "profile-back", "profile-page",
     "profile-list-page", "profile-restore",
     "aspiration-change", "aspiration-withdraw", "aspiration-withdraw-yes", "aspiration-continue",
     "aspiration-back", "aspiration-kind", "aspiration-unit-pick", "aspiration-unit-typed",
     "aspiration-prefs-done", "aspiration-position-pick", "aspiration-position-typed",
     "aspiration-position-any", "aspiration-reason", "aspiration-relocate",
     "aspiration-note-skip", "aspiration-edit", "aspiration-section", "aspiration-discard",
     "aspiration-send", "aspiration-pref-replace", "aspiration-pref-remove", "aspiration-pref-add",
     "flow-cancel",
     "consult-agree", "consult-note", "consult-object", "consult-category", "consult-ask",
     "survey-start", "survey-answer", "survey-toggle", "survey-options-done", "survey-skip",
     "survey-back", "survey-revise", "survey-submit",
     "followup-contact-yes", "followup-contact-no", "faq-show", "faq-menu",
     "general-question-ask"}
)  # fmt: skip
PUBLIC_FLOWS = frozenset({"registration", "profile", "asp", "kons", "survey", "tanya_bkpsdm"})
EMPLOYEES = list(range(8201, 8207))
INACTIVE = list(range(8301, 8306))
STRANGERS = list(range(8401, 8406))


@dataclass(frozen=True)
class Attempt:
    """One way in: a command, a forged button, a typed step or a file upload."""

    kind: Literal["command", "button", "step", "upload"]
    label: str
    privileged: bool
    data: str = ""  # command text or callback data
    flow: str = ""
    step: str = ""
    accepts: Accepts = Accepts.TEXT


def _samples(hint: Any) -> list[Any]:
    """Valid sample values of one callback field type."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return _samples(inner[0])
    if origin is Literal:
        return list(get_args(hint))
    if hint is bool:
        return [True, False]
    return [1] if hint is int else ["1"]


def payloads(data_cls: type[CallbackData]) -> list[str]:
    """Valid payloads of a button class: ids 1, every ``Literal`` value at least once."""
    hints = typing.get_type_hints(data_cls)
    options = [(f.name, _samples(hints[f.name])) for f in fields(data_cls)]  # type: ignore[arg-type]
    count = max((len(values) for _, values in options), default=1)
    return [
        data_cls(**{name: values[i % len(values)] for name, values in options}).pack()
        for i in range(count)
    ]


def attempts(services: Services) -> list[Attempt]:
    """Every entry point of the registries, marked privileged unless on the public lists."""
    found = [
        Attempt("command", f"/{name}", name not in PUBLIC_COMMANDS, data=f"/{name}")
        for name in services.commands.specs
    ]
    for prefix, spec in services.commands.buttons.items():
        privileged = prefix not in PUBLIC_BUTTONS
        found += [Attempt("button", d, privileged, data=d) for d in payloads(spec.data_cls)]
    for name, flow in services.flows.flows.items():
        for step_name, step in flow.steps.items():
            label = f"{name}/{step_name}"
            privileged = name not in PUBLIC_FLOWS
            found.append(
                Attempt("step", label, privileged, flow=name, step=step_name, accepts=step.accepts)
            )
    if services.flows.document_without_flow is not None:
        found.append(Attempt("upload", "document outside a conversation", True))
    return found


def registered_roles(services: Services, attempt: Attempt) -> frozenset[str]:
    """The roles the registry declares for an entry point."""
    if attempt.kind == "command":
        return services.commands.specs[attempt.data[1:]].roles
    if attempt.kind == "button":
        return services.commands.buttons[attempt.data.split(":")[0]].roles
    if attempt.kind == "step":
        flow = services.flows.flows[attempt.flow]
        return flow.roles_of(flow.steps[attempt.step])
    return frozenset({"hr"})  # imports: checked by handlers.imports.document_received


def test_every_entry_point_is_public_or_declares_roles(tmp_path: Path) -> None:
    """Privileged entry points declare roles; public ones declare none (the lists are exact)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'unused.sqlite3'}"
    settings = load_settings(telegram_bot_token="1:static", database_url=url, _env_file=None)
    services = services_of(build_application(settings, migrate=False, clock=Clock()))
    found = attempts(services)
    assert sum(a.privileged for a in found) > 100
    for attempt in found:
        roles = registered_roles(services, attempt)
        assert bool(roles) == attempt.privileged, (
            f"{attempt.label} declares roles {sorted(roles)}: an entry point open to everyone "
            "(or to employees) is listed in PUBLIC_*, every other one declares its roles"
        )


# --- the matrix, run against the real bot -----------------------------------------------------


async def table_rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, except refusal audit entries, conversation states and the
    instances' own bookkeeping (lease heartbeats, repeating-job ticks)."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    async with db.transaction() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in ("conversation_states", "instances", "periodic_runs"):
                continue
            stmt = select(table).order_by(*table.primary_key.columns)
            if "action" in table.c and table.name.startswith("audit"):
                stmt = stmt.where(table.c.action != "access.denied")
            rows[table.name] = [tuple(row) for row in (await session.execute(stmt)).all()]
    return rows


@dataclass
class Actor:
    """One user trying a slice of the matrix, and the refusals expected of them."""

    user: EmulatedUser
    inactive: bool
    pressed: int = 0  # callback answers received so far
    last_read: int = 0  # id of the newest bot message read

    def expected(self, attempt: Attempt) -> str:
        """The text key of the refusal this actor must get."""
        if self.inactive:
            return "common.inactive"
        return {"step": "common.step_not_allowed", "upload": "import.hr_only"}.get(
            attempt.kind, "common.not_allowed"
        )


async def _type_at_step(harness: BotHarness, actor: Actor, attempt: Attempt) -> None:
    """Put the actor at the step in the database and send a message the step accepts."""
    user = actor.user
    async with harness.services.db.transaction() as session:
        await conversation.set_state(session, user.id, attempt.flow, attempt.step, {})
    if Accepts.DOCUMENT in attempt.accepts:
        await user.upload(b"nip,nama\n1,x\n", filename="data.csv")
    elif Accepts.PHOTO in attempt.accepts:
        await user.send_photo()
    elif Accepts.CONTACT in attempt.accepts and Accepts.TEXT not in attempt.accepts:
        await user.share_contact("+6281100000000")
    else:
        await user.send("Teks uji 2027-01-01")


async def _refused_step(harness: BotHarness, actor: Actor, attempt: Attempt) -> None:
    """After a refused step the conversation is gone (inactive: left as it was)."""
    async with harness.services.db.transaction() as session:
        state = await conversation.get_state(session, actor.user.id)
        if actor.inactive:
            assert state is not None and (state.flow, state.step) == (attempt.flow, attempt.step)
            await conversation.clear_state(session, actor.user.id)
        else:
            assert state is None, attempt.label


async def _try(harness: BotHarness, actor: Actor, attempt: Attempt) -> None:
    """Try one entry point and check the refusal."""
    user, key = actor.user, actor.expected(attempt)
    if attempt.kind == "command":
        await user.send(attempt.data)
    elif attempt.kind == "upload":
        await user.upload(b"nip,nama\n1,x\n", filename="roster.csv")
    elif attempt.kind == "step":
        await _type_at_step(harness, actor, attempt)
    else:
        sender = {"id": user.id, "first_name": user.first_name, "language_code": "id"}
        payload = {"from": sender, "data": attempt.data, "chat_id": user.chat_id}
        await harness.client.inject_update("callback_query", payload)
        actor.pressed += 1
        answer = (await user.callback_answers(actor.pressed))[-1]
        if not actor.inactive:
            assert refused_with(answer["text"] or "", key), (attempt.label, answer)
            return
    reply = await user.reply()
    actor.last_read = reply.message_id
    assert refused_with(reply.text, key), (attempt.label, reply.text)
    if attempt.kind == "step":
        await _refused_step(harness, actor, attempt)


async def _run_slice(harness: BotHarness, actor: Actor, slice_: Iterable[Attempt]) -> None:
    """Try the actor's attempts one after the other."""
    for attempt in slice_:
        await _try(harness, actor, attempt)


def _deal(actors: list[Actor], items: list[Attempt]) -> list[list[Attempt]]:
    """Share ``items`` round-robin among ``actors``."""
    return [items[i :: len(actors)] for i in range(len(actors))]


async def test_privileged_actions_are_refused(harness: BotHarness) -> None:
    """Employees, inactive employees and strangers are refused everywhere; nothing is written."""
    services = harness.services
    world: World = await seed_world(
        services.db,
        linked=EMPLOYEES,
        inactive=INACTIVE,
        strangers=STRANGERS,
        now=services.clock.now(),
    )
    await harness.client.register_chats([*EMPLOYEES, *INACTIVE, *STRANGERS])
    every = attempts(services)
    privileged = [a for a in every if a.privileged]
    groups = [
        ([Actor(harness.user(p.telegram_id), False) for p in world.linked], privileged),
        ([Actor(harness.user(p.telegram_id), True) for p in world.inactive], every),
        ([Actor(harness.user(tg), False) for tg in world.strangers], privileged),
    ]
    for actors, _ in groups:  # everyone has a chat with one bot message (a press needs one)
        for actor in actors:
            actor.last_read = (await actor.user.ask("/help")).message_id
    before = await table_rows(services.db)
    await asyncio.gather(
        *(
            _run_slice(harness, actor, slice_)
            for actors, items in groups
            for actor, slice_ in zip(actors, _deal(actors, items), strict=True)
        )
    )
    assert await table_rows(services.db) == before
    for actors, _ in groups:
        for actor in actors:
            unread = await harness.client.messages(actor.user.chat_id, after=actor.last_read)
            assert unread == [], [m.text for m in unread]
