"""The employee's own data: profile card, self-declared skills, export, unlink, language.

Plain values in, results out: the handlers of /profil, /bahasa and the profile buttons
call these functions with the update's session and render what they return.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.privacy import export_user_data
from bot.texts import LOCALES
from storage.models import BotUser, Employee, EmployeeSkill, PositionHistory
from storage.queries import audit
from storage.queries import employees as qe
from storage.queries.matching import unit_name
from storage.queries.privacy import unlink_user
from storage.queries.roster_changes import history_of

SKILL_MAX_LEN = 300
MAX_ITEMS = 30
ItemKind = Literal["skill", "cert"]
STORED_KINDS: dict[ItemKind, str] = {"skill": "skill", "cert": "certification"}


@dataclass(frozen=True)
class Profile:
    """What the profile card shows: the roster row, its unit, the declared items and the
    position history (riwayat jabatan), newest first."""

    employee: Employee
    unit: str
    items: tuple[EmployeeSkill, ...]
    history: tuple[PositionHistory, ...] = ()


async def profile_of(session: AsyncSession, employee: Employee) -> Profile:
    """The employee's profile card data."""
    unit = await unit_name(session, employee.unit_id)
    items = await qe.employee_skills(session, employee.id)
    history = await history_of(session, employee.id)
    return Profile(employee, unit, tuple(items), tuple(history))


async def declared_items(session: AsyncSession, employee_id: int) -> list[EmployeeSkill]:
    """The employee's self-declared skills and certifications."""
    return await qe.employee_skills(session, employee_id)


async def room_for_item(session: AsyncSession, employee_id: int) -> bool:
    """True while the employee may declare one more item."""
    return len(await qe.employee_skills(session, employee_id)) < MAX_ITEMS


async def own_item(session: AsyncSession, employee_id: int, item_id: int) -> EmployeeSkill | None:
    """The declared item ``item_id`` when it belongs to the employee (ids can be forged)."""
    item = await qe.get_employee_skill(session, item_id)
    return item if item is not None and item.employee_id == employee_id else None


async def save_item(
    session: AsyncSession,
    employee_id: int,
    kind: ItemKind,
    text: str,
    edit_id: int | None = None,
) -> bool:
    """Add a declared item, or change the text of ``edit_id``; False when it is gone."""
    if edit_id is None:
        await qe.add_employee_skill(session, employee_id, STORED_KINDS[kind], text)
        return True
    item = await own_item(session, employee_id, edit_id)
    if item is None:
        return False
    item.text = text
    return True


@dataclass(frozen=True)
class DeletedItem:
    """A declared item just deleted: what "Urungkan" puts back."""

    kind: ItemKind
    text: str


async def delete_item(session: AsyncSession, employee_id: int, item_id: int) -> DeletedItem | None:
    """Delete one of the employee's declared items; None when it is not theirs (any more)."""
    item = await own_item(session, employee_id, item_id)
    if item is None:
        return None
    kind: ItemKind = "cert" if item.kind == STORED_KINDS["cert"] else "skill"
    deleted = DeletedItem(kind, item.text)
    await qe.delete_employee_skill(session, item)
    return deleted


async def restore_item(session: AsyncSession, employee_id: int, item: DeletedItem) -> bool:
    """Put a deleted item back (undo); False when the list is full meanwhile."""
    if not await room_for_item(session, employee_id):
        return False
    await qe.add_employee_skill(session, employee_id, STORED_KINDS[item.kind], item.text)
    return True


async def export_data(session: AsyncSession, user: BotUser) -> bytes:
    """Everything the bot holds about the user (UU PDP) as a JSON document, audited."""
    data = await export_user_data(session, user)
    await audit.record(session, audit.actor_of(user.telegram_id), "data.exported", "user")
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


async def unlink(session: AsyncSession, user: BotUser) -> None:
    """Erase what the user gave the bot and unlink the account (HR's roster row stays)."""
    employee_id = user.employee_id
    await unlink_user(session, user)
    await audit.record(
        session, audit.actor_of(user.telegram_id), "account.unlinked", "employee", employee_id
    )


def set_language(user: BotUser, locale: str) -> bool:
    """Switch the user's language; False for a locale the bot does not have."""
    if locale not in LOCALES:
        return False
    user.locale = locale
    return True
