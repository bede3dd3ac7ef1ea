"""The workload (ABK) import kind: unit, position, need (kebutuhan), staffed (bezetting).

Every bad line is reported with its spreadsheet line number; without ``partial`` nothing
is written when any line is rejected. Figures are upserted by unit and position.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.imports.kinds import ImportContext, ImportKind
from bot.imports.reader import Table
from bot.imports.report import ImportReport, RowError
from bot.imports.rows import CellChecks, LineResult, Validated, map_headers, validate_rows
from bot.workload.balance import Figure
from storage.queries import audit
from storage.queries import workload as wq

COLUMNS: dict[str, tuple[str, ...]] = {
    "unit": ("unit", "unit kerja", "opd", "perangkat daerah"),
    "position": ("jabatan", "position", "nama jabatan"),
    "need": ("kebutuhan", "need", "abk", "kebutuhan abk"),
    "staffed": ("bezetting", "staffed", "terisi", "jumlah pegawai"),
}
MAX_COUNT = 100_000


def _count(value: str) -> int | None:
    """A whole number from 0 to ``MAX_COUNT`` ("12" or a spreadsheet's "12.0"), or None."""
    text = value.strip().removesuffix(".0")
    if not text.isdigit():
        return None
    number = int(text)
    return number if number <= MAX_COUNT else None


def _parse_line(line: int, values: dict[str, str]) -> LineResult[Figure]:
    """Validate one line; the figure, or every error found."""
    check = CellChecks(line)
    unit, position = values["unit"].strip(), values["position"].strip()
    need, staffed = _count(values["need"]), _count(values["staffed"])
    if not unit:
        check.add("unit", "workload.err_unit_empty")
    if not position:
        check.add("position", "workload.err_position_empty")
    if need is None:
        check.add("need", "workload.err_need", value=values["need"])
    if staffed is None:
        check.add("staffed", "workload.err_staffed", value=values["staffed"])
    if check.errors or need is None or staffed is None:
        return None, check.errors
    return Figure(unit, position, need, staffed), []


def _duplicate(line: int, _key: str, first_line: int) -> RowError:
    """The error of a unit and position already seen on ``first_line``."""
    return RowError(line, "position", "workload.err_duplicate", {"value": first_line})


def validate_workload(table: Table, _ctx: ImportContext) -> Validated[Figure]:
    """Validate every line of a workload table."""
    return validate_rows(
        table,
        map_headers(table.header, COLUMNS, tuple(COLUMNS)),
        _parse_line,
        key=lambda f: f"{f.unit.lower()}\t{f.position.lower()}",
        duplicate=_duplicate,
    )


async def apply_workload(
    session: AsyncSession, figures: list[Figure], ctx: ImportContext, report: ImportReport
) -> None:
    """Upsert the figures by unit and position (all or nothing unless partial)."""
    if not report.may_write:
        return
    report.created, report.updated = await wq.upsert_figures(session, figures)
    report.unchanged = len(figures) - report.created - report.updated
    report.applied = True
    await audit.record(session, ctx.actor, "workload.imported", "workload", "",
                       added=report.created, updated=report.updated,
                       rejected=report.skipped)  # fmt: skip


WORKLOAD: ImportKind[Figure] = ImportKind(
    name="workload", label="import.kind_workload", report="workload.imported",
    validate=validate_workload, apply=apply_workload,
)  # fmt: skip
