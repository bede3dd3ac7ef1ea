"""/profil: the employee's own data, self-declared skills, data export and unlinking."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from telegram.ext import Application, CallbackQueryHandler

from bot import callback_data as cb
from bot.privacy import mask_nip
from handlers.base import handler
from handlers.commands import add_command
from handlers.flows import expect_text
from handlers.request import Request, escape_html, keyboard
from storage.models import ConversationState, EmployeeSkill, Unit
from storage.queries import audit
from storage.queries.privacy import export_user_data, unlink_user

FLOW = "profile"
SKILL_MAX_LEN = 300
MAX_ITEMS = 30
KINDS = ("skill", "cert")


async def _skills(request: Request) -> list[EmployeeSkill]:
    """The employee's self-declared items."""
    assert request.employee is not None
    result = await request.session.execute(
        select(EmployeeSkill)
        .where(EmployeeSkill.employee_id == request.employee.id)
        .order_by(EmployeeSkill.id)
    )
    return list(result.scalars())


async def profile_cmd(request: Request) -> None:
    """Show the employee's own data and what they can do with it."""
    emp = request.employee
    assert emp is not None
    unit = await request.session.get(Unit, emp.unit_id) if emp.unit_id else None
    items = await _skills(request)
    lines = [
        request.t(
            "profile.card",
            name=emp.name,
            nip=mask_nip(emp.nip),
            unit=unit.name if unit else "-",
            position=emp.position_title or "-",
            rank=emp.rank or "-",
            education=" ".join(p for p in (emp.education_level, emp.education_major) if p) or "-",
            tmt=emp.position_tmt.strftime("%d-%m-%Y") if emp.position_tmt else "-",
        ),
        request.t("profile.roster_skills", skills=emp.roster_skills or "-"),
    ]
    if items:
        lines.append(request.t("profile.declared_header"))
        lines += [
            f"• {request.t('profile.kind', kind=i.kind)}: {escape_html(i.text)}" for i in items
        ]
    else:
        lines.append(request.t("profile.declared_none"))
    request.reply("\n".join(lines), _profile_keyboard(request))


def _profile_keyboard(request: Request) -> Any:
    """The actions of the profile card."""
    return keyboard(
        [
            [
                (request.t("profile.btn_add_skill"), cb.build("prof", "add", "skill")),
                (request.t("profile.btn_add_cert"), cb.build("prof", "add", "cert")),
            ],
            [(request.t("profile.btn_manage"), cb.build("prof", "list"))],
            [
                (request.t("profile.btn_export"), cb.build("prof", "export")),
                (request.t("profile.btn_unlink"), cb.build("prof", "unlink")),
            ],
        ]
    )


async def profile_callback(request: Request) -> None:
    """Handle every button of the profile card."""
    data = request.button()
    request.answer()
    action = data.action
    if action == "add":
        kind = data.arg(0)
        if kind not in KINDS:
            raise cb.CallbackDataError("unknown kind")
        if len(await _skills(request)) >= MAX_ITEMS:
            request.reply_key("profile.too_many", limit=MAX_ITEMS)
            return
        await request.set_state(FLOW, "text", {"kind": kind})
        request.reply_key("profile.ask_text", limit=SKILL_MAX_LEN)
    elif action == "list":
        await _manage_list(request)
    elif action in ("edit", "del"):
        await _edit_or_delete(request, action, data.int_arg(0))
    elif action == "export":
        await _export(request)
    elif action == "unlink":
        request.reply(
            request.t("profile.unlink_confirm"),
            keyboard(
                [
                    [(request.t("profile.btn_unlink_yes"), cb.build("prof", "unlink_yes"))],
                    [(request.t("common.btn_back"), cb.build("prof", "back"))],
                ]
            ),
        )
    elif action == "unlink_yes":
        await _unlink(request)
    elif action == "back":
        await profile_cmd(request)
    else:
        raise cb.CallbackDataError("unknown action")


async def _manage_list(request: Request) -> None:
    """List self-declared items with edit and delete buttons."""
    items = await _skills(request)
    if not items:
        request.reply_key("profile.declared_none")
        return
    rows = []
    for n, item in enumerate(items, start=1):
        rows.append(
            [
                (f"✏️ {n}", cb.build("prof", "edit", item.id)),
                (f"🗑 {n}", cb.build("prof", "del", item.id)),
            ]
        )
    text = "\n".join(f"{n}. {escape_html(i.text)}" for n, i in enumerate(items, start=1))
    request.reply(request.t("profile.manage_title") + "\n" + text, keyboard(rows))


async def _edit_or_delete(request: Request, action: str, item_id: int) -> None:
    """Edit or delete one item, after checking it belongs to this employee."""
    assert request.employee is not None
    item = await request.session.get(EmployeeSkill, item_id)
    if item is None or item.employee_id != request.employee.id:
        request.reply_key("common.stale_button")
        return
    if action == "del":
        await request.session.delete(item)
        request.reply_key("profile.deleted")
        return
    await request.set_state(FLOW, "text", {"kind": item.kind, "edit_id": item.id})
    request.reply_key("profile.ask_text", limit=SKILL_MAX_LEN)


async def text_step(request: Request, state: ConversationState) -> None:
    """Save the typed skill or certification."""
    assert request.employee is not None
    text = expect_text(request, max_len=SKILL_MAX_LEN)
    if text is None:
        return
    edit_id = state.data.get("edit_id")
    if edit_id is not None:
        item = await request.session.get(EmployeeSkill, int(edit_id))
        if item is None or item.employee_id != request.employee.id:
            await request.clear_state()
            request.reply_key("common.stale_button")
            return
        item.text = text
    else:
        kind = "certification" if state.data.get("kind") == "cert" else "skill"
        request.session.add(EmployeeSkill(employee_id=request.employee.id, kind=kind, text=text))
    await request.clear_state()
    request.reply_key("profile.saved")
    await profile_cmd(request)


async def _export(request: Request) -> None:
    """Send everything the bot holds about the user as a JSON document."""
    data = await export_user_data(request.session, request.user)
    await audit.record(
        request.session, audit.actor_of(request.telegram_id), "data.exported", "user"
    )
    payload = json.dumps(data, ensure_ascii=False, indent=2).encode()
    request.send_document(payload, "data-saya.json", request.t("profile.export_caption"))


async def _unlink(request: Request) -> None:
    """Erase self-given data and unlink the account (HR's roster stays)."""
    employee_id = request.user.employee_id
    await unlink_user(request.session, request.user)
    await audit.record(
        request.session,
        audit.actor_of(request.telegram_id),
        "account.unlinked",
        "employee",
        employee_id,
    )
    request.employee = None
    request.edit_or_reply(request.t("profile.unlinked"))


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /profil, its buttons and the text step."""
    add_command(app, "profil", profile_cmd, description_key="cmd.profil", menu_key="menu.profil")
    app.add_handler(
        CallbackQueryHandler(handler(linked=True)(profile_callback), pattern=cb.pattern("prof"))
    )
    app.bot_data["services"].flows.on(FLOW, "text", text_step)
