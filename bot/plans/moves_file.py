"""Validate a moves file (CSV/XLSX) into lines: NIP, destination, TMT, rationale.

Pure: a table in, lines and line-numbered errors out. The roster's NIP/date checks keep
their ``roster.err.*`` texts; errors of this module use ``plans.imp_err_*``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.imports.kinds import ImportContext
from bot.imports.reader import Table
from bot.imports.rows import CellChecks, LineResult, Validated, map_headers, validate_rows
from bot.roster.columns import COLUMN_ALIASES
from bot.roster.importer import nip_duplicate
from bot.roster.validation import clean_text, parse_date, parse_nip

RATIONALE_MAX = 500
DEST_COLUMNS = "kode_formasi | unit_tujuan + jabatan_tujuan | instansi_tujuan + jabatan_tujuan"
MOVE_ALIASES: dict[str, tuple[str, ...]] = {
    "nip": COLUMN_ALIASES["nip"],
    "kode_formasi": (
        "kode formasi", "kode jabatan", "formasi", "kode", "position code", "position id",
    ),
    "unit_tujuan": (
        "unit tujuan", "unit kerja tujuan", "opd tujuan", "perangkat daerah tujuan",
        "to unit", "target unit", "destination unit",
    ),
    "instansi_tujuan": (
        "instansi tujuan", "keluar ke instansi", "pindah ke instansi", "to agency",
        "target agency", "destination agency",
    ),
    "jabatan_tujuan": (
        "jabatan tujuan", "nama jabatan tujuan", "to position", "target position",
        "destination position",
    ),
    "tmt": ("tmt", "usulan tmt", "tmt usulan", "tmt mutasi", "proposed tmt", "effective date"),
    "alasan": ("alasan", "pertimbangan", "alasan mutasi", "rationale", "reason"),
}  # fmt: skip
REQUIRED = ("nip", "tmt")
# Text columns and their longest accepted value.
_TEXT_LIMITS = (("kode_formasi", 50), ("unit_tujuan", 200), ("jabatan_tujuan", 200),
                ("instansi_tujuan", 200), ("alasan", RATIONALE_MAX))  # fmt: skip


@dataclass(frozen=True, slots=True)
class MoveLine:
    """One valid line: who, where to (a position code, or unit and position, or an agency
    outside and position), when, why."""

    line: int
    nip: str
    code: str
    unit: str
    position: str
    tmt: date
    rationale: str
    agency: str = ""


def validate_moves(table: Table, ctx: ImportContext) -> Validated[MoveLine]:
    """Validate every line of a moves table against ``ctx.today``."""
    columns = map_headers(table.header, MOVE_ALIASES, REQUIRED)
    has_dest = "kode_formasi" in columns.index or (
        "jabatan_tujuan" in columns.index
        and ("unit_tujuan" in columns.index or "instansi_tujuan" in columns.index)
    )
    if not has_dest:
        columns.missing.append(DEST_COLUMNS)
    return validate_rows(
        table,
        columns,
        lambda line, values: _parse_line(line, values, ctx.today),
        key=lambda row: row.nip,
        duplicate=nip_duplicate,
    )


def _parse_line(line: int, values: dict[str, str], today: date) -> LineResult[MoveLine]:
    """Check every cell of one line; the row, or every error found."""
    check = CellChecks(line)
    nip_info = check("nip", parse_nip, values.get("nip", ""), reference_date=today)
    raw_tmt = values.get("tmt", "").strip()
    tmt = check("tmt", parse_date, raw_tmt, column="tmt") if raw_tmt else None
    if not raw_tmt:
        check.add("tmt", "roster.err.required", column="tmt")
    texts = {
        key: check(key, clean_text, values.get(key, ""), column=key, max_len=limit) or ""
        for key, limit in _TEXT_LIMITS
    }
    code, unit, position = texts["kode_formasi"], texts["unit_tujuan"], texts["jabatan_tujuan"]
    agency = texts["instansi_tujuan"]
    if not code and not ((unit or agency) and position):
        check.add("kode_formasi", "plans.imp_err_dest_missing")
    if check.errors or nip_info is None or tmt is None:
        return None, check.errors
    return MoveLine(line, nip_info.nip, code, unit, position, tmt, texts["alasan"], agency), []
