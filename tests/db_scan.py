"""Find a string anywhere in the database: every column of every table, as text."""

from __future__ import annotations

from sqlalchemy import select

from storage.db import Database
from storage.models import Base


async def tables_holding(db: Database, *needles: str) -> dict[str, list[str]]:
    """For each needle found, the ``table.column`` places whose stored value contains it."""
    found: dict[str, list[str]] = {}
    async with db.transaction() as session:
        for table in Base.metadata.sorted_tables:
            for row in (await session.execute(select(table))).mappings():
                for column, value in row.items():
                    text = "" if value is None else str(value)
                    for needle in needles:
                        if needle in text:
                            found.setdefault(needle, []).append(f"{table.name}.{column}")
    return found
