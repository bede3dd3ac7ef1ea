"""/profil: the employee's own data, self-declared skills, data export and unlinking."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from telegram.ext import Application

from bot.callback_data import CallbackData
from bot.messages import Button, OutgoingMessage, rows
from bot.paging import paginate
from bot.privacy import mask_nip
from bot.profile import service as profile
from bot.profile.service import MAX_ITEMS, SKILL_MAX_LEN, ItemKind
from handlers.buttons import add_button
from handlers.commands import add_command
from handlers.context import services_of
from handlers.dates import shown_date
from handlers.flows import PAUSED, Accepts, expect_text
from handlers.paging import show_page, show_text
from handlers.request import Request, escape_html, inline_markup
from storage.models import ConversationState, Employee, EmployeeSkill

FLOW, TEXT_STEP = "profile", "text"
UNDO = "undo"  # the deleted item kept for Urungkan, in a paused profile conversation
KIND_KEYS = {"skill": "profile.kind_skill", "certification": "profile.kind_certification"}


@dataclass(frozen=True)
class AddItem(CallbackData, prefix="profile-add"):
    """Declare a new skill or certification."""

    kind: Literal["skill", "cert"]


@dataclass(frozen=True)
class ManageItems(CallbackData, prefix="profile-list"):
    """List the declared items with edit and delete buttons."""


@dataclass(frozen=True)
class ProfilePage(CallbackData, prefix="profile-page"):
    """Another page of a long profile card."""

    page: int


@dataclass(frozen=True)
class ItemsPage(CallbackData, prefix="profile-list-page"):
    """Another page of the declared items."""

    page: int


@dataclass(frozen=True)
class EditItem(CallbackData, prefix="profile-edit"):
    """Retype one declared item."""

    item_id: int


@dataclass(frozen=True)
class DeleteItem(CallbackData, prefix="profile-delete"):
    """Delete one declared item."""

    item_id: int


@dataclass(frozen=True)
class RestoreItem(CallbackData, prefix="profile-restore"):
    """Urungkan: put back the item deleted last."""


@dataclass(frozen=True)
class ExportData(CallbackData, prefix="profile-export"):
    """Download everything the bot holds about me."""


@dataclass(frozen=True)
class AskUnlink(CallbackData, prefix="profile-unlink"):
    """Ask to confirm unlinking the account."""


@dataclass(frozen=True)
class ConfirmUnlink(CallbackData, prefix="profile-unlink-confirm"):
    """Unlink the account and erase self-given data."""


@dataclass(frozen=True)
class BackToProfile(CallbackData, prefix="profile-back"):
    """Show the profile card again."""


def _employee(request: Request) -> Employee:
    """The linked employee (profile commands and buttons require one)."""
    assert request.employee is not None
    return request.employee


async def profile_cmd(request: Request) -> None:
    """Show the employee's own data and what they can do with it."""
    await _profile(request, 0, edit=False)


async def profile_page_pressed(request: Request, data: ProfilePage) -> None:
    """Turn to another page of a long profile card."""
    request.answer()
    await _profile(request, data.page, edit=True)


async def _profile(request: Request, page: int, *, edit: bool) -> None:
    """One page of the profile card (a card with many declared items is long)."""
    card = await profile.profile_of(request.session, _employee(request))
    emp = card.employee
    lines = [
        request.t(
            "profile.card",
            name=emp.name,
            nip=mask_nip(emp.nip),
            unit=card.unit or "-",
            position=emp.position_title or "-",
            rank=emp.rank or "-",
            education=" ".join(p for p in (emp.education_level, emp.education_major) if p) or "-",
            tmt=shown_date(request, emp.position_tmt),
        ),
        request.t("profile.roster_skills", skills=emp.roster_skills or "-"),
    ]
    if card.history:
        lines.append(request.t("profile.history_header"))
        lines += [
            request.t(
                "profile.history_line", tmt=shown_date(request, h.tmt),
                unit=escape_html(h.unit_name or "-"), position=escape_html(h.position or "-"),
                sk=escape_html(h.decree_number or "-"),
            )
            for h in card.history
        ]  # fmt: skip
    if card.items:
        lines.append(request.t("profile.declared_header"))
        lines += [
            f"• {request.t(KIND_KEYS.get(i.kind, KIND_KEYS['skill']))}: {escape_html(i.text)}"
            for i in card.items
        ]
    else:
        lines.append(request.t("profile.declared_none"))
    message = OutgoingMessage("\n".join(lines), _profile_buttons(request))
    show_text(request, message, page, ProfilePage, edit=edit)


def _profile_buttons(request: Request) -> tuple[tuple[Button, ...], ...]:
    """The actions of the profile card."""
    return rows(
        [
            Button(request.t("profile.btn_add_skill"), AddItem("skill")),
            Button(request.t("profile.btn_add_cert"), AddItem("cert")),
        ],
        [Button(request.t("profile.btn_manage"), ManageItems())],
        [
            Button(request.t("profile.btn_export"), ExportData()),
            Button(request.t("profile.btn_unlink"), AskUnlink()),
        ],
    )


async def add_pressed(request: Request, data: AddItem) -> None:
    """Ask for the text of a new skill or certification."""
    request.answer()
    if not await profile.room_for_item(request.session, _employee(request).id):
        request.reply_key("profile.too_many", limit=MAX_ITEMS)
        return
    await request.set_state(FLOW, TEXT_STEP, {"kind": data.kind})
    request.reply_key("profile.ask_text", limit=SKILL_MAX_LEN)


async def manage_pressed(request: Request, data: ManageItems) -> None:
    """List self-declared items with edit and delete buttons."""
    request.answer()
    await _items(request, 0, edit=False)


async def items_page_pressed(request: Request, data: ItemsPage) -> None:
    """Turn to another page of the declared items."""
    request.answer()
    await _items(request, data.page, edit=True)


async def _items(request: Request, page: int, *, edit: bool) -> None:
    """One page of the declared items, each with its edit and delete buttons."""
    items = await profile.declared_items(request.session, _employee(request).id)
    if not items:
        request.reply_key("profile.declared_none")
        return
    _show_items(request, items, page, edit=edit)


def _show_items(
    request: Request,
    items: Sequence[EmployeeSkill],
    page: int,
    *,
    edit: bool,
    head: str = "",
    undo: bool = False,
) -> None:
    """The declared items, paged, with edit and delete buttons (after ``head``, with Urungkan)."""
    top = ((Button(request.t("profile.btn_undo"), RestoreItem()),),) if undo else ()
    bottom: tuple[tuple[Button, ...], ...] = ()
    if len(items) < MAX_ITEMS:
        bottom += ((Button(request.t("profile.btn_add_skill"), AddItem("skill")),),)
    bottom += ((Button(request.t("profile.btn_back_profile"), BackToProfile()),),)
    title = "\n".join(p for p in (head, request.t("profile.manage_title")) if p)
    if not items:
        text = "\n".join(p for p in (head, request.t("profile.declared_none").strip()) if p)
        message = OutgoingMessage(text, (*top, *bottom))
        if edit:
            request.edit_or_reply(message.text, inline_markup(message))
        else:
            request.send(message)
        return
    blocks = [
        OutgoingMessage(
            f"{n}. {escape_html(item.text)}",
            ((Button(f"✏️ {n}", EditItem(item.id)), Button(f"🗑 {n}", DeleteItem(item.id))),),
        )
        for n, item in enumerate(items, start=1)
    ]
    pages = [
        OutgoingMessage(p.text, (*top, *p.buttons, *bottom), p.parse_mode)
        for p in paginate(title, blocks, separator="\n")
    ]
    show_page(request, pages, page, ItemsPage, edit=edit)


async def edit_pressed(request: Request, data: EditItem) -> None:
    """Ask for the new text of one declared item."""
    request.answer()
    item = await profile.own_item(request.session, _employee(request).id, data.item_id)
    if item is None:
        request.reply_key("common.stale_button")
        return
    await request.set_state(FLOW, TEXT_STEP, {"kind": item.kind, "edit_id": item.id})
    request.reply_key("common.current_value", value=escape_html(item.text))
    request.reply_key("profile.ask_text", limit=SKILL_MAX_LEN)


async def delete_pressed(request: Request, data: DeleteItem) -> None:
    """Delete one declared item; the list shows what is left, with Urungkan for a while."""
    request.answer()
    employee_id = _employee(request).id
    deleted = await profile.delete_item(request.session, employee_id, data.item_id)
    if deleted is None:
        request.reply_key("profile.item_gone")
        return
    state = await request.get_state()  # the item waits in an otherwise empty conversation
    undo = state is None or (state.flow, state.step) == (FLOW, PAUSED)
    if undo:
        await request.set_state(FLOW, PAUSED, {UNDO: asdict(deleted)})
    items = await profile.declared_items(request.session, employee_id)
    head = request.t("profile.deleted_item", text=escape_html(deleted.text))
    _show_items(request, items, 0, edit=True, head=head, undo=undo)


async def restore_pressed(request: Request, data: RestoreItem) -> None:
    """Urungkan: put the item deleted last back, while nothing else happened meanwhile."""
    request.answer()
    state = await request.get_state()
    kept = state.data.get(UNDO) if state is not None and state.flow == FLOW else None
    if state is None or state.step != PAUSED or not isinstance(kept, dict):
        request.reply_key("profile.undo_gone")
        return
    await request.clear_state()
    item = profile.DeletedItem("cert" if kept.get("kind") == "cert" else "skill", str(kept["text"]))
    employee_id = _employee(request).id
    if not await profile.restore_item(request.session, employee_id, item):
        request.reply_key("profile.too_many", limit=MAX_ITEMS)
        return
    items = await profile.declared_items(request.session, employee_id)
    head = request.t("profile.restored", text=escape_html(item.text))
    _show_items(request, items, 0, edit=True, head=head)


async def text_step(request: Request, state: ConversationState) -> None:
    """Save the typed skill or certification."""
    if request.employee is None:  # unlinked meanwhile
        await request.clear_state()
        request.reply_key("common.register_first")
        return
    text = expect_text(request, max_len=SKILL_MAX_LEN)
    if text is None:
        return
    kind: ItemKind = "cert" if state.data.get("kind") == "cert" else "skill"
    edit_id = state.data.get("edit_id")
    saved = await profile.save_item(
        request.session,
        _employee(request).id,
        kind,
        text,
        int(edit_id) if edit_id is not None else None,
    )
    await request.clear_state()
    if not saved:
        request.reply_key("common.stale_button")
        return
    request.reply_key("profile.saved")
    await profile_cmd(request)


async def export_pressed(request: Request, data: ExportData) -> None:
    """Send everything the bot holds about the user as a JSON document."""
    request.answer()
    payload = await profile.export_data(request.session, request.user)
    request.send_document(payload, "data-saya.json", request.t("profile.export_caption"))


async def unlink_pressed(request: Request, data: AskUnlink) -> None:
    """Ask to confirm unlinking, saying what is erased and what stays."""
    request.answer()
    buttons = rows(
        [Button(request.t("profile.btn_unlink_yes"), ConfirmUnlink())],
        [Button(request.t("common.btn_back"), BackToProfile())],
    )
    request.send(OutgoingMessage(request.t("profile.unlink_confirm"), buttons))


async def unlink_confirmed(request: Request, data: ConfirmUnlink) -> None:
    """Erase self-given data and unlink the account (HR's roster stays)."""
    request.answer()
    await profile.unlink(request.session, request.user)
    request.employee = None
    request.edit_or_reply(request.t("profile.unlinked"))


async def back_pressed(request: Request, data: BackToProfile) -> None:
    """Show the profile card again."""
    request.answer()
    await profile_cmd(request)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Install /profil, its buttons and the text step."""
    add_command(app, "profil", profile_cmd, description_key="cmd.profil", menu_key="menu.profil")
    add_button(app, AddItem, add_pressed, linked=True)
    add_button(app, ManageItems, manage_pressed, linked=True)
    add_button(app, ProfilePage, profile_page_pressed, linked=True)
    add_button(app, ItemsPage, items_page_pressed, linked=True)
    add_button(app, EditItem, edit_pressed, linked=True)
    add_button(app, DeleteItem, delete_pressed, linked=True)
    add_button(app, RestoreItem, restore_pressed, linked=True)
    add_button(app, ExportData, export_pressed, linked=True)
    add_button(app, AskUnlink, unlink_pressed, linked=True)
    add_button(app, ConfirmUnlink, unlink_confirmed, linked=True)
    add_button(app, BackToProfile, back_pressed, linked=True)
    flow = services_of(app).flows.flow(FLOW)
    flow.on(TEXT_STEP, text_step, accepts=Accepts.TEXT)
