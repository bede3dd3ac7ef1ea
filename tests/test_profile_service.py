"""The employee's own data without Telegram: declared items, export, unlink, language."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from bot.profile import service as profile
from storage.db import Database
from storage.models import AuditEntry, BotUser, Employee, EmployeeSkill
from tests.factories import add_employee

OWNER, OTHER = 6101, 6102


async def _two_employees(db: Database) -> tuple[int, int]:
    """Two linked employees; returns their ids."""
    owner = await add_employee(db, telegram_id=OWNER)
    other = await add_employee(
        db, telegram_id=OTHER, nip="199104202015032002", name="Sari", phone="6281111111111"
    )
    return owner, other


async def _items(db: Database, employee_id: int) -> list[tuple[str, str]]:
    """(kind, text) of an employee's declared items."""
    async with db.transaction() as session:
        items = await profile.declared_items(session, employee_id)
        return [(i.kind, i.text) for i in items]


@pytest.mark.parametrize(("kind", "stored"), [("skill", "skill"), ("cert", "certification")])
async def test_add_item(db: Database, kind: profile.ItemKind, stored: str) -> None:
    """A new item is stored with its kind."""
    owner, _ = await _two_employees(db)
    async with db.transaction() as session:
        assert await profile.save_item(session, owner, kind, "analisis data")
    assert await _items(db, owner) == [(stored, "analisis data")]


@pytest.mark.parametrize(("editor", "allowed"), [("owner", True), ("other", False)])
async def test_edit_and_delete_only_own_items(db: Database, editor: str, allowed: bool) -> None:
    """Ids can be forged: another employee can neither edit nor delete the item."""
    owner, other = await _two_employees(db)
    async with db.transaction() as session:
        await profile.save_item(session, owner, "skill", "kearsipan")
        item_id = (await profile.declared_items(session, owner))[0].id
    actor = owner if editor == "owner" else other
    async with db.transaction() as session:
        edited = await profile.save_item(session, actor, "skill", "tata naskah", edit_id=item_id)
    assert edited is allowed
    assert await _items(db, owner) == [("skill", "tata naskah" if allowed else "kearsipan")]
    async with db.transaction() as session:
        deleted = await profile.delete_item(session, actor, item_id)
        assert deleted == (profile.DeletedItem("skill", "tata naskah") if allowed else None)
        assert await profile.delete_item(session, actor, 999_999) is None
    assert len(await _items(db, owner)) == (0 if allowed else 1)
    if deleted is not None:  # Urungkan puts it back
        async with db.transaction() as session:
            assert await profile.restore_item(session, owner, deleted)
        assert await _items(db, owner) == [("skill", "tata naskah")]


async def test_room_for_item_stops_at_limit(db: Database) -> None:
    """At most MAX_ITEMS declared items."""
    owner, _ = await _two_employees(db)
    async with db.transaction() as session:
        for n in range(profile.MAX_ITEMS - 1):
            await profile.save_item(session, owner, "skill", f"keahlian {n}")
        assert await profile.room_for_item(session, owner)
        await profile.save_item(session, owner, "skill", "terakhir")
        assert not await profile.room_for_item(session, owner)


async def test_profile_of(db: Database) -> None:
    """The card data: roster row, unit name, declared items."""
    owner, _ = await _two_employees(db)
    async with db.transaction() as session:
        await profile.save_item(session, owner, "cert", "Sertifikat SIG")
        employee = await session.get(Employee, owner)
        assert employee is not None
        card = await profile.profile_of(session, employee)
    assert card.unit == "Dinas Kesehatan" and [i.text for i in card.items] == ["Sertifikat SIG"]


async def test_export_then_unlink(db: Database) -> None:
    """The export holds the roster row and declared items; unlinking erases only the latter."""
    owner, _ = await _two_employees(db)
    async with db.transaction() as session:
        await profile.save_item(session, owner, "skill", "statistik")
        user = await session.get(BotUser, OWNER)
        assert user is not None
        data = json.loads(await profile.export_data(session, user))
    assert data["roster"]["nip"] == "199003152015031001"
    assert data["self_declared"][0]["text"] == "statistik"
    async with db.transaction() as session:
        user = await session.get(BotUser, OWNER)
        assert user is not None
        await profile.unlink(session, user)
    async with db.transaction() as session:
        user = await session.get(BotUser, OWNER)
        skills = await session.scalar(select(func.count()).select_from(EmployeeSkill))
        actions = list((await session.execute(select(AuditEntry.action))).scalars())
        employee = await session.get(Employee, owner)
    assert user is not None and user.employee_id is None and user.consent_at is None
    assert skills == 0 and employee is not None
    assert actions == ["data.exported", "account.unlinked"]


@pytest.mark.parametrize(
    ("locale", "changed"), [("en", True), ("id", True), ("fr", False), ("", False)]
)
def test_set_language(locale: str, changed: bool) -> None:
    """Only the bot's languages are accepted."""
    user = BotUser(telegram_id=1, locale="id")
    assert profile.set_language(user, locale) is changed
    assert user.locale == (locale if changed else "id")
