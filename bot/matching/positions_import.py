"""The positions (formasi) import kind, in the matching-dev CSV/XLSX format.

Same rules as the roster import: every line is validated and errors are reported with
line numbers; without ``partial`` nothing changes when any line is rejected; rows are
upserted by ``position_id`` so importing the same file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.imports.kinds import ImportContext, ImportKind
from bot.imports.reader import Table
from bot.imports.report import ImportReport, RowError
from bot.imports.rows import CellChecks, LineResult, Validated, map_headers, validate_rows
from bot.roster.validation import (
    RosterError,
    normalize_education,
    normalize_position_kind,
    normalize_rank,
    rank_index,
)
from storage.models.base import utcnow
from storage.queries import positions as q
from storage.queries.audit import record
from storage.queries.employees import get_or_create_units

# Required column -> the text key of its empty cell.
REQUIRED: dict[str, str] = {
    "position_id": "match.err.position_id",
    "title": "match.err.title",
    "unit": "match.err.unit",
    "required_skills": "match.err.required_skills",
}
ALIASES: dict[str, tuple[str, ...]] = {
    "position_id": ("position_id", "kode", "kode_formasi", "kode_jabatan", "id"),
    "title": ("title", "jabatan", "nama_jabatan"),
    "position_kind": ("position_kind", "jenis_jabatan", "jenis"),
    "unit": ("unit", "unit_kerja", "opd", "perangkat_daerah"),
    "required_skills": ("required_skills", "kompetensi", "persyaratan", "syarat_kompetensi"),
    "education_level": ("education_level", "pendidikan", "pendidikan_minimal", "tingkat"),
    "education_fields": ("education_fields", "jurusan", "kualifikasi_jurusan", "program_studi"),
    "min_golongan": ("min_golongan", "golongan_min", "gol_min", "golongan_minimal"),
    "max_golongan": ("max_golongan", "golongan_max", "gol_max", "golongan_maksimal"),
    "quota": ("quota", "kuota", "jumlah", "formasi"),
    "main_duties": ("main_duties", "tugas_pokok", "uraian_tugas"),
}
_COLUMNS = ("title", "unit_name", "required_skills", "education_level", "education_fields",
            "min_rank", "max_rank", "quota", "main_duties", "open", "unit_id",
            "position_kind")  # fmt: skip


@dataclass(frozen=True, slots=True)
class PositionRow:
    """One valid, normalised position line."""

    line: int
    position_id: str
    title: str
    unit: str
    required_skills: str
    education_level: str
    education_fields: str
    min_rank: str
    max_rank: str
    quota: int
    main_duties: str
    position_kind: str = ""


def validate_positions(table: Table, _ctx: ImportContext) -> Validated[PositionRow]:
    """Validate every line of a positions table."""
    return validate_rows(
        table,
        map_headers(table.header, ALIASES, tuple(REQUIRED)),
        _parse_row,
        key=lambda row: row.position_id,
        duplicate=_duplicate,
    )


def _duplicate(line: int, position_id: str, first_line: int) -> RowError:
    """The error of a position id already seen on ``first_line``."""
    return RowError(
        line, "position_id", "match.err.position_id_duplicate",
        {"value": position_id, "first_line": first_line},
    )  # fmt: skip


def _ranks(check: CellChecks, v: dict[str, str]) -> tuple[str, str] | None:
    """The (min, max) golongan of a line ("" when empty), or None after recording errors."""
    ranks = []
    for column in ("min_golongan", "max_golongan"):
        try:
            ranks.append(normalize_rank(v[column]) if v.get(column) else "")
        except RosterError as exc:
            check.add(column, "match.err.rank", value=exc.params.get("value", ""))
            return None
    low, high = ranks
    if low and high and rank_index(low) > rank_index(high):
        check.add("min_golongan", "match.err.rank_order", low=low, high=high)
    return low, high


def _parse_row(line: int, v: dict[str, str]) -> LineResult[PositionRow]:
    """Validate one line; return the row or its errors."""
    check = CellChecks(line)
    for column, key in REQUIRED.items():
        if not v.get(column):
            check.add(column, key)
    level: str | None = None
    try:
        level = normalize_education(v.get("education_level", ""))
    except RosterError:
        check.add("education_level", "match.err.education", value=v["education_level"])
    ranks = _ranks(check, v)
    kind = check("position_kind", normalize_position_kind, v.get("position_kind", ""))
    quota_text = v.get("quota", "") or "1"
    if not quota_text.isdigit() or int(quota_text) < 1:
        check.add("quota", "match.err.quota", value=quota_text)
    if check.errors or level is None or ranks is None:
        return None, check.errors
    fields = "; ".join(s.strip() for s in v.get("education_fields", "").split(";") if s.strip())
    return PositionRow(
        line=line, position_id=v["position_id"], title=v["title"], unit=v["unit"],
        required_skills=v["required_skills"], education_level=level, education_fields=fields,
        min_rank=ranks[0], max_rank=ranks[1], quota=int(quota_text),
        main_duties=v.get("main_duties", ""), position_kind=kind,
    ), []  # fmt: skip


def _values(row: PositionRow, unit_id: int) -> dict[str, Any]:
    """The Position column values a row sets."""
    return {
        "title": row.title, "unit_name": row.unit, "unit_id": unit_id,
        "required_skills": row.required_skills, "education_level": row.education_level,
        "education_fields": row.education_fields, "min_rank": row.min_rank,
        "max_rank": row.max_rank, "quota": row.quota, "main_duties": row.main_duties,
        "open": True, "position_kind": row.position_kind,
    }  # fmt: skip


async def apply_positions(
    session: AsyncSession, rows: list[PositionRow], ctx: ImportContext, report: ImportReport
) -> None:
    """Upsert valid rows by position_id; with errors and not partial, change nothing."""
    if not report.may_write:
        return
    units = await get_or_create_units(session, (r.unit for r in rows))
    existing = await q.get_positions_by_codes(session, (r.position_id for r in rows))
    now = utcnow()
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row in rows:
        values = _values(row, units[row.unit].id)
        old = existing.get(row.position_id)
        if old is None:
            inserts.append({"position_id": row.position_id, "created_at": now,
                            "updated_at": now, **values})  # fmt: skip
        elif all(getattr(old, k) == values[k] for k in _COLUMNS):
            report.unchanged += 1
        else:
            updates.append({"id": old.id, "updated_at": now, **values})
    await q.insert_positions(session, inserts)
    await q.update_positions(session, updates)
    for old in existing.values():
        session.expire(old)
    report.created, report.updated, report.applied = len(inserts), len(updates), True
    await record(session, ctx.actor, "positions.import", "position", added=report.created,
                 updated=report.updated, unchanged=report.unchanged,
                 rejected=report.skipped, partial=ctx.partial)  # fmt: skip


POSITIONS: ImportKind[PositionRow] = ImportKind(
    name="positions", label="import.kind_positions", report="match.report.applied",
    validate=validate_positions, apply=apply_positions,
)  # fmt: skip
