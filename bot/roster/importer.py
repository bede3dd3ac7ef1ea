"""Roster import: parse a file into validated rows, then upsert employees by NIP.

``parse_roster`` is pure (bytes in, rows and problems out). ``apply_roster`` writes in the
caller's session: either every valid row (``partial=True``) or, when any row was rejected
and ``partial`` is False, nothing at all. One audit entry records the counts (never NIPs).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.roster.columns import map_headers
from bot.roster.reader import read_table
from bot.roster.rows import RowProblem, parse_rows, problems_of, rejected_count
from bot.roster.validation import (
    RosterError,
    clean_text,
    normalize_education,
    normalize_phone,
    normalize_position_kind,
    normalize_rank,
    parse_bool,
    parse_date,
    parse_nip,
)
from bot.texts import t
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


@dataclass(slots=True)
class ParsedRoster:
    """The outcome of reading and validating one file."""

    rows: list[RosterRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)

    @property
    def rejected_lines(self) -> list[int]:
        """Distinct rejected line numbers in order."""
        return sorted({p.line for p in self.problems})


@dataclass(slots=True)
class ImportReport:
    """What an import did (or would have done)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def rejected(self) -> int:
        """Number of distinct rejected lines."""
        return rejected_count(self.problems)


def parse_roster(data: bytes, filename: str, *, reference_date: date | None = None) -> ParsedRoster:
    """Read and validate a roster file; raises ``RosterError`` only for unreadable files."""
    table = read_table(data, filename)
    columns = map_headers(table.header)
    parsed = ParsedRoster(missing_columns=columns.missing)
    if columns.missing:
        return parsed
    today = reference_date or date.today()
    result = parse_rows(
        table.rows,
        columns.index,
        lambda line, values: _parse_row(line, values, today),
        key=lambda row: row.nip,
        duplicate=nip_duplicate,
    )
    parsed.rows, parsed.problems = result.rows, result.problems
    return parsed


def nip_duplicate(line: int, _nip: str, first_line: int) -> RowProblem:
    """The problem of a NIP already seen on ``first_line``."""
    return RowProblem(line, "nip_duplicate", {"first_line": first_line})


def _parse_row(
    line: int, values: dict[str, str], today: date
) -> tuple[RosterRow | None, list[RowProblem]]:
    """Validate every cell of one line; return the row or all problems found."""
    errors: list[RosterError] = []

    def check(func: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RosterError as exc:
            errors.append(exc)
            return None

    get = values.get
    nip_info = check(parse_nip, get("nip", ""), reference_date=today)
    name = check(clean_text, get("nama", ""), column="nama", required=True)
    raw_phone = (get("telepon") or "").strip()
    phone = normalize_phone(raw_phone) if raw_phone else None
    if raw_phone and phone is None:
        errors.append(RosterError("phone", value=raw_phone))
    unit = check(clean_text, get("unit_kerja", ""), column="unit_kerja", required=True)
    title = check(clean_text, get("jabatan", ""), column="jabatan", required=True)
    kind = check(normalize_position_kind, get("jenis_jabatan", ""))
    rank = check(normalize_rank, get("golongan", ""))
    level = check(normalize_education, get("pendidikan_tingkat", ""))
    major = check(clean_text, get("pendidikan_jurusan", ""), column="pendidikan_jurusan")
    tmt = check(parse_date, get("tmt_jabatan", ""), column="tmt_jabatan")
    if isinstance(tmt, date) and tmt > today:
        errors.append(RosterError("date_future", column="tmt_jabatan", value=tmt.isoformat()))
    sanction = check(parse_bool, get("hukuman_disiplin", ""), column="hukuman_disiplin")
    study = check(parse_bool, get("tugas_belajar", ""), column="tugas_belajar")
    skills = check(clean_text, get("keahlian", ""), column="keahlian", max_len=2000)
    if errors:
        return None, problems_of(line, errors)
    row = RosterRow(
        line=line, nip=nip_info.nip, name=name, phone=phone, unit=unit, position_title=title,
        position_kind=kind, rank=rank, education_level=level, education_major=major,
        position_tmt=tmt, disciplinary_sanction=sanction, study_leave=study,
        roster_skills=skills,
    )  # fmt: skip
    return row, []


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
    session: AsyncSession, parsed: ParsedRoster, *, partial: bool, actor: str
) -> ImportReport:
    """Upsert the valid rows by NIP; with rejected rows and not ``partial``, change nothing."""
    report = ImportReport(problems=list(parsed.problems), missing_columns=parsed.missing_columns)
    if parsed.missing_columns or (parsed.problems and not partial):
        return report
    units = await q.get_or_create_units(session, (row.unit for row in parsed.rows))
    existing = await q.get_employees_by_nips(session, (row.nip for row in parsed.rows))
    now = utcnow()
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row in parsed.rows:
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
    report.added, report.updated, report.applied = len(inserts), len(updates), True
    await record(
        session, actor, "roster.import", "employee", added=report.added,
        updated=report.updated, unchanged=report.unchanged, rejected=report.rejected,
        partial=partial,
    )  # fmt: skip
    return report


def problem_text(problem: RowProblem, locale: str | None) -> str:
    """One translated line such as "Baris 22: NIP harus 18 digit (ditemukan 14)"."""
    reason = t(locale, "roster.err", error=problem.code, **problem.params)
    return t(locale, "roster.report.line", line=problem.line, reason=reason)


def format_report(report: ImportReport, locale: str | None, *, max_lines: int | None = None) -> str:
    """The import report as text; at most ``max_lines`` rejected lines are listed."""
    parts: list[str] = []
    if report.missing_columns:
        parts.append(
            t(locale, "roster.report.missing_columns", columns=", ".join(report.missing_columns))
        )
    elif report.applied:
        parts.append(
            t(locale, "roster.report.applied", added=report.added, updated=report.updated,
              unchanged=report.unchanged)
        )  # fmt: skip
        if report.problems:
            parts.append(t(locale, "roster.report.skipped", count=report.rejected))
    else:
        parts.append(t(locale, "roster.report.not_applied", count=report.rejected))
    shown = report.problems if max_lines is None else report.problems[:max_lines]
    parts.extend(problem_text(p, locale) for p in shown)
    if len(shown) < len(report.problems):
        parts.append(t(locale, "roster.report.more", count=len(report.problems) - len(shown)))
    return "\n".join(parts)


def file_error_text(error: RosterError, locale: str | None) -> str:
    """The translated message of a file-level error (unreadable, wrong type ...)."""
    return t(locale, "roster.err", error=error.code, **error.params)


def report_as_dict(report: ImportReport) -> dict[str, Any]:
    """A JSON-friendly view of a report (for logs of counts or API answers)."""
    return {
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "rejected": report.rejected,
        "applied": report.applied,
        "missing_columns": list(report.missing_columns),
        "problems": [asdict(p) for p in report.problems],
    }
