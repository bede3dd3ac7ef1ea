"""Parse a workload file (CSV/XLSX): unit, position, need (ABK), staffed (bezetting).

Every bad row is reported with its spreadsheet line number; the caller decides whether to
apply the valid rows (partial) or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.roster.reader import Table, read_table
from bot.workload.balance import Figure

COLUMNS: dict[str, tuple[str, ...]] = {
    "unit": ("unit", "unit kerja", "opd", "perangkat daerah", "unit_kerja"),
    "position": ("jabatan", "position", "nama jabatan"),
    "need": ("kebutuhan", "need", "abk", "kebutuhan abk"),
    "staffed": ("bezetting", "staffed", "terisi", "jumlah pegawai"),
}
MAX_COUNT = 100_000


@dataclass(frozen=True)
class Problem:
    """One rejected line; ``code`` selects the variant of the ``workload.err`` text."""

    line: int
    code: str
    value: str = ""


@dataclass
class ParsedWorkload:
    """Valid figures with their line numbers, problems, and missing columns."""

    figures: list[tuple[int, Figure]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)


def _column_map(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Map each field to its column index; list the fields not found."""
    normalized = [h.strip().lower().replace("_", " ") for h in header]
    found: dict[str, int] = {}
    for key, aliases in COLUMNS.items():
        for index, name in enumerate(normalized):
            if name in {a.replace("_", " ") for a in aliases}:
                found[key] = index
                break
    return found, [k for k in COLUMNS if k not in found]


def _count(value: str) -> int | None:
    """A non-negative whole number, or None."""
    text = value.strip().replace(".0", "") if value.strip().endswith(".0") else value.strip()
    if not text.isdigit():
        return None
    number = int(text)
    return number if number <= MAX_COUNT else None


def parse_table(table: Table) -> ParsedWorkload:
    """Validate every row of a read table."""
    columns, missing = _column_map(table.header)
    parsed = ParsedWorkload(missing_columns=missing)
    if missing:
        return parsed
    seen: dict[tuple[str, str], int] = {}
    for line, cells in table.rows:

        def cell(key: str, cells: list[str] = cells) -> str:
            """The stripped cell of ``key`` (empty when the row is short)."""
            index = columns[key]
            return cells[index].strip() if index < len(cells) else ""

        unit, position = cell("unit"), cell("position")
        need, staffed = _count(cell("need")), _count(cell("staffed"))
        if not unit:
            parsed.problems.append(Problem(line, "unit_empty"))
        elif not position:
            parsed.problems.append(Problem(line, "position_empty"))
        elif need is None:
            parsed.problems.append(Problem(line, "need", cell("need")))
        elif staffed is None:
            parsed.problems.append(Problem(line, "staffed", cell("staffed")))
        elif (unit.lower(), position.lower()) in seen:
            key = (unit.lower(), position.lower())
            parsed.problems.append(Problem(line, "duplicate", str(seen[key])))
        else:
            seen[(unit.lower(), position.lower())] = line
            parsed.figures.append((line, Figure(unit, position, need, staffed)))
    return parsed


def parse_workload(data: bytes, filename: str) -> ParsedWorkload:
    """Read and validate a workload file (RosterError for unreadable files)."""
    return parse_table(read_table(data, filename))
