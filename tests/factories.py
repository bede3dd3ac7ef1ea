"""Small builders of test rows (employees, linked users) inside one transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.db import Database
from storage.models import BotUser, Employee, Unit, utcnow

UNITS = (
    "Dinas Kesehatan",
    "Dinas Komunikasi dan Informatika",
    "Badan Perencanaan Pembangunan Daerah",
)


async def add_employee(
    db: Database,
    *,
    nip: str = "199003152015031001",
    name: str = "Andi Saputra",
    phone: str = "6281234567890",
    unit: str = UNITS[0],
    position: str = "Pranata Komputer Ahli Pertama",
    rank: str = "III/a",
    position_tmt: date = date(2019, 1, 1),
    telegram_id: int | None = None,
    **fields: object,
) -> int:
    """Insert one employee (and its unit); link a Telegram user when ``telegram_id`` given."""
    async with db.transaction() as session:
        unit_row = (
            await session.execute(select(Unit).where(Unit.name == unit))
        ).scalar_one_or_none()
        if unit_row is None:
            unit_row = Unit(name=unit)
            session.add(unit_row)
            await session.flush()
        employee = Employee(
            nip=nip,
            name=name,
            phone=phone,
            unit_id=unit_row.id,
            position_title=position,
            position_kind="fungsional",
            rank=rank,
            education_level="S1",
            education_major="Teknik Informatika",
            position_tmt=position_tmt,
            roster_skills="jaringan komputer",
            **fields,
        )
        session.add(employee)
        await session.flush()
        if telegram_id is not None:
            now = utcnow()
            session.add(
                BotUser(
                    telegram_id=telegram_id, employee_id=employee.id, consent_at=now, linked_at=now
                )
            )
        return employee.id
