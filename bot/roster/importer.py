"""The roster import kind: validate employee lines, then upsert employees by NIP.

``validate_roster`` is pure (a table in, rows and line errors out). ``apply_roster``
writes in the caller's session: every valid row, or nothing when a line was rejected and
the import is not partial. A full roster (``ctx.full``) also deactivates the active
employees it does not list (``bot.roster.departures``). One audit entry records the
counts (never NIPs).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n.dates import format_date
from bot.imports.kinds import FullMode, ImportContext, ImportKind
from bot.imports.reader import Table
from bot.imports.report import ImportReport, RowError
from bot.imports.rows import CellChecks, LineResult, Validated, map_headers, validate_rows
from bot.roster.columns import COLUMN_ALIASES, REQUIRED_COLUMNS
from bot.roster.departures import absent_employee_ids, deactivate_absent
from bot.roster.phones import PhoneError, parse_indonesian_mobile
from bot.roster.rule_columns import normalize_sanction_level, normalize_skp
from bot.roster.validation import (
    clean_text,
    normalize_education,
    normalize_position_kind,
    normalize_rank,
    parse_bool,
    parse_date,
    parse_nip,
)
from storage.models import Employee, utcnow
from storage.queries import employees as q
from storage.queries.audit import record

# RosterRow attribute -> Employee column (``unit`` becomes ``unit_id``).
_FIELD_TO_COLUMN = {
    "name": "name",
    "phone": "phone",
    "position_title": "position_title",
    "position_kind": "position_kind",
    "rank": "rank",
    "education_level": "education_level",
    "education_major": "education_major",
    "position_tmt": "position_tmt",
    "disciplinary_sanction": "disciplinary_sanction",
    "study_leave": "study_leave",
    "roster_skills": "roster_skills",
    "sanction_level": "sanction_level",
    "sanction_until": "sanction_until",
    "under_examination": "under_examination",
    "study_leave_until": "study_leave_until",
    "service_bond_until": "service_bond_until",
    "skp_last_year": "skp_last_year",
    "skp_year_before": "skp_year_before",
}
# Optional columns the move rules read: column -> (RosterRow attribute, check).
_RULE_CELLS = {
    "hukuman_tingkat": ("sanction_level", normalize_sanction_level),
    "hukuman_selesai": ("sanction_until", parse_date),
    "dalam_pemeriksaan": ("under_examination", parse_bool),
    "tugas_belajar_selesai": ("study_leave_until", parse_date),
    "ikatan_dinas_selesai": ("service_bond_until", parse_date),
    "skp_tahun_lalu": ("skp_last_year", normalize_skp),
    "skp_dua_tahun_lalu": ("skp_year_before", normalize_skp),
}


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One valid, normalised roster line."""

    line: int
    nip: str
    name: str
    phone: str | None
    unit: str
    position_title: str
    position_kind: str
    rank: str
    education_level: str
    education_major: str
    position_tmt: date | None
    disciplinary_sanction: bool
    study_leave: bool
    roster_skills: str
    sanction_level: str = ""
    sanction_until: date | None = None
    under_examination: bool = False
    study_leave_until: date | None = None
    service_bond_until: date | None = None
    skp_last_year: str = ""
    skp_year_before: str = ""


def validate_roster(table: Table, ctx: ImportContext) -> Validated[RosterRow]:
    """Validate every line of a roster table against ``ctx.today``."""
    return validate_rows(
        table,
        map_headers(table.header, COLUMN_ALIASES, REQUIRED_COLUMNS),
        lambda line, values: _parse_row(line, values, ctx.today),
        key=lambda row: row.nip,
        duplicate=nip_duplicate,
    )


def nip_duplicate(line: int, _nip: str, first_line: int) -> RowError:
    """The error of a NIP already seen on ``first_line``."""
    return RowError(line, "nip", "roster.err.nip_duplicate", {"first_line": first_line})


def _parse_row(line: int, values: dict[str, str], today: date) -> LineResult[RosterRow]:
    """Validate every cell of one line; return the row or all errors found."""
    check, get = CellChecks(line), values.get
    nip_info = check("nip", parse_nip, get("nip", ""), reference_date=today)
    name = check("nama", clean_text, get("nama", ""), column="nama", required=True)
    phone = _phone(check, (get("telepon") or "").strip())
    unit = check("unit_kerja", clean_text, get("unit_kerja", ""), column="unit_kerja",
                 required=True)  # fmt: skip
    title = check("jabatan", clean_text, get("jabatan", ""), column="jabatan", required=True)
    kind = check("jenis_jabatan", normalize_position_kind, get("jenis_jabatan", ""))
    rank = check("golongan", normalize_rank, get("golongan", ""))
    level = check("pendidikan_tingkat", normalize_education, get("pendidikan_tingkat", ""))
    major = check("pendidikan_jurusan", clean_text, get("pendidikan_jurusan", ""),
                  column="pendidikan_jurusan")  # fmt: skip
    tmt = check("tmt_jabatan", parse_date, get("tmt_jabatan", ""), column="tmt_jabatan")
    if isinstance(tmt, date) and tmt > today:
        check.add("tmt_jabatan", "roster.err.date_future", column="tmt_jabatan",
                  value=format_date(tmt, None, "short"))  # fmt: skip
    sanction = check("hukuman_disiplin", parse_bool, get("hukuman_disiplin", ""),
                     column="hukuman_disiplin")  # fmt: skip
    study = check("tugas_belajar", parse_bool, get("tugas_belajar", ""), column="tugas_belajar")
    skills = check("keahlian", clean_text, get("keahlian", ""), column="keahlian", max_len=2000)
    rules = _rule_values(check, values)
    if check.errors:
        return None, check.errors
    row = RosterRow(
        line=line, nip=nip_info.nip, name=name, phone=phone, unit=unit, position_title=title,
        position_kind=kind, rank=rank, education_level=level, education_major=major,
        position_tmt=tmt, disciplinary_sanction=sanction, study_leave=study,
        roster_skills=skills, **rules,
    )  # fmt: skip
    return row, []


def _rule_values(check: CellChecks, values: dict[str, str]) -> dict[str, Any]:
    """The optional cells the move rules read, as RosterRow attributes."""
    found: dict[str, Any] = {}
    for column, (attribute, parse) in _RULE_CELLS.items():
        value = check(column, parse, values.get(column, ""), column=column)
        if value is not None:
            found[attribute] = value
    return found


_PHONE_ERRORS = {"invalid": "roster.err.phone", "foreign": "roster.err.phone_foreign"}


def _phone(check: CellChecks, raw: str) -> str | None:
    """The stored form of the phone cell (None when empty); a rejected one is an error."""
    if not raw:
        return None
    try:
        return parse_indonesian_mobile(raw)
    except PhoneError as exc:
        check.add("telepon", _PHONE_ERRORS[exc.problem], value=raw)
        return None


def _column_values(row: RosterRow, unit_id: int) -> dict[str, Any]:
    """The Employee column values a roster row sets."""
    values = {column: getattr(row, attr) for attr, column in _FIELD_TO_COLUMN.items()}
    values["unit_id"] = unit_id
    values["active"] = True
    return values


def _stored_values(employee: Employee) -> dict[str, Any]:
    """The same columns as :func:`_column_values`, read from a stored employee."""
    values = {column: getattr(employee, column) for column in _FIELD_TO_COLUMN.values()}
    values["unit_id"] = employee.unit_id
    values["active"] = employee.active
    return values


async def apply_roster(
    session: AsyncSession, rows: list[RosterRow], ctx: ImportContext, report: ImportReport
) -> None:
    """Upsert the valid rows by NIP; with rejected rows and not partial, change nothing."""
    if not report.may_write:
        return
    units = await q.get_or_create_units(session, (row.unit for row in rows))
    existing = await q.get_employees_by_nips(session, (row.nip for row in rows))
    now = utcnow()
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row in rows:
        values = _column_values(row, units[row.unit].id)
        employee = existing.get(row.nip)
        if employee is None:
            inserts.append({"nip": row.nip, "created_at": now, "updated_at": now, **values})
        elif _stored_values(employee) == values:
            report.unchanged += 1
        else:
            updates.append({"id": employee.id, "updated_at": now, **values})
    await q.insert_employees(session, inserts)
    await q.update_employees(session, updates)
    for employee in existing.values():
        session.expire(employee)  # the bulk UPDATE bypassed these loaded objects
    report.created, report.updated, report.applied = len(inserts), len(updates), True
    if ctx.full:
        report.deactivated = await deactivate_absent(session, (row.nip for row in rows))
    await record(
        session, ctx.actor, "roster.import", "employee", added=report.created,
        updated=report.updated, unchanged=report.unchanged, rejected=report.skipped,
        partial=ctx.partial, full=ctx.full, deactivated=report.deactivated,
    )  # fmt: skip


async def count_absent(session: AsyncSession, rows: list[RosterRow]) -> int:
    """How many active employees a full import of ``rows`` would deactivate."""
    return len(await absent_employee_ids(session, (row.nip for row in rows)))


ROSTER: ImportKind[RosterRow] = ImportKind(
    name="roster", label="import.kind_roster", report="roster.report.applied",
    validate=validate_roster, apply=apply_roster,
    full=FullMode(label="import.kind_roster_full", count_absent=count_absent),
)  # fmt: skip
