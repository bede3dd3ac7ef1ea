"""Read a moves file (CSV/XLSX) into validated lines: NIP, destination, TMT, rationale.

Pure: bytes in, lines and line-numbered problems out. The roster's reader, header
matching, NIP/date checks and ``RowProblem`` are reused, so roster problem codes keep
their ``roster.err`` texts; codes of this module select a variant of ``plans.imp_err``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.roster.columns import COLUMN_ALIASES, map_headers
from bot.roster.importer import nip_duplicate, problem_text
from bot.roster.reader import read_table
from bot.roster.rows import RowProblem, parse_rows, problems_of
from bot.roster.validation import RosterError, clean_text, parse_date, parse_nip
from bot.texts import t

RATIONALE_MAX = 500
DEST_COLUMNS = "kode_formasi | unit_tujuan + jabatan_tujuan"
MOVE_ALIASES: dict[str, tuple[str, ...]] = {
    "nip": COLUMN_ALIASES["nip"],
    "kode_formasi": (
        "kode formasi", "kode jabatan", "formasi", "kode", "position code", "position id",
    ),
    "unit_tujuan": (
        "unit tujuan", "unit kerja tujuan", "opd tujuan", "perangkat daerah tujuan",
        "to unit", "target unit", "destination unit",
    ),
    "jabatan_tujuan": (
        "jabatan tujuan", "nama jabatan tujuan", "to position", "target position",
        "destination position",
    ),
    "tmt": ("tmt", "usulan tmt", "tmt usulan", "tmt mutasi", "proposed tmt", "effective date"),
    "alasan": ("alasan", "pertimbangan", "alasan mutasi", "rationale", "reason"),
}  # fmt: skip
REQUIRED = ("nip", "tmt")
# Codes of this module (the others come from bot.roster.validation).
MOVE_CODES = frozenset(
    {"dest_missing", "emp_unknown", "position_unknown", "unit_unknown", "already_in_plan"}
)


@dataclass(frozen=True, slots=True)
class MoveLine:
    """One valid line: who, where to (a position code, or unit and position), when, why."""

    line: int
    nip: str
    code: str
    unit: str
    position: str
    tmt: date
    rationale: str


@dataclass(slots=True)
class ParsedMoves:
    """Valid lines, rejected lines, and the required columns that were not found."""

    lines: list[MoveLine] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)


def parse_moves(data: bytes, filename: str, *, today: date | None = None) -> ParsedMoves:
    """Read and validate a moves file; ``RosterError`` only for unreadable files."""
    table = read_table(data, filename)
    columns = map_headers(table.header, MOVE_ALIASES, REQUIRED)
    parsed = ParsedMoves(missing_columns=list(columns.missing))
    has_dest = "kode_formasi" in columns.index or (
        "unit_tujuan" in columns.index and "jabatan_tujuan" in columns.index
    )
    if not has_dest:
        parsed.missing_columns.append(DEST_COLUMNS)
    if parsed.missing_columns:
        return parsed
    day = today or date.today()
    result = parse_rows(
        table.rows,
        columns.index,
        lambda line, values: _parse_line(line, values, day),
        key=lambda row: row.nip,
        duplicate=nip_duplicate,
    )
    parsed.lines, parsed.problems = result.rows, result.problems
    return parsed


def _parse_line(
    line: int, values: dict[str, str], today: date
) -> tuple[MoveLine | None, list[RowProblem]]:
    """Check every cell of one line; the row, or every problem found."""
    errors: list[RosterError] = []
    nip = tmt = None
    try:
        nip = parse_nip(values.get("nip", ""), reference_date=today).nip
    except RosterError as exc:
        errors.append(exc)
    try:
        tmt = parse_date(values.get("tmt", ""), column="tmt")
        if tmt is None:
            errors.append(RosterError("required", column="tmt"))
    except RosterError as exc:
        errors.append(exc)
    texts: dict[str, str] = {}
    for key, limit in (("kode_formasi", 50), ("unit_tujuan", 200), ("jabatan_tujuan", 200),
                       ("alasan", RATIONALE_MAX)):  # fmt: skip
        try:
            texts[key] = clean_text(values.get(key, ""), column=key, max_len=limit)
        except RosterError as exc:
            errors.append(exc)
            texts[key] = ""
    code, unit, position = texts["kode_formasi"], texts["unit_tujuan"], texts["jabatan_tujuan"]
    if not code and not (unit and position):
        errors.append(RosterError("dest_missing"))
    if errors or nip is None or tmt is None:
        return None, problems_of(line, errors)
    return MoveLine(line, nip, code, unit, position, tmt, texts["alasan"]), []


def line_text(problem: RowProblem, locale: str | None) -> str:
    """One translated report line ("Baris 3: …"), for roster codes and move codes alike."""
    if problem.code not in MOVE_CODES and not problem.code.startswith("warn:"):
        return problem_text(problem, locale)
    if problem.code.startswith("warn:"):
        warning = t(locale, "plans.warn", warning=problem.code[5:], **problem.params)
        reason = t(locale, "plans.imp_warned", warning=warning)
    else:
        reason = t(locale, "plans.imp_err", error=problem.code, **problem.params)
    return t(locale, "roster.report.line", line=problem.line, reason=reason)
