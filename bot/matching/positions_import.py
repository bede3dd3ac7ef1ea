"""Import open positions (formasi) from CSV/XLSX in the matching-dev format.

Same rules as the roster import: every line is validated and problems are reported with
line numbers; without ``partial`` nothing changes when any line is rejected; rows are
upserted by ``position_id`` so importing the same file twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.roster.reader import read_table
from bot.roster.rows import RowProblem, parse_rows, rejected_count
from bot.roster.validation import RosterError, normalize_education, normalize_rank, rank_index
from bot.texts import t
from storage.models.base import utcnow
from storage.queries import positions as q
from storage.queries.audit import record
from storage.queries.employees import get_or_create_units

REQUIRED = ("position_id", "title", "unit", "required_skills")
_ALIASES = {
    "position_id": ("position_id", "kode", "kode_formasi", "kode_jabatan", "id"),
    "title": ("title", "jabatan", "nama_jabatan"),
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
            "min_rank", "max_rank", "quota", "main_duties", "open", "unit_id")  # fmt: skip


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


@dataclass(slots=True)
class PositionsReport:
    """Parsed rows, problems and, after applying, the counts."""

    rows: list[PositionRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    applied: bool = False

    @property
    def rejected(self) -> int:
        """Number of distinct rejected lines."""
        return rejected_count(self.problems)


def _header_key(name: str) -> str:
    """Header cell → comparison key (lower case, underscores)."""
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")


def parse_positions(data: bytes, filename: str) -> PositionsReport:
    """Read and validate a positions file; raises ``RosterError`` for unreadable files."""
    table = read_table(data, filename)
    keys = [_header_key(h) for h in table.header]
    index: dict[str, int] = {}
    for column, aliases in _ALIASES.items():
        for alias in aliases:
            if alias in keys:
                index[column] = keys.index(alias)
                break
    report = PositionsReport(missing_columns=[c for c in REQUIRED if c not in index])
    if report.missing_columns:
        return report
    result = parse_rows(
        table.rows, index, _parse_row, key=lambda row: row.position_id, duplicate=_duplicate
    )
    report.rows, report.problems = result.rows, result.problems
    return report


def _duplicate(line: int, position_id: str, first_line: int) -> RowProblem:
    """The problem of a position id already seen on ``first_line``."""
    return RowProblem(
        line, "position_id_duplicate", {"value": position_id, "first_line": first_line}
    )


def _parse_row(line: int, v: dict[str, str]) -> tuple[PositionRow | None, list[RowProblem]]:
    """Validate one line; return the row or its problems."""
    problems = [RowProblem(line, c) for c in REQUIRED if not v.get(c)]
    level = ranks = None
    try:
        level = normalize_education(v.get("education_level", ""))
    except RosterError:
        problems.append(RowProblem(line, "education", {"value": v["education_level"]}))
    try:
        ranks = [normalize_rank(v[c]) if v.get(c) else "" for c in ("min_golongan", "max_golongan")]
    except RosterError as exc:
        problems.append(RowProblem(line, "rank", {"value": exc.params.get("value", "")}))
    if ranks and all(ranks) and rank_index(ranks[0]) > rank_index(ranks[1]):
        problems.append(RowProblem(line, "rank_order", {"low": ranks[0], "high": ranks[1]}))
    quota_text = v.get("quota", "") or "1"
    if not quota_text.isdigit() or int(quota_text) < 1:
        problems.append(RowProblem(line, "quota", {"value": quota_text}))
    if problems or level is None or ranks is None:
        return None, problems
    fields = "; ".join(s.strip() for s in v.get("education_fields", "").split(";") if s.strip())
    return PositionRow(
        line=line, position_id=v["position_id"], title=v["title"], unit=v["unit"],
        required_skills=v["required_skills"], education_level=level, education_fields=fields,
        min_rank=ranks[0], max_rank=ranks[1], quota=int(quota_text),
        main_duties=v.get("main_duties", ""),
    ), []  # fmt: skip


async def apply_positions(
    session: AsyncSession, report: PositionsReport, *, partial: bool, actor: str
) -> PositionsReport:
    """Upsert valid rows by position_id; with problems and not ``partial``, change nothing."""
    if report.missing_columns or (report.problems and not partial):
        return report
    units = await get_or_create_units(session, (r.unit for r in report.rows))
    existing = await q.get_positions_by_codes(session, (r.position_id for r in report.rows))
    now = utcnow()
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row in report.rows:
        values = {
            "title": row.title, "unit_name": row.unit, "unit_id": units[row.unit].id,
            "required_skills": row.required_skills, "education_level": row.education_level,
            "education_fields": row.education_fields, "min_rank": row.min_rank,
            "max_rank": row.max_rank, "quota": row.quota, "main_duties": row.main_duties,
            "open": True,
        }  # fmt: skip
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
    report.added, report.updated, report.applied = len(inserts), len(updates), True
    await record(session, actor, "positions.import", "position", added=report.added,
                 updated=report.updated, unchanged=report.unchanged,
                 rejected=report.rejected, partial=partial)  # fmt: skip
    return report


def format_positions_report(report: PositionsReport, locale: str | None) -> str:
    """The import report as translated text, one line per problem."""
    if report.missing_columns:
        return t(locale, "match.err.missing_columns", columns=", ".join(report.missing_columns))
    parts = []
    if report.applied:
        parts.append(t(locale, "match.report.applied", added=report.added,
                       updated=report.updated, unchanged=report.unchanged))  # fmt: skip
        if report.problems:
            parts.append(t(locale, "match.report.skipped", count=report.rejected))
    else:
        parts.append(t(locale, "match.report.not_applied", count=report.rejected))
    for p in report.problems:
        reason = t(locale, "match.err", error=p.code, **p.params)
        parts.append(t(locale, "match.report.line", line=p.line, reason=reason))
    return "\n".join(parts)
